def parse_records(data):
    parts = []
    text = data
    while text:
        n = ord(text[0])
        parts.append(text[1:n + 1])
        text = text[n + 1:]
    return parts
