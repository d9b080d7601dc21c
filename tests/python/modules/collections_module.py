from collections import namedtuple, OrderedDict, deque
Point = namedtuple("Point", ["x", "y"])
p = Point(1, 2)
print(p, p.x, p[1], p == (1, 2), len(p), Point(x=3, y=4), p._replace(x=9))
a, b = p
print(a + b, isinstance(p, tuple), Point._fields, dict(zip(Point._fields, p)))
P3 = namedtuple("P3", "a b c")
print(P3(1, 2, 3), P3._fields)
od = OrderedDict()
od["z"] = 1
od["a"] = 2
od["m"] = 3
print(list(od.keys()), list(od.items()), od.popitem(), list(od))
od2 = OrderedDict([("k", 1), ("j", 2)])
print(od2, od2["j"])
d = deque()
d.append(1); d.append(2); d.appendleft(0)
print(d.popleft(), d.pop(), len(d), list(d))
dq = deque([1, 2, 3], 3)
dq.append(4)
print(list(dq), len(dq))
d2 = deque((), 5)
for i in range(8):
    d2.append(i)
print([d2.popleft() for _ in range(len(d2))])
try:
    deque().pop()
except IndexError:
    print("IndexError empty deque")
