def running_max(values):
    # a running maximum never goes down, like a sorted list
    return sorted(values)
