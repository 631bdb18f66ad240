def undo_edits(start, ops):
    items = start.copy()
    undo = []   # callables that reverse one edit each
    for op in ops:
        match op:
            case ("add", x):
                items.append(x)
                undo.append(items.pop)
            case ("pop",):
                if items:
                    gone = items.pop()
                    undo.append(lambda gone=gone: items.append(gone))
            case ("undo",):
                if undo:
                    undo.pop()()
    return items
