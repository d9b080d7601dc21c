class Fib:
    def __init__(self, limit):
        self.limit = limit
    def __iter__(self):
        self.a, self.b = 0, 1
        return self
    def __next__(self):
        if self.a > self.limit:
            raise StopIteration
        v = self.a
        self.a, self.b = self.b, self.a + self.b
        return v
print(list(Fib(100)), sum(Fib(10)), max(Fib(50)), [x for x in Fib(5) if x % 2])
f = Fib(3)
print(list(f), list(f))
it = iter(Fib(2))
print(next(it), next(it), next(it), next(it, "done"))
class Tree:
    def __init__(self, v, kids=()):
        self.v, self.kids = v, kids
    def __iter__(self):
        yield self.v
        for k in self.kids:
            yield from k
t = Tree(1, [Tree(2, [Tree(3)]), Tree(4)])
print(list(t), dict(zip(t, "abcd")), tuple(t), set(t) == {1, 2, 3, 4})
a, b, *c = t
print(a, b, c)
