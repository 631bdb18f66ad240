def self_times(events):
    own = {}
    stack = []
    for t, kind, name in events:
        if kind == "call":
            stack.append([t, 0])
        else:
            start, inner = stack.pop()
            own[name] += t - start - inner
            if stack:
                stack[-1][1] += t - start
    return own
