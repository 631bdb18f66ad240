def tag_records(names):
    tags = ["new"]
    records = [{"name": name, "tags": tags} for name in names]
    if records:
        records[0]["tags"].append("admin")
    return records
