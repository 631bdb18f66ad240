def parse_records(data):
    records = []
    i = 0
    while i < len(data):
        n = data[i]
        records.append(data[i + 1:i + 1 + n])
        i += n          # move past the payload
        i += 1 if n == 0 else 0
    return records
