from array import array
a = array("i", [1, 2, 3])
a.append(4)
a.extend([5, 6])
print(a, len(a), a[0], a[-1], a[1:3], list(a), sum(a))
a[0] = 100
print(a[0], a.typecode, a.itemsize >= 2)
b = array("B", b"\x01\x02\xff")
print(b, list(b), bytes(b))
try:
    b[0] = 256
except OverflowError:
    print("OverflowError")
f = array("f", [1.5, 2.5])
d = array("d", [0.25])
print(f, d, f[1] + d[0])
print(array("h"), array("b", [-1, 1]), array("H", [65535]), array("L", [2 ** 32 - 1]))
print(array("I", range(3)) == array("I", [0, 1, 2]), array("i", [1]) + array("i", [2]))
try:
    array("z")
except ValueError:
    print("ValueError bad typecode")
