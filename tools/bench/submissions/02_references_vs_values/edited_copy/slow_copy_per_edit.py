def edited_copy(rows, edits):
    new_rows = [list(r) for r in rows]
    for r, c, value in edits:
        # copy again before each change so nothing can leak back
        new_rows = [list(row) for row in new_rows]
        new_rows[r][c] = value
    return rows, new_rows
