from collections import defaultdict


def self_times(events):
    # add a call's whole time to it, and take the same time off its caller
    own = defaultdict(int)
    started = []
    for t, kind, name in events:
        match kind:
            case "call":
                started.append((t, name))
            case "return":
                start, _ = started.pop()
                own[name] += t - start
                if started:
                    own[started[-1][1]] -= t - start
    return dict(own)
