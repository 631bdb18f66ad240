def max_nesting(s):
    return s.count("(")
