def unreachable(graph, roots):
    alive = set(roots)
    for r in roots:
        for ref in graph[r]:
            alive.add(ref)
    return sorted(k for k in graph if k not in alive)
