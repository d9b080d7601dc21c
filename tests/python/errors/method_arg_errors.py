cases = [
    ("[1].insert()", lambda: [1].insert()),
    ("'a'.join(1)", lambda: "a".join(1)),
    ("'abc'.center()", lambda: "abc".center()),
    ("[].sort(1)", lambda: [].sort(1)),
    ("'x'.split(1)", lambda: "x".split(1)),
    ("'x'.replace('a')", lambda: "x".replace("a")),
    ("'x'.startswith(1)", lambda: "x".startswith(1)),
    ("[].append()", lambda: [].append()),
    ("{}.get()", lambda: {}.get()),
    ("'x'.upper(1)", lambda: "x".upper(1)),
    ("complex('1+')", lambda: complex("1+")),
    ("chr()", lambda: chr()),
]
for name, f in cases:
    try:
        print(name, repr(f()))
    except (TypeError, ValueError) as e:
        print(name, type(e).__name__, e)
print(repr("x" * -1), [1, 2][5:], [][::-1])
