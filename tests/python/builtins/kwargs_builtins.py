print(sorted([3, 1, 2], reverse=True), sorted(["bb", "a"], key=len), int("ff", base=16))
print("a,b,c".split(sep=",", maxsplit=1), "a b c".rsplit(maxsplit=1), list(enumerate("ab", start=5)))
print(min([], default=0), max([1, 5], key=lambda v: -v), round(2.567, ndigits=1))
print("x".center(5, "*"), "abc".encode(encoding="utf-8"), b"abc".decode(encoding="utf-8"))
print(dict(a=1), "{x}".format(x=1), sum([1, 2], start=10))
print("ab".startswith("a", 0), (1).to_bytes(2, byteorder="little"), int.from_bytes(b"\x01\x00", byteorder="big"))
l = [3, 1, 2]
l.sort(key=lambda v: v, reverse=True)
print(l, "a-b".replace("-", "+", 1))
print(*[1, 2], sep="", end="\n")
try:
    sorted([1], bogus=True)
except TypeError:
    print("TypeError unexpected keyword")
try:
    len(obj=[])
except TypeError:
    print("TypeError len takes no keywords")
