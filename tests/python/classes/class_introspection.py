class Base:
    pass
class Child(Base):
    """child doc"""
    attr = 1
    def meth(self):
        pass
c = Child()
print(Child.__name__, c.__class__.__name__, c.__class__ is Child, Child.__bases__ == (Base,))
print(type(c).__name__, type(Child).__name__, isinstance(Child, type))
print([k.__name__ for k in Child.__mro__])
print(hasattr(c, "meth"), hasattr(Child, "attr"), "attr" in Child.__dict__, "attr" in c.__dict__)
print(object.__name__)
