def range_sums(values, queries):
    return [sum(values[a:b]) for a, b in queries]
