def unreachable(graph, roots):
    seen = set()

    def mark(node):
        if node in seen:
            return
        seen.add(node)
        for child in graph[node]:
            mark(child)

    for r in roots:
        mark(r)
    return sorted(set(graph) - seen)
