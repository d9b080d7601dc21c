a, b = "xy"
c, d = {"k1": 1, "k2": 2}
e, f = range(2)
g, h = (i * 2 for i in range(2))
i, j = b"AB"
(k, l), m = ((1, 2), 3)
print(a, b, c, d, e, f, g, h, i, j, k, l, m)
class Two:
    def __iter__(self):
        return iter([10, 20])
p, q = Two()
print(p, q)
first, *middle, last = range(10)
print(first, middle, last)
*init, tail = "abc"
print(init, tail)
head, *_ = [1]
print(head, _)
for (x, y), z in [((1, 2), 3), ((4, 5), 6)]:
    print(x + y + z)
try:
    u, v = 5
except TypeError as e:
    print("TypeError", e)
