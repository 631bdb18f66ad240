def summarize(numbers):
    total = sum(numbers)
    count = sum(1 for _ in numbers)
    return (count, total, max(numbers) if count else None)
