class C:
    count = 0
    def __init__(self, v):
        self.v = v
    @classmethod
    def from_str(cls, s):
        return cls(int(s))
    @classmethod
    def incr(cls):
        cls.count += 1
        return cls.count
    @staticmethod
    def add(a, b):
        return a + b
class D(C):
    pass
print(C.from_str("5").v, type(D.from_str("6")).__name__, C.add(1, 2), C(0).add(3, 4))
print(C.incr(), C.incr(), D.incr(), C.count, D.count)
f = C.add
print(f(10, 20), C(1).from_str("9").v)
class Reg:
    items = []
    @classmethod
    def register(cls, x):
        cls.items.append(x)
        return cls
Reg.register(1).register(2)
print(Reg.items)
sm = staticmethod(lambda: "wrapped")
class E:
    s = sm
print(E.s(), E().s())
