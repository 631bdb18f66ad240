def format_report(rows):
    report = ""
    for name, score in rows:
        report = f"{report}{name}: {score}\n"
    return report
