def tag_records(names):
    def make_record(name, tags=None):
        if tags is None:
            tags = []
        tags.append("new")
        return {"name": name, "tags": tags}

    records = [make_record(name) for name in names]
    if records:
        records[0]["tags"].append("admin")
    return records
