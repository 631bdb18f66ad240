def same_or_equal(a, b):
    if a is b:
        return "same object"
    elif a == b:
        return "equal"
    else:
        return "different"
