def best_per_call(timings, number):
    return timings.sort()[0] / number
