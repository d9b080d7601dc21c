cases = [
    lambda: int("abc"),
    lambda: int("12", 40),
    lambda: float("x1"),
    lambda: [1, 2].index(5),
    lambda: [].remove(0),
    lambda: "abc".index("z"),
    lambda: chr(-5),
    lambda: range(0, 5, 0),
    lambda: bytes([300]),
    lambda: "a,b".split(""),
    lambda: int("9" * 5, 8),
    lambda: (1).to_bytes(1, "middle"),
    lambda: max([]),
    lambda: "{:q}".format(1),
    lambda: [][::0],
]
for i, c in enumerate(cases):
    try:
        c()
        print(i, "no error")
    except ValueError as e:
        print(i, "ValueError", e)
