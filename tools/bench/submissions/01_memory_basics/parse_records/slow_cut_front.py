def parse_records(data):
    records = []
    while len(data) > 0:
        length = data[0]
        records.append(data[1:length + 1])
        data = data[length + 1:]   # drop the record I just read
    return records
