def count_comparisons(items, target):
    return items.index(target) + 1
