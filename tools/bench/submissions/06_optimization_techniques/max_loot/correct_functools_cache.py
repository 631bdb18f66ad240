from functools import cache


def max_loot(values):
    @cache
    def best(i):
        if i >= len(values):
            return 0
        skip = best(i + 1)
        take = values[i] + best(i + 2)
        return max(skip, take)

    return best(0)
