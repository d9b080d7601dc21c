print(min(3, 1, 2), max(3, 1, 2), min([5, 4]), max("abc"), min((2, "b"), (1, "z")))
print(max([1, 5, 3], key=lambda x: -x), min(["aa", "b", "ccc"], key=len), max("ab", "c", key=len))
print(max([], default="empty"), min([], default=None), max([7], default=0))
print(max([1, 3, 3, 2], key=lambda x: x // 2), min([(1, "a"), (1, "b")], key=lambda t: t[0]))
try:
    max([])
except ValueError as e:
    print("ValueError", e)
try:
    min(1)
except TypeError as e:
    print("TypeError", e)
try:
    max(1, "a")
except TypeError as e:
    print("TypeError", e)
print(sum([]), sum([1, 2, 3]), sum([1, 2], 10), sum([0.5, 0.25]), sum([[1], [2]], []), sum(range(101)), sum((x * x for x in range(4)), 0))
print(sum([1, 2], start=5))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError", e)
print(max(2 ** 70, 2 ** 69), min(1.5, 1), max(True, 0), max(x for x in [3, 8, 1]))
