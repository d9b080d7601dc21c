texts = ["", "abc", "aabbcc", "  xx  ", "abcabc", "xyzzy"]
chars = [None, "", "a", "ab", "cba", " x", "z"]
for t in texts:
    print(repr(t), [(t.strip(c), t.lstrip(c), t.rstrip(c)) for c in chars])
subs = ["", "a", "b", "bc", "abc", "zz", "c"]
for t in ["abcabc", "", "aaa", "cab"]:
    for sub in subs:
        print(repr(t), repr(sub), t.find(sub), t.rfind(sub), t.count(sub), t.find(sub, 1), t.find(sub, -2), t.rfind(sub, 0, 4), t.find(sub, 10), t.startswith(sub, 1), t.endswith(sub, 0, 3))
