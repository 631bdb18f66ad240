def count_comparisons(items, target):
    comparisons = 0
    for x in items:
        comparisons += 1
        if x == target:
            break
    return comparisons
