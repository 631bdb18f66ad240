def count_words(text):
    # words are separated by spaces, so one more word than spaces
    return text.count(" ") + 1
