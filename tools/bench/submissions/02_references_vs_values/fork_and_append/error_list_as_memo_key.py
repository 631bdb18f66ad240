def fork_and_append(doc, value):
    memo = {}

    def clone(x):
        if not isinstance(x, list):
            return x
        if x in memo:
            return memo[x]
        new = [clone(y) for y in x]
        memo[x] = new
        return new

    new_doc = clone(doc)
    new_doc[0].append(value)
    return doc, new_doc
