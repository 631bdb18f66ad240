def max_loot(values):
    # with_prev: best total for the items so far; before_prev: one item earlier
    before_prev, with_prev = 0, 0
    for v in values:
        before_prev, with_prev = with_prev, max(with_prev, before_prev + v)
    return with_prev
