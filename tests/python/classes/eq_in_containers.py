class C:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return isinstance(o, C) and self.v % 10 == o.v % 10
    __hash__ = None
items = [C(1), C(12), C(21)]
print(C(11) in items, items.index(C(2)), items.count(C(31)))
items.remove(C(41))
print([c.v for c in items])
print((C(5),) == (C(15),), [C(5)] == [C(6)], {"k": C(3)} == {"k": C(13)})
try:
    hash(C(1))
except TypeError:
    print("TypeError unhashable (__hash__ = None)")
try:
    {C(1)}
except TypeError:
    print("TypeError cannot put in set")
class Sub(C):
    def __hash__(self):
        return self.v % 10
print(len({Sub(1), Sub(11), Sub(2)}))
