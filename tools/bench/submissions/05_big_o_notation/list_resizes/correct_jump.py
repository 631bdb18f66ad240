def list_resizes(n):
    cap = 0
    count = 0
    while cap < n:
        size = cap + 1                       # the append that finds it full
        cap = (size + (size >> 3) + 6) & ~3
        count += 1
    return count
