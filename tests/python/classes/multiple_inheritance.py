class A:
    def who(self):
        return "A"
    def chain(self):
        return ["A"]
class B(A):
    def who(self):
        return "B"
    def chain(self):
        return ["B"] + super().chain()
class C(A):
    def who(self):
        return "C"
    def chain(self):
        return ["C"] + super().chain()
class D(B, C):
    def chain(self):
        return ["D"] + super().chain()
d = D()
print(d.who(), d.chain())
print([k.__name__ for k in D.__mro__])
class X: pass
class Y: pass
class Z(X, Y): pass
class W(Y): pass
class V(Z, W): pass
print([k.__name__ for k in V.__mro__])
class M1:
    def __init__(self):
        self.log = getattr(self, "log", []) + ["M1"]
        super().__init__()
class M2:
    def __init__(self):
        self.log = getattr(self, "log", []) + ["M2"]
        super().__init__()
class Both(M1, M2):
    def __init__(self):
        super().__init__()
print(Both().log)
try:
    class Bad(X, Z):
        pass
except TypeError:
    print("TypeError inconsistent MRO")
class Mixin:
    def greet(self):
        return "hi from " + self.name()
class Named:
    def name(self):
        return "Named"
class Combined(Mixin, Named):
    pass
print(Combined().greet(), isinstance(Combined(), Mixin), issubclass(Combined, Named))
