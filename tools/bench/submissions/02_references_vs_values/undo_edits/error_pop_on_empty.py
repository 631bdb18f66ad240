def undo_edits(start, ops):
    items = list(start)
    log = []
    for op in ops:
        if op[0] == "add":
            items.append(op[1])
            log.append(("pop",))
        elif op[0] == "pop":
            log.append(("add", items.pop()))
        elif op[0] == "undo":
            if log:
                back = log.pop()
                if back[0] == "pop":
                    items.pop()
                else:
                    items.append(back[1])
    return items
