def max_nesting(s):
    level = deepest = 0
    for c in s:
        if c == "(":
            level += 1
            if level > deepest:
                deepest = level
        if c == ")":
            level -= 1
    return deepest
