tests = [
    ("sum str", lambda: sum(["a"])),
    ("len none", lambda: len(None)),
    ("sorted mixed", lambda: sorted([1, None])),
    ("min mixed", lambda: min("a", 1)),
    ("abs list", lambda: abs([])),
    ("round str", lambda: round("1.5")),
    ("chr float", lambda: chr(65.0)),
    ("hex str", lambda: hex("1")),
    ("range float", lambda: range(1.5)),
    ("list int", lambda: list(5)),
    ("dict int", lambda: dict(5)),
    ("set of lists", lambda: set([[1]])),
    ("str join ints", lambda: ",".join([1])),
    ("int of list", lambda: int([])),
    ("float of none", lambda: float(None)),
    ("getattr int name", lambda: getattr(1, 2)),
    ("divmod str", lambda: divmod("a", 1)),
    ("pow str", lambda: pow("a", 2)),
    ("isinstance int", lambda: isinstance(1, 2)),
    ("bytes str", lambda: bytes("abc")),
    ("str encode int", lambda: "a".encode(1)),
    ("format bad", lambda: format(1, 5)),
    ("enumerate int", lambda: enumerate(1)),
    ("zip int", lambda: zip(1)),
    ("map int", lambda: list(map(abs, 1))),
    ("tuple index str", lambda: (1,)["0"]),
    ("list mul str", lambda: [1] * "2"),
    ("str mod", lambda: "%d" % "x"),
    ("unhashable key", lambda: {}[{}]),
    ("call int", lambda: (1)()),
]
for name, fn in tests:
    try:
        fn()
        print(name, "no error")
    except TypeError as e:
        print(name, "TypeError", e)
