def big_o_of_polynomial(coeffs):
    d = len(coeffs) - 1
    while d > 0 and coeffs[d] == 0:
        d -= 1
    if d == 0:
        return "O(1)"
    elif d == 1:
        return "O(n)"
    return "O(n^%d)" % d
