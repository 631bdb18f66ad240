from collections import deque


def unreachable(graph, roots):
    """Mark from the roots, then everything unmarked is garbage."""
    marked = set(roots)
    q = deque(marked)
    while q:
        cur = q.popleft()
        for nxt in graph[cur]:
            if nxt not in marked:
                marked.add(nxt)
                q.append(nxt)
    garbage = [obj for obj in graph if obj not in marked]
    garbage.sort()
    return garbage
