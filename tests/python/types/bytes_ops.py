b = b"hello world"
print(b, len(b), b[0], b[-1], b[1:4], b[::-1], b[::2])
print(b.upper(), b.split(), b.split(b"o"), b.replace(b"l", b"L"))
print(b.find(b"o"), b.rfind(b"o"), b.index(b"w"), b.count(b"l"), b"wor" in b, 104 in b)
print(b.startswith(b"he"), b.endswith(b"ld"), b.strip(b"hd"), b"  x ".strip())
print(b"-".join([b"a", b"b"]), b"ab" + b"cd", b"ab" * 3)
print(bytes(3), bytes([65, 66, 67]), bytes("é", "utf-8"), bytes(range(3)))
print(b.decode(), b"\xc3\xa9".decode("utf-8"), "é".encode())
print(list(b"abc"), bytes.fromhex("de ad BE EF"), b"\x01\xff".hex())
print(b"abc" < b"abd", b"ab" == b"ab", b"a" != "a", hash(b"x") == hash(b"x"))
print(repr(b"\x00\n\t'\"\\"), repr(b"it's"))
try:
    bytes([256])
except ValueError as e:
    print("ValueError", e)
try:
    b[0] = 1
except TypeError:
    print("TypeError immutable")
try:
    b"a" + "b"
except TypeError:
    print("TypeError bytes+str")
print(b"%d-%s" % (5, b"x"), b"abc".center(7, b"*"), b"a,b".partition(b","))
print(b"AbC".lower(), b"abc".isalpha(), b"123".isdigit(), b" ".isspace(), b"Ab".swapcase())
print(bytes(b"copy"), b"x".zfill(3), b"ab\ncd".splitlines(), b"a b".title())
