def f(**kw):
    return list(kw)
print(f(z=1, a=2, m=3), f(**{"b": 1, "a": 2}, c=3))
def g(*args, **kw):
    return args, kw
print(g(1, 2, y=2, x=1))
def h(a, b, c):
    return a, b, c
print(h(c=3, a=1, b=2), h(1, c=3, b=2))
print(dict(b=1, a=2), dict([("y", 1), ("x", 2)]))
print(f(**dict.fromkeys("zyx", 0)))
print(f(**{str(i): i for i in range(20)}))
