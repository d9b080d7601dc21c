x = 10
g = (x + i for i in range(3))
x = 20
print(list(g))
def f():
    vals = [1, 2, 3]
    g = (v * n for v in vals for n in range(2))
    vals = None
    return list(g)
print(f())
try:
    list(1 / y for y in [1, 0])
except ZeroDivisionError:
    print("ZeroDivisionError lazily")
try:
    g = (i for i in 5)
except TypeError:
    print("TypeError at creation: outermost iterable evaluated eagerly")
class K:
    n = 3
    r = list(i for i in range(n))
print(K.r)
