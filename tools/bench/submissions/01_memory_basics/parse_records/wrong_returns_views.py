def parse_records(data):
    # memoryview slices don't copy, so this should be the fastest way
    view = memoryview(data)
    result = []
    i = 0
    while i < len(view):
        L = view[i]
        result.append(view[i + 1:i + 1 + L])
        i += 1 + L
    return result
