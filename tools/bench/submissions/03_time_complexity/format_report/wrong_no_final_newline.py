def format_report(rows):
    return "\n".join(f"{name}: {score}" for name, score in rows)
