def parse_records(data):
    mv = memoryview(data)
    pos = 0
    payloads = []
    while pos < len(mv):
        n = mv[pos]
        payloads.append(mv[pos + 1:pos + 1 + n].tobytes())
        pos = pos + 1 + n
    return payloads
