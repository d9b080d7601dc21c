def trace(fn):
    def wrapper(*a, **k):
        print("call", fn.__name__, a)
        return fn(*a, **k)
    return wrapper
@trace
def add(a, b):
    return a + b
print(add(1, 2))
def repeat(n):
    def deco(fn):
        def w(*a):
            return [fn(*a) for _ in range(n)]
        return w
    return deco
@repeat(3)
def hello(x):
    return "hi " + x
print(hello("bob"))
def d1(f):
    return lambda: "d1(" + f() + ")"
def d2(f):
    return lambda: "d2(" + f() + ")"
@d1
@d2
def base():
    return "base"
print(base())
registry = []
def register(cls):
    registry.append(cls.__name__)
    return cls
@register
class Foo:
    pass
@register
class Bar:
    pass
print(registry)
class C:
    @staticmethod
    @trace
    def s(x):
        return x * 2
print(C.s(4))
# decorator expression (PEP 614)
decos = [trace]
@decos[0]
def z():
    return "z"
print(z())
