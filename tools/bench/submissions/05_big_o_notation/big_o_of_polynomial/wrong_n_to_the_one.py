def big_o_of_polynomial(coeffs):
    degree = max(i for i, c in enumerate(coeffs) if c != 0)
    if degree == 0:
        return "O(1)"
    return f"O(n^{degree})"
