"""Reference solutions (and naive versions) for topic 02: references vs values."""

# %% solution: paint_cells
def paint_cells(rows, cols, cells):
    grid = [[0] * cols for _ in range(rows)]   # a new row object per row
    for r, c in cells:
        grid[r][c] = 1
    return grid


# %% solution: tag_records
def tag_records(names):
    def make_record(name, tags=None):
        if tags is None:
            tags = []          # evaluated on every call, not once at def time
        tags.append("new")
        return {"name": name, "tags": tags}

    records = [make_record(name) for name in names]
    if records:
        records[0]["tags"].append("admin")   # only the first record's own list
    return records


# %% solution: identity_labels
def identity_labels(items):
    label_of = {}              # id(object) -> label; items keeps them alive
    labels = []
    for item in items:
        key = id(item)
        if key not in label_of:
            label_of[key] = len(label_of)
        labels.append(label_of[key])
    return labels


# %% naive: identity_labels
# time: O(n^2)
def identity_labels(items):
    firsts = []                # distinct objects, in order of first appearance
    labels = []
    for item in items:
        for label, seen in enumerate(firsts):
            if seen is item:
                labels.append(label)
                break
        else:
            labels.append(len(firsts))
            firsts.append(item)
    return labels


# %% solution: fork_and_append
def fork_and_append(doc, value):
    memo = {}                  # id(original list) -> its copy

    def clone(obj):
        if not isinstance(obj, list):
            return obj         # ints are immutable: share them
        key = id(obj)
        if key in memo:
            return memo[key]
        new = []
        memo[key] = new        # register before recursing
        for item in obj:
            new.append(clone(item))
        return new

    copy_ = clone(doc)
    copy_[0].append(value)
    return doc, copy_


# %% naive: fork_and_append
# time: O(n^2)
def fork_and_append(doc, value):
    pairs = []                 # (original, copy), searched linearly

    def clone(obj):
        if not isinstance(obj, list):
            return obj
        for original, made in pairs:
            if original is obj:
                return made
        new = []
        pairs.append((obj, new))
        for item in obj:
            new.append(clone(item))
        return new

    copy_ = clone(doc)
    copy_[0].append(value)
    return doc, copy_


# %% solution: undo_edits
def undo_edits(start, ops):
    items = list(start)        # one copy, so start is left alone
    undo = []                  # how to reverse each recorded edit
    for op in ops:
        if op[0] == "add":
            items.append(op[1])
            undo.append(("pop",))
        elif op[0] == "pop":
            if items:
                undo.append(("add", items.pop()))
        elif undo:             # "undo"
            reverse = undo.pop()
            if reverse[0] == "pop":
                items.pop()
            else:
                items.append(reverse[1])
    return items


# %% naive: undo_edits
# time: O(n^2)
def undo_edits(start, ops):
    items = list(start)
    snapshots = []             # a full copy of items before each edit
    for op in ops:
        if op[0] == "add":
            snapshots.append(items[:])
            items.append(op[1])
        elif op[0] == "pop":
            if items:
                snapshots.append(items[:])
                items.pop()
        elif snapshots:
            items = snapshots.pop()
    return items


# %% solution: edited_copy
def edited_copy(rows, edits):
    new_rows = [row[:] for row in rows]   # copy both levels; numbers can be shared
    for r, c, value in edits:
        new_rows[r][c] = value
    return rows, new_rows


# %% solution: shifted_rows
def shifted_rows(offsets, xs):
    adders = [lambda x, k=k: x + k for k in offsets]   # k is read now, once per adder
    return [[add(x) for x in xs] for add in adders]
