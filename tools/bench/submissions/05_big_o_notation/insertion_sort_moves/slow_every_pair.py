def insertion_sort_moves(nums):
    moves = 0
    for i, a in enumerate(nums):
        for b in nums[i + 1:]:
            if a > b:
                moves += 1
    return moves
