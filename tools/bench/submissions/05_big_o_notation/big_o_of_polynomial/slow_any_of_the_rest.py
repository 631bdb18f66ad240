def big_o_of_polynomial(coeffs):
    degree = 0
    for d in range(len(coeffs)):
        if any(coeffs[d:]):        # still something non-zero from here on
            degree = d
    if degree == 0:
        return "O(1)"
    if degree == 1:
        return "O(n)"
    return "O(n^" + str(degree) + ")"
