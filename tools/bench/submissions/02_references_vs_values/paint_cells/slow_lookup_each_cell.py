def paint_cells(rows, cols, cells):
    # build each cell by asking whether it was painted
    return [[1 if (r, c) in cells else 0 for c in range(cols)]
            for r in range(rows)]
