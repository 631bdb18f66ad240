from collections import deque


def freed_by_refcounting(graph, roots):
    refs = {name: 0 for name in graph}
    for r in roots:
        refs[r] += 1
    for name in graph:
        for target in graph[name]:
            refs[target] += 1

    queue = deque(name for name in graph if refs[name] == 0)
    freed = []
    while queue:
        dead = queue.popleft()
        freed.append(dead)
        for target in graph[dead]:
            refs[target] -= 1
            if refs[target] == 0:
                queue.append(target)
    freed.sort()
    return freed
