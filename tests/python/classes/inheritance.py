class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return "%s says %s" % (self.name, self.sound)
    def kind(self):
        return "animal"
class Dog(Animal):
    sound = "woof"
    def kind(self):
        return "dog/" + super().kind()
class Puppy(Dog):
    def __init__(self, name, age):
        super().__init__(name)
        self.age = age
    def speak(self):
        return Dog.speak(self) + " (age %d)" % self.age
for a in (Animal("a"), Dog("d"), Puppy("p", 1)):
    print(a.speak(), a.kind())
print(Puppy.__bases__[0].__name__, issubclass(Puppy, Animal), Puppy.__name__)
class Base:
    def template(self):
        return "B:" + self.hook()
    def hook(self):
        return "base"
class Derived(Base):
    def hook(self):
        return "derived"
print(Derived().template(), Base().template())
class Ex(Exception):
    pass
class Ex2(Ex):
    def __init__(self, v):
        super().__init__("value %d" % v)
        self.v = v
try:
    raise Ex2(5)
except Ex as e:
    print(type(e).__name__, e, e.v, e.args)
class L(list):
    def total(self):
        return sum(self)
l = L([1, 2, 3])
l.append(4)
print(l, l.total(), len(l), isinstance(l, list), l[1:])
class D(dict):
    def __missing__(self, k):
        return "missing " + k
d = D(a=1)
print(d["a"], d["zz"])
