def is_palindrome(seq):
    n = len(seq)
    # a generator, not a list: no copy of the sequence is made
    return all(seq[i] == seq[n - 1 - i] for i in range(n // 2))
