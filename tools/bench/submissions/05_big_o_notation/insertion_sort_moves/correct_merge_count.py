def insertion_sort_moves(nums):
    def count(a):
        if len(a) <= 1:
            return a, 0
        mid = len(a) // 2
        left, x = count(a[:mid])
        right, y = count(a[mid:])
        merged, moves, i = [], x + y, 0
        for r in right:
            while i < len(left) and left[i] <= r:
                merged.append(left[i])
                i += 1
            merged.append(r)
            moves += len(left) - i        # r jumps past the left items still waiting
        merged.extend(left[i:])
        return merged, moves

    return count(nums)[1]
