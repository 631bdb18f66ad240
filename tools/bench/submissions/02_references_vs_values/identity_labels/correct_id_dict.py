def identity_labels(items):
    labels = {}
    out = []
    for obj in items:
        k = id(obj)
        if k not in labels:
            labels[k] = len(labels)
        out.append(labels[k])
    return out
