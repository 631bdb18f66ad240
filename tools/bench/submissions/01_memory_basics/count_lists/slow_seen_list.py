def count_lists(obj):
    visited = []          # ids of the lists I have counted
    stack = [obj]
    while stack:
        cur = stack.pop()
        if isinstance(cur, list):
            if id(cur) not in visited:
                visited.append(id(cur))
                for item in cur:
                    stack.append(item)
    return len(visited)
