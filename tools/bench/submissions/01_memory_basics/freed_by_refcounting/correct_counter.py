from collections import Counter


def freed_by_refcounting(graph, roots):
    # count every reference: from outside, then from inside the heap
    count = Counter(roots)
    for refs in graph.values():
        count.update(refs)

    zero = [obj for obj in graph if count[obj] == 0]
    gone = set()
    while zero:
        obj = zero.pop()
        gone.add(obj)
        for ref in graph[obj]:
            count[ref] -= 1
            if count[ref] == 0:
                zero.append(ref)
    return sorted(gone)
