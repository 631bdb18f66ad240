import copy


def fork_and_append(doc, value):
    out = copy.deepcopy(doc)
    out[0].append(value)
    return out
