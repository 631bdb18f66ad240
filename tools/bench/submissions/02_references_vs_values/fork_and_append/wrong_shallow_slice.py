def fork_and_append(doc, value):
    new = doc[:]          # a copy of the list
    new[0].append(value)
    return doc, new
