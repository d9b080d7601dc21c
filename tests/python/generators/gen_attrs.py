def g():
    yield 1
gen = g()
print(type(gen).__name__, hasattr(gen, "send"), hasattr(gen, "throw"), hasattr(gen, "close"), hasattr(gen, "__next__"))
print(gen.__next__(), next(gen, None))
def recur(n):
    if n:
        yield n
        yield from recur(n - 1)
print(list(recur(5)))
def many():
    for i in range(1000):
        yield i
print(sum(many()), len(list(many())))
gs = [g() for _ in range(100)]
print(sum(next(x) for x in gs))
