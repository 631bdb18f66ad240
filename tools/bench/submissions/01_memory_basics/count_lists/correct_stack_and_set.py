def count_lists(obj):
    seen = set()
    todo = [obj]
    while todo:
        x = todo.pop()
        if type(x) is list and id(x) not in seen:
            seen.add(id(x))
            todo.extend(x)
    return len(seen)
