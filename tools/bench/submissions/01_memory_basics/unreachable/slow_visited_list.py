def unreachable(graph, roots):
    visited = []
    to_visit = list(roots)
    while to_visit:
        obj = to_visit.pop()
        if obj not in visited:
            visited.append(obj)
            for ref in graph[obj]:
                to_visit.append(ref)
    return sorted([obj for obj in graph if obj not in visited])
