def summarize(numbers):
    count = 0
    total = 0
    largest = None
    for x in numbers:
        count += 1
        total += x
        if largest is None or x > largest:
            largest = x
    return (count, total, largest)
