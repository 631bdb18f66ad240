def best_per_call(timings, number):
    # average over all repeats is the most accurate figure
    return sum(timings) / len(timings) / number
