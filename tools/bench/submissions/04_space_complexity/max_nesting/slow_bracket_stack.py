def max_nesting(s):
    stack = []
    deepest = 0
    for ch in s:
        if ch == "(":
            stack.append("(")
            if len(stack) > deepest:
                deepest = len(stack)
        elif ch == ")":
            stack.pop()
    return deepest
