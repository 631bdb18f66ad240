def shifted_rows(offsets, xs):
    adders = []
    for k in offsets:
        adders = adders + [lambda x, k=k: x + k]
    rows = []
    for add in adders:
        rows.append([add(x) for x in xs])
    return rows
