def list_resizes(n):
    cap = 0
    times = 0
    while cap < n:
        cap = (cap + 1) * 1.125 + 6
        cap = int(cap) & ~3 if cap == int(cap) else cap & ~3
        times += 1
    return times
