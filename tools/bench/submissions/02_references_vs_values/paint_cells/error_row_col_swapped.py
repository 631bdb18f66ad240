def paint_cells(rows, cols, cells):
    grid = [[0] * cols for _ in range(rows)]
    for r, c in cells:
        grid[c][r] = 1
    return grid
