import functools
import operator


def shifted_rows(offsets, xs):
    adders = [functools.partial(operator.add, k) for k in offsets]
    return [list(map(add, xs)) for add in adders]
