# special methods returning the wrong type
class IterInt:
    def __iter__(self):
        return 5
class LenStr:
    def __len__(self):
        return "x"
class HashStr:
    def __hash__(self):
        return "h"
class StrInt:
    def __str__(self):
        return 5
class BoolStr:
    def __bool__(self):
        return "yes"
class IndexFloat:
    def __index__(self):
        return 1.5
cases = [
    ("iter", lambda: iter(IterInt())),
    ("for", lambda: [x for x in IterInt()]),
    ("len", lambda: len(LenStr())),
    ("hash", lambda: hash(HashStr())),
    ("str", lambda: str(StrInt())),
    ("bool", lambda: bool(BoolStr())),
    ("if", lambda: 1 if BoolStr() else 0),
    ("index", lambda: [1, 2][IndexFloat()]),
]
for name, f in cases:
    try:
        f()
        print(name, "no error")
    except TypeError as e:
        print(name, "TypeError", e)
class P:
    @property
    def x(self):
        return 1
try:
    P().x = 2
except AttributeError as e:
    print("AttributeError", e)
try:
    del P().x
except AttributeError as e:
    print("AttributeError", e)
