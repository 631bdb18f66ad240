def running_max(values):
    result = []
    for v in values:
        best = max(best, v)
        result.append(best)
    return result
