def tag_records(names):
    records = []
    for name in names:
        records.append({"name": name, "tags": ["new"]})   # new list each time
    if len(records) > 0:
        records[0]["tags"].append("admin")
    return records
