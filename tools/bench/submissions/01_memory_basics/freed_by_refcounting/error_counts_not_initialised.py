def freed_by_refcounting(graph, roots):
    counts = {}
    for r in roots:
        counts[r] = counts.get(r, 0) + 1
    for targets in graph.values():
        for t in targets:
            counts[t] += 1
    todo = [k for k in graph if counts.get(k, 0) == 0]
    freed = []
    while todo:
        k = todo.pop()
        freed.append(k)
        for t in graph[k]:
            counts[t] -= 1
            if counts[t] == 0:
                todo.append(t)
    return sorted(freed)
