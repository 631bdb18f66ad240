def undo_edits(start, ops):
    lst = list(start)
    history = []
    for op in ops:
        if op[0] == "add":
            lst.append(op[1])
            history.append(("added", None))
        elif op[0] == "pop":
            if lst:
                history.append(("popped", lst.pop()))
        else:
            if history:
                what, val = history.pop()
                if what == "added":
                    lst.pop()
                else:
                    lst.append(val)
    return lst
