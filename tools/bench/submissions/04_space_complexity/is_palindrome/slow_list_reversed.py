def is_palindrome(seq):
    backwards = list(reversed(seq))
    return list(seq) == backwards
