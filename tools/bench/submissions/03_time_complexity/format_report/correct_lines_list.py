def format_report(rows):
    lines = []
    for name, score in rows:
        lines.append(name + ": " + str(score) + "\n")
    return "".join(lines)
