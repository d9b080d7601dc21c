class A:
    def __init__(self, n):
        self.n = n
    def get(self):
        return self.n
a, b = A(1), A(2)
m = a.get
print(m(), m.__self__ is a, A.get(b), m.__func__ is A.get)
fns = [x.get for x in (a, b)]
print([f() for f in fns])
print(a.get == a.get, a.get == b.get)
class Callback:
    def __init__(self):
        self.calls = []
    def on(self, v):
        self.calls.append(v)
cb = Callback()
handlers = {"evt": cb.on}
handlers["evt"](1)
handlers["evt"](2)
print(cb.calls)
print(list(map(A(5).get.__func__, [A(6), A(7)])))
