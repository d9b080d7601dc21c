a = list(range(10))
print(a[2:5], a[:3], a[7:], a[:], a[-3:], a[:-7])
print(a[::2], a[1::3], a[::-1], a[::-3], a[8:2:-2], a[-1:-4:-1])
print(a[100:], a[-100:2], a[5:2], a[2:5:-1])
b = a[:]
b[2:5] = ["x"]
print(b)
b[1:1] = [7, 7, 7]
print(b)
b[:] = [1, 2, 3]
print(b)
c = list(range(10))
c[::2] = "abcde"
print(c)
try:
    c[::2] = [1, 2]
except ValueError as e:
    print("ValueError", e)
d = list(range(10))
del d[1:3]
print(d)
del d[::3]
print(d)
del d[::-2]
print(d)
e = list(range(6))
e[-2:] = []
print(e)
e[len(e):] = [9]
print(e)
try:
    a[::0]
except ValueError as err:
    print("ValueError", err)
print(a[slice(1, 8, 3)], a[slice(None, None, -4)])
f = [1, 2, 3]
f[1:2] = range(4)
print(f)
