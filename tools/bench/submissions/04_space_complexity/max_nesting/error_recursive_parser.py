def max_nesting(s):
    def parse(i):
        # parse from i up to the matching ")" and return (depth, next index)
        deepest = 0
        while i < len(s):
            if s[i] == "(":
                d, i = parse(i + 1)
                deepest = max(deepest, d + 1)
            elif s[i] == ")":
                return deepest, i + 1
            else:
                i += 1
        return deepest, i

    return parse(0)[0]
