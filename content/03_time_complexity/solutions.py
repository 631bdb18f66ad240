"""Reference solutions (and slow-but-correct naive versions) for topic 03."""

# %% solution: count_comparisons
def count_comparisons(items, target):
    count = 0
    for x in items:
        count += 1
        if x == target:
            break
    return count


# %% solution: count_pairs
def count_pairs(nums, target):
    seen = {}  # value -> how many times it has appeared so far
    pairs = 0
    for x in nums:
        pairs += seen.get(target - x, 0)  # every earlier partner makes a pair
        seen[x] = seen.get(x, 0) + 1
    return pairs


# %% naive: count_pairs
# time: O(n^2)
def count_pairs(nums, target):
    pairs = 0
    for i in range(len(nums)):
        for j in range(i + 1, len(nums)):
            if nums[i] + nums[j] == target:
                pairs += 1
    return pairs


# %% solution: keep_common
def keep_common(a, b):
    wanted = set(b)  # O(len(b)) once, then O(1) per lookup
    return [x for x in a if x in wanted]


# %% naive: keep_common
# time: O(n^2)
def keep_common(a, b):
    return [x for x in a if x in b]  # scans the list b for every x


# %% solution: unique_in_order
def unique_in_order(items):
    seen = set()
    result = []
    for x in items:
        if x not in seen:
            seen.add(x)
            result.append(x)
    return result


# %% naive: unique_in_order
# time: O(n^2)
def unique_in_order(items):
    result = []
    for x in items:
        if x not in result:  # linear scan of everything kept so far
            result.append(x)
    return result


# %% solution: deal
def deal(cards):
    from collections import deque

    deck = deque(cards)
    table = []
    while deck:
        table.append(deck.popleft())
        if deck:
            deck.append(deck.popleft())
    return table


# %% naive: deal
# time: O(n^2)
def deal(cards):
    deck = list(cards)
    table = []
    while deck:
        table.append(deck.pop(0))  # shifts every remaining card
        if deck:
            deck.append(deck.pop(0))
    return table


# %% solution: format_report
def format_report(rows):
    return "".join([f"{name}: {score}\n" for name, score in rows])


# %% solution: best_per_call
def best_per_call(timings, number):
    return min(timings) / number
