def paint_cells(rows, cols, cells):
    grid = []
    for i in range(rows):
        grid.append([0] * cols)   # a brand new row every time
    for (r, c) in cells:
        grid[r][c] = 1
    return grid
