def hot_spots(rows, k):
    totals = {}
    for name, t in rows:
        totals[name] = totals.get(name, 0) + t
    totals.sort(key=lambda name: -totals[name])
    return [(name, totals[name]) for name in totals][:k]
