def range_sums(values, queries):
    running = [0] * (len(values) + 1)
    for i, v in enumerate(values):
        running[i + 1] = running[i] + v   # running[i] = sum of the first i values
    answers = []
    for start, stop in queries:
        answers.append(running[stop] - running[start])
    return answers
