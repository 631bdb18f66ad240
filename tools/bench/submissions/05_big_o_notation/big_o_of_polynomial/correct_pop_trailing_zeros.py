def big_o_of_polynomial(coeffs):
    terms = list(coeffs)
    while len(terms) > 1 and terms[-1] == 0:
        terms.pop()                 # trailing zeros are not really terms
    degree = len(terms) - 1
    names = {0: "O(1)", 1: "O(n)"}
    return names.get(degree, f"O(n^{degree})")
