def tag_records(names):
    records = []
    for name in names:
        records = records + [{"name": name, "tags": ["new"]}]
    if records:
        records[0]["tags"] += ["admin"]
    return records
