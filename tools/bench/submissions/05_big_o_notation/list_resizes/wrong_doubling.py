def list_resizes(n):
    # lists double when they are full
    cap, resizes = 0, 0
    while cap < n:
        cap = max(4, cap * 2)
        resizes += 1
    return resizes
