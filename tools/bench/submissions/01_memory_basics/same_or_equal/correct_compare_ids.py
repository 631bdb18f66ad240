def same_or_equal(a, b):
    # id() is the object's address while it is alive, and both are alive here
    if id(a) == id(b):
        return "same object"
    return "equal" if a == b else "different"
