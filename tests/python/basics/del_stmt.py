x = 1
del x
try:
    x
except NameError as e:
    print("NameError", e)
lst = list(range(10))
del lst[0]
del lst[-1]
del lst[2:4]
del lst[::2]
print(lst)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError", e)
class A:
    pass
a = A()
a.x = 1
a.y = 2
del a.x
print(hasattr(a, "x"), a.y)
p, q = 1, 2
del p, q
try:
    print(p)
except NameError:
    print("p gone")
def f():
    y = 3
    del y
    try:
        return y
    except NameError as e:
        return "unbound"
print(f())
