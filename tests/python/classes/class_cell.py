# the implicit __class__ cell used by zero-argument super()
class C:
    def which(self):
        return __class__
    def name(self):
        return __class__.__name__
class D(C):
    def which2(self):
        return __class__
d = D()
print(d.which() is C, d.which2() is D, d.name())
class Base:
    def greet(self):
        return "base"
class Child(Base):
    def greet(self):
        f = lambda: super(__class__, self).greet()
        return "child+" + f()
print(Child().greet())
