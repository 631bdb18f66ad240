import sys


def list_resizes(n):
    # just ask CPython: getsizeof changes exactly when the capacity does
    lst = []
    size = sys.getsizeof(lst)
    changes = 0
    for _ in range(n):
        lst.append(None)
        new = sys.getsizeof(lst)
        if new != size:
            changes += 1
            size = new
    return changes
