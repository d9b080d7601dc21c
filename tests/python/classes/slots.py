class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = P(1, 2)
print(p.x, p.y)
p.x = 10
print(p.x)
try:
    p.z = 3
except AttributeError:
    print("AttributeError no slot z")
try:
    P.__slots__
    print(P.__slots__)
except AttributeError:
    print("no __slots__ attr")
print(hasattr(p, "__dict__"))
class Q(P):
    __slots__ = ("w",)
q = Q(1, 2)
q.w = 3
print(q.x, q.y, q.w)
