def max_loot(values):
    if not values:
        return 0
    if len(values) == 1:
        return values[0]
    # either take the first item and skip the next, or skip the first
    return max(values[0] + max_loot(values[2:]), max_loot(values[1:]))
