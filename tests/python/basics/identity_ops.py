a = [1, 2]
b = a
c = list(a)
print(a is b, a is c, a == c, a is not c, None is None, True is True)
x = ()
y = ()
print(x == y, type(x) is tuple)
s = "abc"
t = s
print(s is t, s == "ab" + "c")
class K:
    pass
k1, k2 = K(), K()
print(k1 is k2, k1 is k1, k1 == k1, k1 != k2, type(k1) is type(k2))
print([1] is [1], [] == [], {} is not {})
def f():
    return a
print(f() is a)
