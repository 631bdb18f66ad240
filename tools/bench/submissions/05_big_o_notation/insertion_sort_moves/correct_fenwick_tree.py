def insertion_sort_moves(nums):
    # rank the values (equal values share a rank), then walk from the right
    # counting, in a Fenwick tree, how many smaller values were seen already
    ranks = {v: r for r, v in enumerate(sorted(set(nums)), start=1)}
    tree = [0] * (len(ranks) + 1)
    moves = 0
    for v in reversed(nums):
        r = ranks[v] - 1
        while r > 0:
            moves += tree[r]
            r -= r & -r
        r = ranks[v]
        while r < len(tree):
            tree[r] += 1
            r += r & -r
    return moves
