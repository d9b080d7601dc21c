b = bytes(range(256))
print(len(b), b[0], b[255], b[65:70], b[-1:], b[250:])
print(b"abc".replace(b"b", b""), b"a-b-c".split(b"-", 1), b"  x".lstrip(), b"x  ".rstrip(), b"xax".strip(b"x"))
print(b"hello"[1:4], bytes(b"ab") == b"ab", b"ab" < b"b", b"" < b"\x00")
print(b"A".join([b"1", b"2", b"3"]), b"%s=%d" % (b"k", 5), b"%x" % 255, b"%5s|" % b"ab")
print(b"abc".hex(), bytes.fromhex("616263"), b"\xde\xad".hex())
print(b"ab" * 3, 3 * b"-", b"abcabc".count(b"bc"), b"abcabc".rindex(b"a"), b"abc".endswith((b"x", b"c")))
print(list(b"\x00\x7f\x80\xff"), bytes([0, 127, 128, 255]), repr(bytes([7, 10, 13, 92, 39])))
print(b"Hello World".lower(), b"hello".upper(), b"Hello".startswith(b"H"), b"a1".isalnum())
print(b"abc".decode("ascii"), b"caf\xc3\xa9".decode(), str(b"x", "utf-8"))
print(b"x" in b"xyz", b"yz" in b"xyz", 120 in b"xyz", b"" in b"abc")
print(b"a\nb\r\nc".splitlines(), b"1,2,3".split(b","), b"a b".split())
try:
    b"abc".decode("ascii") + b"x"
except TypeError:
    print("TypeError str + bytes")
try:
    bytes([-1])
except ValueError:
    print("ValueError negative byte")
