def identity_labels(items):
    seen = []
    result = []
    for x in items:
        label = None
        for i in range(len(seen)):
            if seen[i] is x:
                label = i
                break
        if label is None:
            label = len(seen)
            seen.append(x)
        result.append(label)
    return result
