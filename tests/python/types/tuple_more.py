points = [(3, 1), (1, 2), (2, 2), (1, 1)]
print(sorted(points), max(points), min(points, key=lambda p: p[1]))
print(tuple(sorted((3, 1, 2))), (1, 2) + (3,) * 2, (1, 2, 3)[::-1])
d = {(0, 0): "origin", (1, 0): "east"}
print(d[(0, 0)], d[1, 0])
t = 1, "two", 3.0, [4]
a, b, *c = t
print(a, b, c)
t[3].append(5)
print(t)
print((1, 2) == (1, 2), (1, 2) != (2, 1), () < (0,), (1, "a") < (1, "b"))
nested = ((1, (2, 3)), (4, (5, 6)))
print([y for x in nested for y in x[1]], len(nested))
print(tuple(range(5))[1:4], tuple("hello").count("l"), (1, 2, 1, 2).index(2, 2))
print(hash((1, (2, 3))) == hash((1, (2, 3))), ((),) != ())
