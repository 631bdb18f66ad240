def tag_records(names):
    def make_record(name, tags=[]):
        if "new" not in tags:   # stop it from growing
            tags.append("new")
        return {"name": name, "tags": tags}

    records = [make_record(n) for n in names]
    if records:
        records[0]["tags"].append("admin")
    return records
