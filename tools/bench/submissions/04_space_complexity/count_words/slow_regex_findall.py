import re


def count_words(text):
    return len(re.findall(r"\S+", text))
