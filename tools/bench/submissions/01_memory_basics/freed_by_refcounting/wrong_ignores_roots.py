def freed_by_refcounting(graph, roots):
    counts = dict.fromkeys(graph, 0)
    for targets in graph.values():
        for t in targets:
            counts[t] += 1
    todo = [k for k, c in counts.items() if c == 0]
    freed = []
    while todo:
        k = todo.pop()
        freed.append(k)
        for t in graph[k]:
            counts[t] -= 1
            if counts[t] == 0:
                todo.append(t)
    return sorted(freed)
