def same_or_equal(a, b):
    if a == b:
        if a is b:
            return "same object"
        return "equal"
    return "different"
