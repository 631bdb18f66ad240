def count_comparisons(items, target):
    for i in range(len(items)):
        if items[i] == target:
            return i
    return len(items)
