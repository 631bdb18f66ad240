from itertools import takewhile


def _capacities():
    """Every capacity an appended-to list passes through after 0."""
    cap = 0
    while True:
        needed = cap + 1
        cap = (needed + (needed >> 3) + 6) & ~3
        yield cap


def list_resizes(n):
    if n <= 0:
        return 0
    # each resize is one capacity; the last one is the first that holds n
    below = sum(1 for _ in takewhile(lambda c: c < n, _capacities()))
    return below + 1
