def summarize(numbers):
    it = iter(numbers)
    first = next(it, None)
    if first is None:
        return (0, 0, None)
    count, total, largest = 1, first, first
    for x in it:
        count += 1
        total += x
        if x > largest:
            largest = x
    return count, total, largest
