ba = bytearray(b"hello")
ba[0] = ord("H")
print(ba, len(ba), ba[1], ba[-1])
ba.append(33); print(ba)
ba.extend(b" ok"); print(ba)
ba[1:3] = b"EE"; print(ba)
ba[0:1] = b""; print(ba)
del ba[0]; print(ba)
del ba[::2]; print(ba)
print(ba.pop(), ba)
ba.insert(0, 65); print(ba)
ba.reverse(); print(ba)
print(bytearray(3), bytearray([1, 2]), bytearray("ab", "ascii"), bytearray(b"x") * 2)
b2 = bytearray(b"abc")
b2 += b"def"
print(b2, b2 == b"abcdef", bytes(b2), b2.decode(), b2.upper(), b2.find(b"cd"))
try:
    b2[0] = 300
except ValueError as e:
    print("ValueError", e)
print(b2.hex(), bytearray.fromhex("4142"), list(b2[:2]))
b2.clear(); print(b2, len(b2))
b3 = bytearray(b"xyz")
b3.remove(ord("y")); print(b3)
c = b3.copy(); c.append(0); print(b3, c)
print(bytearray(b"a b c").split(), bytearray(b"abc").replace(b"b", b"BB"))
ba5 = bytearray(5)
ba5[1:3] = b"xy"
ba5[-1] = 255
print(ba5, ba5.count(0), ba5.index(b"y"), ba5.find(b"q"), ba5.startswith(b"\x00x"))
