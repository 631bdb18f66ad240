def identity_labels(items):
    distinct = []
    labels = []
    for x in items:
        if x not in distinct:
            distinct.append(x)
        labels.append(distinct.index(x))
    return labels
