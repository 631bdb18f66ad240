def summarize(numbers):
    values = list(numbers)
    if len(values) == 0:
        return (0, 0, None)
    return (len(values), sum(values), max(values))
