def undo_edits(start, ops):
    current = list(start)
    saved = []
    for op in ops:
        if op[0] == "add":
            saved.append(list(current))     # remember how it was
            current.append(op[1])
        elif op[0] == "pop":
            if current:
                saved.append(list(current))
                current.pop()
        elif op[0] == "undo" and saved:
            current = saved.pop()
    return current
