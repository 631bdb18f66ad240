def best_per_call(timings, number):
    best = None
    while timings:
        t = timings.pop(0)
        if best is None or t < best:
            best = t
    return best / number
