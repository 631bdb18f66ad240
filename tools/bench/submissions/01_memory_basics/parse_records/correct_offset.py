def parse_records(data):
    out = []
    i = 0
    while i < len(data):
        size = data[i]
        out.append(data[i + 1:i + 1 + size])
        i += 1 + size
    return out
