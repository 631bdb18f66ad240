def count_comparisons(items, target):
    count = 0
    while items:
        x = items.pop(0)
        count += 1
        if x == target:
            return count
    return count
