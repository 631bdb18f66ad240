def edited_copy(rows, edits):
    # tuples can't be changed by accident
    new_rows = [tuple(row) for row in rows]
    for r, c, value in edits:
        new_rows[r][c] = value
    return rows, new_rows
