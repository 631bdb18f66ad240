def edited_copy(rows, edits):
    new_rows = [row for row in rows]   # new outer list
    for r, c, value in edits:
        new_rows[r][c] = value
    return (rows, new_rows)
