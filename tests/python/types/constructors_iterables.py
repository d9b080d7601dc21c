def gen():
    yield 3
    yield 1
    yield 3
print(list(gen()), tuple(gen()), sorted(set(gen())), dict.fromkeys(gen()), frozenset(gen()) == {1, 3})
print(list({"a": 1, "b": 2}.items()), dict(zip("ab", gen())), dict(enumerate("xy")))
print(str(list(range(3))), bytes(gen()), bytearray(gen()), list(b"hi"), list(map(len, ["a", "bb"])))
print(list(reversed(list(gen()))), list(iter([1, 2]).__iter__()), list(filter(None, gen())))
print(tuple(tuple(x) for x in ["ab", "cd"]), [list(p) for p in zip(*[(1, 2), (3, 4)])])
print(dict([[1, 2], "ab"]), set("aab") == {"a", "b"}, list(""), tuple(), dict())
try:
    dict([(1, 2, 3)])
except ValueError as e:
    print("ValueError", e)
try:
    dict([1])
except TypeError as e:
    print("TypeError", e)
