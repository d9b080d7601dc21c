s = set()
for i in range(1000):
    s.add(i * 7 % 101)
print(len(s), min(s), max(s), sum(s))
for i in range(0, 101, 2):
    s.discard(i)
print(len(s), sorted(s)[:5])
a = set(range(10))
b = set(range(5, 15))
print(sorted(a - b), sorted(b - a), sorted(a & b), len(a | b), sorted(a ^ b))
print(a > set(range(3)), set() < a, a <= a, a < a)
print(sorted({x % 4 for x in range(20)}), {(1, 2), (1, 2)} == {(1, 2)})
words = "the cat and the hat and the bat".split()
print(sorted(set(words)), len(set(words)))
print(set([1, 2]) == {2, 1}, set("ab") | set("bc") == {"a", "b", "c"})
fs = frozenset(range(5))
print(sorted(fs - {0}), type(fs - {0}).__name__, type({0} - fs).__name__)
t = {1, 2, 3}
u = t
t |= {4}
print(u is t, sorted(u))
print(sorted({1, 1.0, True}), len({0, 0.0, False, None}))
