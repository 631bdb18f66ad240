def format_report(rows):
    out = []
    for name, score in rows:
        out.append(name + ": " + score + "\n")
    return "".join(out)
