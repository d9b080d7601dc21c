class Typed:
    def __init__(self, name, kind):
        self.name = name
        self.kind = kind
    def __get__(self, obj, owner):
        if obj is None:
            return self
        return obj.__dict__.get(self.name, "unset")
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError("%s must be %s" % (self.name, self.kind.__name__))
        obj.__dict__[self.name] = value
    def __delete__(self, obj):
        obj.__dict__.pop(self.name, None)
class Person:
    name = Typed("name", str)
    age = Typed("age", int)
p = Person()
print(p.name)
p.name = "Ann"
p.age = 30
print(p.name, p.age, type(Person.name).__name__)
try:
    p.age = "old"
except TypeError as e:
    print("TypeError", e)
del p.age
print(p.age)
class Const:
    def __get__(self, obj, owner):
        return 42
class Holder:
    c = Const()
h = Holder()
h.__dict__["c"] = "instance wins for non-data descriptor"
print(Holder.c, h.c)
