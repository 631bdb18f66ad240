def big_o_of_polynomial(coeffs):
    # rindex like str.rindex: last place with a non-zero... reverse trick
    nonzero = [1 if c else 0 for c in coeffs]
    degree = nonzero.rindex(1)
    return "O(1)" if degree == 0 else "O(n)" if degree == 1 else f"O(n^{degree})"
