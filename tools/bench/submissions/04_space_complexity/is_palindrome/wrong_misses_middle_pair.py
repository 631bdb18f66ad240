def is_palindrome(seq):
    i, j = 0, len(seq) - 1
    while i < j - 1:
        if seq[i] != seq[j]:
            return False
        i += 1
        j -= 1
    return True
