def insertion_sort_moves(nums):
    if len(nums) < 2:
        return 0
    half = len(nums) // 2
    first, second = nums[:half], nums[half:]
    moves = insertion_sort_moves(first) + insertion_sort_moves(second)
    first.sort()
    second.sort()
    i = 0
    for x in second:
        while i < len(first) and first[i] <= x:
            i += 1
        moves += len(first - i)        # every first-half item left of i is not larger
    return moves
