def unique_in_order(items):
    # dicts remember insertion order (3.7+), and keys are unique
    return list(dict.fromkeys(items))
