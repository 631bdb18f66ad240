from functools import lru_cache
from itertools import groupby


@lru_cache(maxsize=None)
def longest_run(data):
    # bytes are hashable: the same data a second time costs nothing
    return max((len(list(run)) for _, run in groupby(data)), default=0)
