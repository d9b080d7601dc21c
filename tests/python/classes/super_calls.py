class Base:
    def __init__(self, v):
        self.v = v
    def describe(self):
        return "Base(%s)" % self.v
    @classmethod
    def make(cls, v):
        return cls(v)
    @staticmethod
    def util():
        return "base util"
class Child(Base):
    def __init__(self, v, w):
        super().__init__(v)
        self.w = w
    def describe(self):
        return "Child[" + super().describe() + ", %s]" % self.w
    @classmethod
    def make(cls, v):
        return cls(v, "made")
class GrandChild(Child):
    def describe(self):
        return "GC:" + super(Child, self).describe()
print(Child(1, 2).describe(), GrandChild(3, 4).describe(), Child.make(7).describe(), Child.util())
class Prop:
    @property
    def val(self):
        return "prop base"
class PropChild(Prop):
    @property
    def val(self):
        return "child+" + super().val
print(PropChild().val)
class Base2:
    @classmethod
    def create(cls):
        return "created " + cls.__name__
class Child2(Base2):
    @classmethod
    def create(cls):
        return "child:" + super().create()
print(Child2.create(), Base2.create())
class Lst(list):
    def append(self, x):
        super().append(x * 10)
l = Lst()
l.append(1); l.append(2)
print(l)
