s = {3, 1, 2}
print(sorted(s), len(s), 2 in s, 5 in s)
s.add(4); s.add(1)
print(sorted(s))
s.discard(10); s.remove(4)
print(sorted(s))
try:
    s.remove(99)
except KeyError as e:
    print("KeyError", e)
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(sorted(a.union(b, [9])), sorted(a.intersection(b)), sorted(a.difference(b)),
      sorted(a.symmetric_difference(b)))
print({1, 2} <= {1, 2, 3}, {1, 2} < {1, 2}, {1, 2, 3} >= {3}, {1}.issubset([1, 2]),
      {1, 2}.issuperset({2}), {1}.isdisjoint({2}), {1}.isdisjoint({1}))
c = set(a)
c |= {10}; c &= {1, 2, 10}; c -= {1}; c ^= {2, 3}
print(sorted(c))
c.update([7, 8], (9,)); print(sorted(c))
c.intersection_update({7, 8, 10}); print(sorted(c))
c.difference_update({7}); print(sorted(c))
c.symmetric_difference_update({8, 11}); print(sorted(c))
print(sorted(set("hello")), set(), len(set([1, 1, 1])))
p = {1, 2}
print(p.pop() in (1, 2), len(p))
p.clear(); print(p)
try:
    set().pop()
except KeyError:
    print("KeyError pop from empty set")
print({1, 2} == {2, 1}, {1} == {1.0}, set() == frozenset())
q = {1, 2, 3}
r = q.copy(); r.add(4)
print(len(q), len(r))
try:
    {[1]}
except TypeError:
    print("TypeError unhashable")
