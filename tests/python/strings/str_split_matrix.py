texts = ["", " ", "a", " a ", "a b", "a  b", "  a  b  ", "a,b,,c,", ",", ",,", "a\tb\nc\r\nd", "x1x2x3x"]
for t in texts:
    print(repr(t), t.split(), t.rsplit(), t.split(None, 1), t.rsplit(None, 1))
    for sep in [",", "x", "  ", "a"]:
        print("  ", repr(sep), t.split(sep), t.rsplit(sep), t.split(sep, 1), t.rsplit(sep, 1), t.split(sep, 0))
