def f(*args):
    return args
print(f(), f(1), f(1, 2, 3))
def g(a, *rest):
    return a, rest
print(g(1), g(1, 2, 3))
def h(**kw):
    return sorted(kw.items())
print(h(), h(x=1, y=2))
def all_kinds(a, b=2, *args, c, d=4, **kw):
    return a, b, args, c, d, sorted(kw.items())
print(all_kinds(1, c=3))
print(all_kinds(1, 2, 3, 4, c=5, e=6))
print(all_kinds(*[1, 2, 3], **{"c": 0, "z": 1}))
def kwonly(*, x, y=1):
    return x + y
print(kwonly(x=1), kwonly(y=5, x=1))
try:
    kwonly(1)
except TypeError:
    print("TypeError positional to kw-only")
try:
    kwonly()
except TypeError:
    print("TypeError missing kw-only")
def posonly(a, b, /, c):
    return a, b, c
print(posonly(1, 2, 3), posonly(1, 2, c=3))
try:
    posonly(a=1, b=2, c=3)
except TypeError:
    print("TypeError posonly by name")
def kwargs_mut(**kw):
    kw["new"] = 1
    return kw
d = {"a": 1}
print(kwargs_mut(**d), d)
