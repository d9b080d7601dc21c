n = 2 ** 128 + 17
print(str(n), repr(n), hex(n), oct(n), bin(n)[:20])
print(int(str(n)) == n, int(hex(n), 16) == n, int(oct(n), 0) == n, int(bin(n), 0) == n)
print(int("1" * 50, 2), int("zz" * 10, 36), int("-ABCDEF0123456789", 16))
print(float(2 ** 100), float(-(3 ** 50)), int(1e30), int(-2.5e25), int(float(2 ** 60)))
print(n.to_bytes(17, "big"), int.from_bytes(b"\xff" * 12, "big"), int.from_bytes(b"\x00\x01" * 5, "little"))
print("%d" % n, "%x" % n, "{:,}".format(10 ** 24), format(n, "b")[-8:], f"{-n:>50}")
huge = 123456789123456789123456789123456789123456789123456789
print(huge, huge * huge, huge // 123456789, huge % 987654321)
print(str(10 ** 300)[:5], len(str(10 ** 300)), len(str(7 ** 500)))
print(round(123456789123456789, -5), round(-(10 ** 20) - 5, -1))
print(10 ** 30 / 10 ** 10, 2 ** 100 / 2 ** 99, (10 ** 20 + 1) // 2)
try:
    float(10 ** 400)
except OverflowError as e:
    print("OverflowError", e)
try:
    (10 ** 400) / 1.0
except OverflowError as e:
    print("OverflowError", e)
print(10 ** 400 // 10 ** 399, 10 ** 400 > 1e308, 10 ** 400 == float("inf"))
