print(sorted([3, 1, 2]), sorted("cab"), sorted((1.5, -1, 0)), sorted({3: 0, 1: 0}), sorted([]))
print(sorted([3, 1, 2], reverse=True), sorted(["b", "A", "c"], key=str.lower), sorted([-3, 2, -1], key=abs))
recs = [("bob", 3), ("amy", 1), ("cat", 3), ("dan", 1), ("eve", 2)]
print(sorted(recs, key=lambda r: r[1]))
print(sorted(recs, key=lambda r: r[1], reverse=True))
print(sorted(sorted(recs), key=lambda r: -r[1]))
l = [5, 3, 9]
s = sorted(l)
print(l, s, s is l)
words = "to be or not to be that is".split()
print(sorted(words, key=len), sorted(words, key=lambda w: (-len(w), w)))
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError", e)
big = [(i * 7919) % 1000 for i in range(1000)]
print(sorted(big)[:10], sorted(big)[-3:], sorted(big) == sorted(big, reverse=True)[::-1])
lst = [(1, "x"), (0, "y"), (1, "a"), (0, "b")]
lst.sort(key=lambda t: t[0])
print(lst)
print(sorted([[2, 1], [1, 2], [1]]), sorted([2 ** 65, 3, -2 ** 65]))
