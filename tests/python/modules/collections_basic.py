# collections: deque, OrderedDict and namedtuple.
from collections import deque, OrderedDict, namedtuple

d = deque([1, 2, 3])
d.append(4)
d.appendleft(0)
print(d, len(d), d[0], d[-1], 3 in d, 9 in d, bool(d), bool(deque()))
print(d.pop(), d.popleft(), d, list(d), list(reversed(d)))
d.extend([7, 8])
d.extendleft([-1, -2])
print(d, d.count(7), d.index(7), d.index(2, 3) if 2 in list(d)[3:] else 'n/a')
d.rotate(2)
print(d)
d.rotate(-3)
print(d)
d.insert(1, 'x')
d.remove('x')
d[0] = 'first'
del d[1]
print(d, d.copy(), d == d.copy(), deque([1]) < deque([2]), deque([1, 2]) + deque([3]))
d.reverse()
print(d)
d.clear()
print(d, len(d))
b = deque(range(10), maxlen=3)
print(b, b.maxlen, deque().maxlen)
b.append(10)
b.appendleft(-1)
print(b)
b.extend(range(5))
print(b, deque(maxlen=0))
for bad in [lambda: deque().pop(), lambda: deque().popleft(), lambda: deque([1])[5], lambda: deque([1]).remove(2),
            lambda: deque([1]).index(2), lambda: deque(maxlen=-1), lambda: hash(deque())]:
    try:
        bad()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
d = deque([1, 2, 3])
try:
    for x in d:
        d.append(x)
except RuntimeError as e:
    print('RuntimeError', e)

od = OrderedDict()
od['b'] = 1
od['a'] = 2
od['c'] = 3
print(od, list(od), od['a'], len(od), OrderedDict(), OrderedDict([('x', 1)], y=2))
od.move_to_end('b')
print(od)
od.move_to_end('c', last=False)
print(od, od.popitem(), od.popitem(last=False), od)
o1 = OrderedDict([('a', 1), ('b', 2)])
o2 = OrderedDict([('b', 2), ('a', 1)])
print(o1 == o2, o1 == dict(o2), dict(o1) == dict(o2), isinstance(o1, dict))
try:
    OrderedDict().popitem()
except KeyError as e:
    print('KeyError', e)
try:
    o1.move_to_end('zz')
except KeyError as e:
    print('KeyError', e)

Point = namedtuple('Point', 'x y')
p = Point(1, y=2)
print(p, p.x, p.y, p[0], p[1], len(p), tuple(p), p == (1, 2), Point._fields, isinstance(p, tuple))
x, y = p
print(x + y, p._asdict(), p._replace(y=5), Point._make([3, 4]), hash(p) == hash((1, 2)), p.count(1), p.index(2))
P3 = namedtuple('P3', ['a', 'b', 'c'], defaults=[0, 9])
print(P3(1), P3(1, 2), P3(1, 2, 3), P3._field_defaults, P3(c=5, a=1))
R = namedtuple('R', 'a, def, _x, a', rename=True)
print(R._fields, R(1, 2, 3, 4))


class V(namedtuple('V', 'x y')):
    def norm2(self):
        return self.x * self.x + self.y * self.y


v = V(3, 4)
print(v, v.norm2(), v.x)
for bad in [lambda: Point(1), lambda: Point(), lambda: P3(), lambda: namedtuple('Q', 'a b c')(), lambda: Point(1, 2, 3), lambda: Point(1, z=2), lambda: Point(1, x=2),
            lambda: namedtuple('1x', 'a'), lambda: namedtuple('T', 'a def'), lambda: namedtuple('T', 'a _b'),
            lambda: namedtuple('T', 'a a'), lambda: namedtuple('T', 'a', defaults=[1, 2]),
            lambda: Point._make([1]), lambda: p._replace(z=1)]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
