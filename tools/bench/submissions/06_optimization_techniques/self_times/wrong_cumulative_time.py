def self_times(events):
    totals = {}
    starts = []
    for t, kind, name in events:
        if kind == "call":
            starts.append(t)
        else:
            # return time minus call time: but that includes the children
            totals[name] = totals.get(name, 0) + t - starts.pop()
    return totals
