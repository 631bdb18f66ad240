def identity_labels(items):
    first_seen = {}
    # setdefault hands back the old label, or stores the next one
    return [first_seen.setdefault(id(x), len(first_seen)) for x in items]
