def fork_and_append(doc, value):
    copies = {}   # id(original) -> its copy

    def dup(x):
        if type(x) is not list:
            return x
        if id(x) in copies:
            return copies[id(x)]
        fresh = []
        copies[id(x)] = fresh
        for y in x:
            fresh.append(dup(y))
        return fresh

    new_doc = dup(doc)
    new_doc[0].append(value)
    return doc, new_doc
