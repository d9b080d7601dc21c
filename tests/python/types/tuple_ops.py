t = (1, 2, 3)
print(t, t[0], t[-1], t[1:], t[::-1], len(t))
print((1,), (), tuple(), tuple("ab"), tuple([1, 2]))
print(t + (4,), t * 2, 2 * (0,))
print(t.count(2), t.index(3), (1, 2, 1).index(1, 1))
print(1 in t, (1, 2) < (1, 3), (1, 2) < (1, 2, 3), (2,) > (1, 99))
print(hash((1, 2)) == hash((1, 2)), (1, [2]) == (1, [2]))
try:
    t[0] = 5
except TypeError:
    print("TypeError immutable")
try:
    hash((1, [2]))
except TypeError:
    print("TypeError unhashable")
try:
    t[5]
except IndexError as e:
    print("IndexError", e)
a, b, c = t
print(a, b, c)
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0])
x = 1, 2
print(type(x).__name__, x)
print(tuple(i * i for i in range(4)))
print(repr((1,)), repr(("a", 'b"')), str(()))
