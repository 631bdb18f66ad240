def fork_and_append(doc, value):
    def clone(x):
        if isinstance(x, list):
            return [clone(y) for y in x]
        return x

    c = clone(doc)
    c[0].append(value)
    return doc, c
