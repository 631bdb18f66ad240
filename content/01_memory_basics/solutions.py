"""Reference solutions (and deliberately slow naive versions) for 01 Memory basics."""

# %% solution: same_or_equal
def same_or_equal(a, b):
    # Identity first: `is` compares two addresses, whatever the objects are.
    if a is b:
        return "same object"
    if a == b:
        return "equal"
    return "different"


# %% solution: count_lists
def count_lists(obj):
    seen = set()          # ids of lists already counted
    stack = [obj]         # an explicit stack: no recursion limit to hit
    while stack:
        item = stack.pop()
        if not isinstance(item, list):
            continue
        key = id(item)    # safe: every list we meet stays alive meanwhile
        if key in seen:
            continue
        seen.add(key)
        stack.extend(item)
    return len(seen)


# %% naive: count_lists
# time: O(n^2)
def count_lists(obj):
    seen = []             # a list of ids: each `in` test scans all of it
    stack = [obj]
    while stack:
        item = stack.pop()
        if not isinstance(item, list):
            continue
        if id(item) in seen:
            continue
        seen.append(id(item))
        stack.extend(item)
    return len(seen)


# %% solution: parse_records
def parse_records(data):
    view = memoryview(data)
    records = []
    while view:
        length = view[0]
        records.append(bytes(view[1:1 + length]))  # copy only the payload
        view = view[1 + length:]                    # a new view, no copying
    return records


# %% naive: parse_records
# time: O(n^2)
def parse_records(data):
    records = []
    while data:
        length = data[0]
        records.append(data[1:1 + length])
        data = data[1 + length:]      # copies all the remaining bytes
    return records


# %% solution: freed_by_refcounting
def freed_by_refcounting(graph, roots):
    counts = dict.fromkeys(graph, 0)
    for name in roots:
        counts[name] += 1
    for targets in graph.values():
        for name in targets:
            counts[name] += 1
    todo = [name for name, count in counts.items() if count == 0]
    freed = []
    while todo:
        name = todo.pop()
        freed.append(name)
        for target in graph[name]:
            counts[target] -= 1
            if counts[target] == 0:
                todo.append(target)
    return sorted(freed)


# %% naive: freed_by_refcounting
# time: O(n^2)
def freed_by_refcounting(graph, roots):
    counts = dict.fromkeys(graph, 0)
    for name in roots:
        counts[name] += 1
    for targets in graph.values():
        for name in targets:
            counts[name] += 1
    freed = set()
    changed = True
    while changed:                    # sweep the whole heap until nothing changes
        changed = False
        for name in graph:
            if name not in freed and counts[name] == 0:
                freed.add(name)
                for target in graph[name]:
                    counts[target] -= 1
                changed = True
    return sorted(freed)


# %% solution: unreachable
def unreachable(graph, roots):
    marked = set(roots)
    stack = list(marked)
    while stack:
        name = stack.pop()
        for target in graph[name]:
            if target not in marked:
                marked.add(target)
                stack.append(target)
    return sorted(name for name in graph if name not in marked)


# %% solution: freeze
def freeze(obj):
    if isinstance(obj, (list, tuple)):
        return tuple(freeze(item) for item in obj)
    if isinstance(obj, set):
        return frozenset(obj)
    if isinstance(obj, dict):
        return frozenset((key, freeze(value)) for key, value in obj.items())
    return obj
