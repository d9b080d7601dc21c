def f(a, b):
    return a + b
for args, kw in [((1,), {}), ((1, 2, 3), {}), ((1,), {"a": 2}), ((1, 2), {"c": 3})]:
    try:
        f(*args, **kw)
    except TypeError:
        print("TypeError", len(args), sorted(kw))
print(f(b=1, a=2))
try:
    f(**{"a": 1, "b": 2, "c": 3})
except TypeError:
    print("TypeError extra kw")
try:
    f(1, *[2], **{"b": 3})
except TypeError:
    print("TypeError multiple values")
def g():
    return 1
try:
    g(1)
except TypeError:
    print("TypeError no args")
