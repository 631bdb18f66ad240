def format_report(rows):
    text = "\n".join(f"{name}: {score}" for name, score in rows)
    # debug: show everything, twice to be sure
    for _ in range(2):
        for line in text.splitlines():
            print(line * 20)
    return text
