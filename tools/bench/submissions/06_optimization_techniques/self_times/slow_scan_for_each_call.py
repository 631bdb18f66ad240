def self_times(events):
    result = {}
    for i in range(len(events)):
        start, kind, name = events[i]
        if kind == "return":
            continue
        # walk forward to this call's return, adding up the direct children
        depth = 0
        children = 0
        for j in range(i + 1, len(events)):
            t, k, _ = events[j]
            if k == "call":
                depth += 1
                if depth == 1:
                    child_start = t
            elif depth == 0:
                result[name] = result.get(name, 0) + t - start - children
                break
            else:
                if depth == 1:
                    children += t - child_start
                depth -= 1
    return result
