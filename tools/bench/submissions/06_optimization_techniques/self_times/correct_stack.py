def self_times(events):
    totals = {}
    stack = []
    for t, kind, name in events:
        if kind == "call":
            stack.append([t, 0])          # start time, time spent in children
        else:
            start, inner = stack.pop()
            spent = t - start
            totals[name] = totals.get(name, 0) + spent - inner
            if stack:
                stack[-1][1] += spent
    return totals
