"""Reference and naive solutions for topic 04: Space complexity."""

# %% solution: is_palindrome
def is_palindrome(seq):
    i, j = 0, len(seq) - 1
    while i < j:
        if seq[i] != seq[j]:
            return False
        i += 1
        j -= 1
    return True


# %% naive: is_palindrome
# time: O(n)
# space: O(n)
def is_palindrome(seq):
    return seq == seq[::-1]      # the slice is a full reversed copy


# %% solution: rotate_left
def rotate_left(items, k):
    n = len(items)
    if n == 0:
        return items
    k %= n

    def reverse_range(lo, hi):   # reverse items[lo:hi] with swaps only
        hi -= 1
        while lo < hi:
            items[lo], items[hi] = items[hi], items[lo]
            lo += 1
            hi -= 1

    reverse_range(0, k)
    reverse_range(k, n)
    reverse_range(0, n)
    return items


# %% naive: rotate_left
# time: O(n)
# space: O(n)
def rotate_left(items, k):
    if items:
        k %= len(items)
        items[:] = items[k:] + items[:k]   # two slices and a new list
    return items


# %% solution: count_words
def count_words(text):
    count = 0
    in_word = False
    for ch in text:
        if ch.isspace():
            in_word = False
        elif not in_word:
            in_word = True
            count += 1
    return count


# %% naive: count_words
# time: O(n)
# space: O(n)
def count_words(text):
    return len(text.split())      # a list of every word, just to count it


# %% solution: max_nesting
def max_nesting(s):
    depth = deepest = 0
    for ch in s:
        if ch == "(":
            depth += 1
            if depth > deepest:
                deepest = depth
        elif ch == ")":
            depth -= 1
    return deepest


# %% naive: max_nesting
# time: O(n)
# space: O(n)
def max_nesting(s):
    stack = []
    deepest = 0
    for ch in s:
        if ch == "(":
            stack.append(ch)      # the stack grows with the depth
            deepest = max(deepest, len(stack))
        elif ch == ")":
            stack.pop()
    return deepest


# %% solution: max_window_sum
def max_window_sum(items, k):
    window = 0
    for i in range(k):
        window += items[i]
    best = window
    for i in range(k, len(items)):
        window += items[i] - items[i - k]
        if window > best:
            best = window
    return best


# %% naive: max_window_sum
# time: O(n^2)
# space: O(n)
def max_window_sum(items, k):
    return max(sum(items[i:i + k]) for i in range(len(items) - k + 1))


# %% solution: summarize
def summarize(numbers):
    count = 0
    total = 0
    largest = None
    for x in numbers:
        count += 1
        total += x
        if largest is None or x > largest:
            largest = x
    return (count, total, largest)


# %% naive: summarize
# time: O(n)
# space: O(n)
def summarize(numbers):
    values = list(numbers)        # stores the whole stream
    if not values:
        return (0, 0, None)
    return (len(values), sum(values), max(values))


# %% solution: longest_run
def longest_run(data):
    best = run = 0
    previous = None
    for byte in data:
        if byte == previous:
            run += 1
        else:
            run = 1
            previous = byte
        if run > best:
            best = run
    return best


# %% naive: longest_run
# time: O(n)
# space: O(n)
def longest_run(data):
    from itertools import groupby

    return max((len(list(group)) for _, group in groupby(data)), default=0)
