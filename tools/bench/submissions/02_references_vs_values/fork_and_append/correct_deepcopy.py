import copy


def fork_and_append(doc, value):
    # deepcopy keeps a memo too, so shared lists stay shared in the copy
    forked = copy.deepcopy(doc)
    forked[0].append(value)
    return doc, forked
