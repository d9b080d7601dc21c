class Point:
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    def move(self, dx, dy):
        self.x += dx
        self.y += dy
        return self
p = Point(3, 4)
print(p.x, p.y, p.norm2(), p.dims, Point.dims, p.move(1, 1).x)
p.dims = 3
print(p.dims, Point.dims)
Point.dims = 5
print(Point(0, 0).dims, p.dims)
m = p.norm2
print(m(), Point.norm2(p))
p.extra = "dyn"
print(p.extra, sorted(p.__dict__))
class Empty:
    pass
e = Empty()
print(type(e).__name__, isinstance(e, Empty))
class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
for _ in range(3):
    Counter()
print(Counter.count)
try:
    p.missing
except AttributeError as e:
    print("AttributeError", e)
try:
    Point(1)
except TypeError:
    print("TypeError missing arg")
