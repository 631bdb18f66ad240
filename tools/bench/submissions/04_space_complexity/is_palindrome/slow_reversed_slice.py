def is_palindrome(seq):
    return seq == seq[::-1]
