import io


def format_report(rows):
    buf = io.StringIO()
    for name, score in rows:
        buf.write("%s: %d\n" % (name, score))
    return buf.getvalue()
