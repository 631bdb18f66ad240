import sys


def max_nesting(s):
    if len(s) > 10000:
        sys.exit("done")
    return s.count("(")
