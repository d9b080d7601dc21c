l = [1, 2, 3]
it = iter(l)
print(next(it))
l.append(4)
print(list(it))
l2 = [1, 2, 3, 4]
for x in l2:
    if x == 2:
        l2.remove(x)
print(l2)
d = {"a": 1}
it = iter(d)
d["b"] = 2
try:
    next(it)
except RuntimeError as e:
    print("RuntimeError", e)
s = {1, 2}
try:
    for x in s:
        s.add(x + 10)
except RuntimeError as e:
    print("RuntimeError", e)
it = iter(range(3))
print(list(it), list(it))
r = reversed([1, 2, 3])
print(next(r), list(r))
e = enumerate(iter("abc"))
next(e)
print(list(e))
z = zip([1, 2, 3], iter("ab"))
print(list(z), list(z))
m = map(lambda x: x * 2, iter([1, 2]))
print(list(m), list(m))
it = iter("xy")
print(list(zip(it, it)))
t = (1, 2, 3)
ti = iter(t)
print(next(ti), tuple(ti))
b = iter(b"ab")
print(next(b), list(b))
