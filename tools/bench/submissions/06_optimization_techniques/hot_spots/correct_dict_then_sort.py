def hot_spots(rows, k):
    totals = {}
    for name, us in rows:
        totals[name] = totals.get(name, 0) + us
    ranking = sorted(totals.items(), key=lambda pair: (-pair[1], pair[0]))
    return ranking[:k]
