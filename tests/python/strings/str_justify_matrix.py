for s in ["", "a", "ab", "abc", "abcd"]:
    for w in [0, 1, 4, 5]:
        print(repr(s), w, repr(s.center(w)), repr(s.center(w, "*")), repr(s.ljust(w, "-")), repr(s.rjust(w, ".")), repr(s.zfill(w)))
for s in ["-1", "+1", "12", "-", ""]:
    print(repr(s), s.zfill(4))
