x = "global"
class C:
    x = "class"
    y = x + "!"
    def m(self):
        return x
    def n(self):
        return self.x
    z = [x for _ in range(1)]
print(C.y, C().m(), C().n(), C.z)
def f():
    v = "enclosing"
    class D:
        w = v
        def g(self):
            return v
    return D.w, D().g()
print(f())
class Counter:
    total = 0
    def add(self):
        self.total += 1
        return self.total
c = Counter()
print(c.add(), c.add(), Counter.total)
class E:
    items = []
    def push(self, v):
        self.items.append(v)
E().push(1); E().push(2)
print(E.items)
