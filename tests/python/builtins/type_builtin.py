print(type(1), type("s"), type([]), type(None), type(type))
print(type(1).__name__, type(1.0).__name__, type(1j).__name__, type(b"").__name__, type({}).__name__, type(set()).__name__, type(range(1)).__name__)
def fn(): pass
def gen(): yield 1
print(type(fn).__name__, type(gen()).__name__, type(lambda: 0).__name__)
class C:
    def m(self): pass
print(type(C).__name__, C.__name__, C().__class__.__name__)
D = type("D", (C,), {"x": 5, "m2": lambda self: self.x * 2})
d = D()
print(D.__name__, d.x, d.m2(), isinstance(d, C), D.__bases__[0].__name__)
print(type(3)(4.7), type("")(12), type([])("ab"))
print(object.__name__, isinstance(object(), object))
