import functools


def add_offset(k, x):
    return x + k


def shifted_rows(offsets, xs):
    adders = [functools.partial(add_offset, k=k) for k in offsets]
    return [[add(x) for x in xs] for add in adders]
