from copy import deepcopy


def edited_copy(rows, edits):
    new_rows = deepcopy(rows)
    for (r, c, v) in edits:
        new_rows[r][c] = v
    return rows, new_rows
