def best_per_call(timings, number):
    return min(timings) / number
