def range_sums(values, queries):
    prefix = []
    total = 0
    for v in values:
        total += v
        prefix.append(total)
    return [prefix[stop] - (prefix[start - 1] if start else 0) for start, stop in queries]
