a = [1]
b = a
c = [1]
print(id(a) == id(b), id(a) == id(c), a is b, a is not c)
print(hash(1) == hash(1.0), hash("x") == hash("x"), hash((1, "a")) == hash((1, "a")), hash(-1) == hash(-1))
print(type(hash(3)).__name__, hash(10) == 10, hash(0) == 0, hash(True) == 1)
try:
    hash([])
except TypeError as e:
    print("TypeError", e)
try:
    hash({})
except TypeError as e:
    print("TypeError", e)
class H:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return self.v
    def __eq__(self, o):
        return isinstance(o, H) and o.v == self.v
print(hash(H(42)), len({H(1), H(1), H(2)}), {H(3): "found"}[H(3)])
class Default:
    pass
x = Default()
print(hash(x) == hash(x), {x: 1}[x])
class EqOnly:
    def __eq__(self, o):
        return True
try:
    hash(EqOnly())
except TypeError:
    print("TypeError unhashable EqOnly")
