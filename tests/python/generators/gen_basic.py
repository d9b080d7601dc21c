def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(count(4)), sum(count(101)), list(count(0)))
g = count(2)
print(next(g), next(g), next(g, "exhausted"))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(12)])
def with_return():
    yield 1
    return "result"
g = with_return()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value, e.args)
def empty():
    return
    yield
print(list(empty()))
def lazy():
    print("started")
    yield 1
g = lazy()
print("created")
print(next(g))
def gen_expr_scope():
    return list(x * y for x in range(3) for y in (1, 10))
print(gen_expr_scope())
g = (i for i in range(3))
print(iter(g) is g, type(g).__name__)
