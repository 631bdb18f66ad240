def paint_cells(rows, cols, cells):
    grid = [[0] * cols] * rows
    grid = grid.copy()          # copy so the rows are separate
    for r, c in cells:
        grid[r][c] = 1
    return grid
