f = frozenset([3, 1, 2, 3])
print(sorted(f), len(f), 1 in f, type(f).__name__)
g = frozenset("ab")
print(sorted(f | {9}), type(f | {9}).__name__, type({9} | f).__name__)
print(sorted(f & {1, 2}), sorted(f - {1}), sorted(f ^ {1, 10}))
d = {f: "frozen key"}
print(d[frozenset([1, 2, 3])])
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])))
print(frozenset() == set(), frozenset([1]) == {1}, frozenset([1]) < frozenset([1, 2]))
try:
    f.add(4)
except AttributeError:
    print("AttributeError no add")
s = {frozenset([1]), frozenset([1])}
print(len(s))
print(sorted(sorted(x) for x in {frozenset([1, 2]), frozenset([3])}))
print(f.copy() == f, f.issubset(range(5)), f.isdisjoint("ab"))
