print([x * x for x in range(6)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(x, y) for x in range(3) for y in range(x)])
print([[j for j in range(i)] for i in range(4)])
print({x: x * x for x in range(5)})
print({k: v for k, v in zip("abc", range(3)) if v != 1})
print(sorted({c for c in "mississippi"}))
g = (x * 2 for x in range(4))
print(type(g).__name__, list(g), list(g))
print(sum(x for x in range(101)))
x = "outer"
print([x for x in "ab"], x)
def f():
    y = 10
    return [y + i for i in range(3)]
print(f())
class K:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
print(K.doubled)
print([(i, c) for i, c in enumerate("xyz")])
print({(a, b) for a in range(2) for b in range(2)} == {(0, 0), (0, 1), (1, 0), (1, 1)})
print(dict((i, str(i)) for i in range(3)))
print([y for x in [[1, 2], [3]] for y in x])
