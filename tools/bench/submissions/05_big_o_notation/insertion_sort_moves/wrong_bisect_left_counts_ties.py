from bisect import bisect_left, insort


def insertion_sort_moves(nums):
    seen = []
    moves = 0
    for x in nums:
        # earlier items larger than x: everything right of where x would go
        moves += len(seen) - bisect_left(seen, x)
        insort(seen, x)
    return moves
