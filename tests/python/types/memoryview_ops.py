ba = bytearray(b"abcdef")
m = memoryview(ba)
print(len(m), m[0], m[-1], bytes(m[1:3]), m[2:4].tobytes())
m[0] = 65
print(ba)
m[1:3] = b"XY"
print(ba)
sub = m[2:]
sub[0] = ord("z")
print(ba, bytes(sub))
print(list(memoryview(b"\x01\x02")), memoryview(b"ab").tobytes())
ro = memoryview(b"const")
try:
    ro[0] = 1
except TypeError:
    print("TypeError readonly")
print(ro.readonly, m.readonly)
print(bytes(m) == bytes(ba), m.tolist()[:3])
print(bytes(memoryview(b"abcdef")[::2]), bytes(memoryview(b"abc")[::-1]), len(memoryview(b"abcd")[1:]))
