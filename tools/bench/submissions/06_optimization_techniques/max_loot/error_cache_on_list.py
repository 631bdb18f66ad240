from functools import lru_cache


@lru_cache(maxsize=None)
def best_from(values, i):
    if i >= len(values):
        return 0
    return max(best_from(values, i + 1), values[i] + best_from(values, i + 2))


def max_loot(values):
    return best_from(values, 0)
