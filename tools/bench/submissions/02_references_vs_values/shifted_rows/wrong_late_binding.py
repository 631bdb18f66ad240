def shifted_rows(offsets, xs):
    adders = [lambda x: x + k for k in offsets]
    return [[add(x) for x in xs] for add in adders]
