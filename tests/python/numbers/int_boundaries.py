# values around small-int/big-int boundaries of common implementations
edges = []
for b in (15, 16, 29, 30, 31, 32, 47, 48, 61, 62, 63, 64, 65, 127, 128):
    for d in (-1, 0, 1):
        edges.append(2 ** b + d)
        edges.append(-(2 ** b) + d)
for v in edges:
    print(v, v + 1, v - 1, v * 2, v * -3, -v, v // 3, v % 3, v // -7, v % -7, v >> 1, v << 1, abs(v), v * v)
ok = True
for a in edges:
    for b in edges:
        s, d, p = a + b, a - b, a * b
        if s - b != a or d + b != a or (b and p // b != a) or (a < b) != (d < 0) or (a == b) != (d == 0):
            ok = False
            print("identity failed", a, b)
print("identities hold:", ok)
print(sorted(edges)[:3], sorted(edges)[-3:], max(edges) - min(edges), sum(edges))
