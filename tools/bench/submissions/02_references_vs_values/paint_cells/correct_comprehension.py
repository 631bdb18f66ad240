def paint_cells(rows, cols, cells):
    grid = [[0] * cols for _ in range(rows)]
    for r, c in cells:
        grid[r][c] = 1
    return grid
