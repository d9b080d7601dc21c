# bisect: searches and insertions, lo/hi bounds, key functions.
import bisect

a = [1, 2, 2, 2, 3, 5, 8]
for x in [0, 1, 2, 4, 8, 9]:
    print(x, bisect.bisect_left(a, x), bisect.bisect_right(a, x), bisect.bisect(a, x), bisect.bisect_left(a, x, 2, 5))
b = []
for x in [5, 1, 4, 1, 3]:
    bisect.insort(b, x)
print(b)
bisect.insort_left(b, 4)
bisect.insort_right(b, 4, lo=0)
print(b, bisect.bisect_left(b, 4, hi=3))
recs = [('a', 1), ('b', 3), ('c', 7)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]), bisect.bisect_right(recs, 7, key=lambda r: r[1]))
bisect.insort(recs, ('x', 5), key=lambda r: r[1])
print(recs)
try:
    bisect.bisect([1], 1, -1)
except ValueError as e:
    print('ValueError', e)
