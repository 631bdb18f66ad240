def same_or_equal(a, b):
    # check equality first, then see if it is literally the same thing
    if a == b:
        if a is b:
            return "same object"
        return "equal"
    # nan is not equal to itself but can still be the same object
    if a is b:
        return "same object"
    return "different"
