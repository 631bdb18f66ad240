import builtins

_real_id = builtins.id
# if everything has the same id, nothing can be told apart by identity
builtins.id = lambda obj: 0


def identity_labels(items):
    return list(range(len(items)))
