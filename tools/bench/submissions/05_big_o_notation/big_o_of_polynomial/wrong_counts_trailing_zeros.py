def big_o_of_polynomial(coeffs):
    degree = len(coeffs) - 1
    if degree == 0:
        return "O(1)"
    if degree == 1:
        return "O(n)"
    return f"O(n^{degree})"
