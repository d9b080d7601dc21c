def f(a, b, c=0, *args, **kw):
    return (a, b, c, args, sorted(kw.items()))
t = (1, 2)
d = {"c": 3}
print(f(*t, **d))
print(f(*range(6)))
print(f(*"ab", z=1))
print(f(1, *[2], **{"c": 9, "k": 8}))
print(f(*(i for i in (7, 8))))
args = [1, 2, 3]
print(max(*args), min(*args, 0))
print(*[1, 2, 3], sep="-")
print(*"abc")
print(*[])
def kw(**k):
    return k
print(kw(**{"a": 1}, b=2))
try:
    f(**{1: 2})
except TypeError:
    print("TypeError non-string keyword")
try:
    f(*5)
except TypeError:
    print("TypeError not iterable")
try:
    f(**[1])
except TypeError:
    print("TypeError not a mapping")
