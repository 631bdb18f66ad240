def fork_and_append(doc, value):
    done = []   # (original, copy) pairs

    def clone(x):
        if not isinstance(x, list):
            return x
        for orig, cp in done:
            if orig is x:
                return cp
        cp = []
        done.append((x, cp))
        cp.extend(clone(y) for y in x)
        return cp

    c = clone(doc)
    c[0].append(value)
    return doc, c
