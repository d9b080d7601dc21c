cases = [
    lambda: 1 + "a",
    lambda: "a" + 1,
    lambda: [1] + (2,),
    lambda: {} + {},
    lambda: 1 - "x",
    lambda: "x" * "y",
    lambda: -"s",
    lambda: ~1.5,
    lambda: None + 1,
    lambda: 1 < "a",
    lambda: [] < (),
    lambda: len(1),
    lambda: 1[0],
    lambda: None[0],
    lambda: 5(),
    lambda: (1, 2)[1.0],
    lambda: "abc"["x"],
    lambda: {}[[]],
    lambda: {[]},
    lambda: iter(1),
    lambda: int(None),
    lambda: 1 / "2",
    lambda: 2 ** "x",
    lambda: [1, 2].index(),
    lambda: abs(),
    lambda: ord(1),
]
for i, c in enumerate(cases):
    try:
        c()
        print(i, "no error")
    except TypeError as e:
        print(i, "TypeError", e)
