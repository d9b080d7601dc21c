# messages of errors real programs commonly hit
cases = [
    ("join int", lambda: ",".join([1, 2])),
    ("join None at 1", lambda: "".join(["a", None])),
    ("bytes join int", lambda: b"".join([b"a", 1])),
    ("str + None", lambda: "a" + None),
    ("int('3.5')", lambda: int("3.5")),
    ("float('abc')", lambda: float("abc")),
    ("dict missing", lambda: {"a": 1}["b"]),
    ("tuple.index", lambda: (1, 2).index(3)),
    ("str.index", lambda: "abc".index("d")),
    ("strip(1)", lambda: "".strip(1)),
    ("int 3 args", lambda: int(1, 2, 3)),
    ("str 4 args", lambda: str(1, 2, 3, 4)),
    ("object(1)", lambda: object(1)),
    ("next on list", lambda: next([1])),
    ("None subscript", lambda: None[0]),
    ("None iteration", lambda: [x for x in None]),
    ("unpack too many", lambda: [a for a, b in [(1, 2, 3)]]),
    ("unpack too few", lambda: [a for a, b, c in [(1, 2)]]),
    ("call None", lambda: None()),
    ("str item assign", lambda: "abc".__setitem__(0, "x")),
]
for name, f in cases:
    try:
        f()
        print(name, "no error")
    except Exception as e:
        print(name, type(e).__name__, e)
