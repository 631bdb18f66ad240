def count_lists(obj):
    seen = set()
    stack = [obj]
    while stack:
        cur = stack.pop()
        if isinstance(cur, dict):
            stack.extend(cur.values())
        elif isinstance(cur, tuple):
            stack.extend(cur)
        elif isinstance(cur, list) and id(cur) not in seen:
            seen.add(id(cur))
            stack.extend(cur)
    return len(seen)
