for f in [lambda: [1, 2][2], lambda: [1][-2], lambda: (1,)[5], lambda: "ab"[2], lambda: b"x"[1], lambda: range(3)[3],
          lambda: bytearray(1)[1], lambda: [].pop(), lambda: [1].pop(3), lambda: [0].__setitem__(1, 0)]:
    try:
        f()
    except IndexError as e:
        print("IndexError", e)
for f in [lambda: {}["a"], lambda: {1: 2}[2], lambda: {(1, 2): 0}[(2, 1)], lambda: set().remove(1), lambda: {}.pop("x"), lambda: {"a": 1}[None]]:
    try:
        f()
    except KeyError as e:
        print("KeyError", repr(e), e.args)
