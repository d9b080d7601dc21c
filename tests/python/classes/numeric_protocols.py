class Idx:
    def __init__(self, v):
        self.v = v
    def __index__(self):
        return self.v
lst = list(range(10))
print(lst[Idx(3)], lst[Idx(1):Idx(4)], "abcdef"[Idx(2)], range(Idx(5))[-1], hex(Idx(255)), bin(Idx(2)), [0] * Idx(3))
class Num:
    def __int__(self):
        return 7
    def __float__(self):
        return 2.5
    def __complex__(self):
        return 1j
print(int(Num()), float(Num()), complex(Num()))
class BadInt:
    def __int__(self):
        return "x"
try:
    int(BadInt())
except TypeError:
    print("TypeError __int__ returned non-int")
