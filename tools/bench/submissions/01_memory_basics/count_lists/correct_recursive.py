def count_lists(obj):
    seen = set()

    def walk(thing):
        if not isinstance(thing, list):
            return
        if id(thing) in seen:   # been here already (or we are inside it)
            return
        seen.add(id(thing))
        for part in thing:
            walk(part)

    walk(obj)
    return len(seen)
