def best_per_call(timings, number):
    fastest = timings[0]
    for t in timings[1:]:
        if t < fastest:
            fastest = t
    return fastest / number
