def format_report(rows):
    return "".join(f"{name}: {score}\n" for name, score in rows)
