# copy: shallow and deep copies of containers, instances, cycles and hooks.
import copy
from collections import OrderedDict, deque

a = [1, [2, 3], {'k': [4]}]
s = copy.copy(a)
d = copy.deepcopy(a)
a[1].append(9)
a[2]['k'].append(8)
print(a, s, d, s[1] is a[1], d[1] is a[1])
t = (1, [2])
print(copy.copy(t) is t, copy.deepcopy(t) == t, copy.deepcopy(t) is t)
print(copy.copy({1, 2}), copy.deepcopy({'x': {1}}), copy.copy(bytearray(b'ab')), copy.copy('s'), copy.deepcopy(5))
od = OrderedDict([('b', [1]), ('a', [2])])
od2 = copy.deepcopy(od)
od['b'].append(3)
print(od2, type(od2).__name__, copy.copy(deque([1, 2])))
cyc = [1]
cyc.append(cyc)
c2 = copy.deepcopy(cyc)
print(c2[1] is c2, c2[0])


class P:
    def __init__(self, x):
        self.x = x
        self.items = [x]


p = P(3)
q = copy.copy(p)
r = copy.deepcopy(p)
p.items.append(4)
print(type(q).__name__, q.x, q.items, r.items, q.items is p.items)


class Hooked:
    def __init__(self, v):
        self.v = v

    def __copy__(self):
        return Hooked(self.v + 100)

    def __deepcopy__(self, memo):
        return Hooked(self.v + 1000)


print(copy.copy(Hooked(1)).v, copy.deepcopy(Hooked(1)).v, copy.deepcopy([Hooked(2)])[0].v)


class S:
    __slots__ = ('a', 'b')


x = S()
x.a = [1]
y = copy.copy(x)
z = copy.deepcopy(x)
print(y.a is x.a, z.a == x.a, z.a is x.a, hasattr(z, 'b'))
