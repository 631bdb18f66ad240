def summarize(numbers):
    count = total = largest = 0
    for x in numbers:
        count += 1
        total += x
        largest = max(largest, x)
    if count == 0:
        return (0, 0, None)
    return (count, total, largest)
