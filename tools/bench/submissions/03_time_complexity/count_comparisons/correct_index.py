def count_comparisons(items, target):
    try:
        return items.index(target) + 1   # position of the first match, counted from 1
    except ValueError:
        return len(items)                # not there: compared with everything
