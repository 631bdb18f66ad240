def count_words(text):
    count = 0
    for i in range(len(text)):
        # a word starts where a non-space follows a space (or the start)
        if not text[i].isspace() and (i == 0 or text[i - 1].isspace()):
            count += 1
    return count
