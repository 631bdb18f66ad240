def paint_cells(rows, cols, cells):
    row = [0] * cols
    grid = [row] * rows
    for r, c in cells:
        grid[r][c] = 1
    return grid
