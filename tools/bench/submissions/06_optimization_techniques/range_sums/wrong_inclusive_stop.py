def range_sums(values, queries):
    prefix = [0]
    for v in values:
        prefix.append(prefix[-1] + v)
    # sum from start to stop
    return [prefix[min(stop + 1, len(values))] - prefix[start] for start, stop in queries]
