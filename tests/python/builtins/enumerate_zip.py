print(list(enumerate("abc")), list(enumerate("ab", 10)), list(enumerate([], 5)), list(enumerate("xy", start=-1)))
print(list(zip()), list(zip([1, 2, 3], "ab")), list(zip(range(3), range(3, 6), "xyz")))
names = ["a", "b"]
vals = [1, 2]
print(dict(zip(names, vals)))
pairs = [(1, "x"), (2, "y")]
nums, chars = zip(*pairs)
print(nums, chars)
e = enumerate(["p", "q"])
print(next(e), next(e), type(e).__name__)
z = zip(iter([1, 2]), iter([3]))
print(list(z))
for i, (a, b) in enumerate(zip("ab", "cd")):
    print(i, a, b)
