def hot_spots(rows, k):
    names = []
    for name, _ in rows:
        if name not in names:
            names.append(name)
    totals = [(name, sum(t for n, t in rows if n == name)) for name in names]
    totals.sort(key=lambda x: (-x[1], x[0]))
    return totals[:k]
