def identity_labels(items):
    label_of = {}
    labels = []
    for item in items:
        if item not in label_of:
            label_of[item] = len(label_of)
        labels.append(label_of[item])
    return labels
