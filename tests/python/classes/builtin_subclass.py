# subclasses of the built-in types keep the base behaviour and add their own
class S(str):
    def shout(self):
        return self.upper() + "!"
s = S("abc")
print(s, s.shout(), type(s + "x").__name__, isinstance(s, str), s == "abc", hash(s) == hash("abc"), len(s), s[1], {s: 1}["abc"])
class I(int):
    def double(self):
        return self * 2
i = I(5)
print(i + 1, type(i + 1).__name__, i == 5, str(I(7)), repr(I(8)), i.double(), I("12", 8), I(), -i, i < 6, [0, 1, 2, 3, 4, 5][i])
class F(float):
    pass
print(F(1.5) * 2, F("2.5"), isinstance(F(1), float), repr(F(0.1)))
class Lst(list):
    def __init__(self, *a):
        super().__init__(*a)
        self.extra = "x"
l = Lst([1, 2])
l.append(3)
l += [4]
print(l, l.extra, len(l), l[1:], type(l[1:]).__name__, sorted(l, reverse=True), isinstance(l, list), l == [1, 2, 3, 4])
class Dct(dict):
    def __missing__(self, k):
        return k * 2
d = Dct(a=1)
d["b"] = 2
print(d["a"], d["bb"], d.get("zz"), "bb" in d, sorted(d.items()), len(d), isinstance(d, dict))
class T(tuple):
    @property
    def first(self):
        return self[0]
t = T((1, 2))
print(t.first, t, len(t), t + (3,), type(t + (3,)).__name__, t == (1, 2), hash(t) == hash((1, 2)))
class St(set):
    def add_all(self, *xs):
        for x in xs:
            self.add(x)
        return self
print(sorted(St([1]).add_all(2, 3)), isinstance(St(), set))
class B(bytes):
    pass
print(B(b"ab"), B(b"ab").hex(), len(B(3)))
class E(Exception):
    def __init__(self, a, b):
        super().__init__(a, b)
        self.a, self.b = a, b
try:
    raise E(1, 2)
except E as e:
    print(e.args, e.a, str(e))
try:
    class Bad(range):
        pass
except TypeError:
    print("TypeError range is not an acceptable base type")
