# extended iterable unpacking in assignments and displays
a, *b = [1, 2, 3, 4]
print(a, b)
*a, b = range(5)
print(a, b)
a, *b, c = "hello"
print(a, b, c)
a, *b, c = (1, 2)
print(a, b, c)
(a, *b), c = [1, 2, 3], 4
print(a, b, c)
for x, *rest in [(1, 2, 3), (4,), (5, 6)]:
    print(x, rest)
print([*range(3), *"ab", 9])
print((*[1, 2], 3))
print({*[3, 1], 2} == {1, 2, 3})
d = {"a": 1, **{"b": 2, "a": 3}, "c": 4}
print(d)
def f(*args, **kw):
    return args, sorted(kw.items())
print(f(*[1, 2], *(3,), **{"x": 1}, **{"y": 2}))
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError", e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print("ValueError", e)
try:
    a, *b, c = [1]
except ValueError as e:
    print("ValueError", e)
