def count_words(text):
    words = 0
    inside = False
    for ch in text:
        if ch.isspace():
            inside = False
        elif not inside:
            words += 1
            inside = True
    return words
