def count_words(text):
    n = 0
    for i in range(text):
        if text[i] != " " and (i == 0 or text[i - 1] == " "):
            n += 1
    return n
