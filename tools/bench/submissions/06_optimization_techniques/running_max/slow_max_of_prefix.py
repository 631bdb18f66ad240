def running_max(values):
    result = []
    for i in range(len(values)):
        result.append(max(values[:i + 1]))
    return result
