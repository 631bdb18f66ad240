def count_lists(obj):
    if not isinstance(obj, list):
        return 0
    total = 1
    for item in obj:
        total += count_lists(item)
    return total
