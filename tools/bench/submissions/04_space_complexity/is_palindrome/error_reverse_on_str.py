def is_palindrome(seq):
    other = seq[:]
    other.reverse()
    return other == seq
