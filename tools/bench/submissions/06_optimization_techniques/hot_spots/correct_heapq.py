import heapq
from collections import Counter


def hot_spots(rows, k):
    totals = Counter()
    for name, micros in rows:
        totals[name] += micros
    # nsmallest on (-total, name) gives biggest totals first, ties by name
    top = heapq.nsmallest(k, totals.items(), key=lambda item: (-item[1], item[0]))
    return [(name, total) for name, total in top]
