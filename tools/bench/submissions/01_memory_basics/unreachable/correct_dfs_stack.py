def unreachable(graph, roots):
    reached = set()
    stack = list(roots)
    while stack:
        node = stack.pop()
        if node in reached:
            continue
        reached.add(node)
        stack.extend(graph[node])
    return sorted(n for n in graph if n not in reached)
