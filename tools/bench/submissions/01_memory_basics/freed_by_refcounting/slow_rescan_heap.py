def freed_by_refcounting(graph, roots):
    count = {k: 0 for k in graph}
    for r in roots:
        count[r] += 1
    for k in graph:
        for t in graph[k]:
            count[t] += 1

    freed = []
    while True:
        # look for anything that has dropped to zero and is not freed yet
        found = None
        for k in graph:
            if count[k] == 0 and k not in freed:
                found = k
                break
        if found is None:
            break
        freed.append(found)
        for t in graph[found]:
            count[t] -= 1
    return sorted(freed)
