print(7 + 3, 7 - 3, 7 * 3, 7 / 2, 7 // 2, 7 % 3, -7 // 2, -7 % 3, 7 // -2, 7 % -3, -7 // -2, -7 % -3)
print(divmod(7, 3), divmod(-7, 3), divmod(7, -3), divmod(-7, -3), divmod(0, 5))
print(abs(-5), -(-5), +5, ~5, ~-1, 5 & 3, 5 | 3, 5 ^ 3, 1 << 10, 1024 >> 3, -16 >> 2, -1 >> 100)
print(10 / 4, 10 / 5, type(10 / 5).__name__, 1 / 3 * 3 == 1.0)
print(int.__name__, type(7 // 2).__name__, 2 ** 62, 2 ** 63, 2 ** 64, -2 ** 63)
print(0x7fffffff + 1, 0xffffffff, 0o777, 0b1010, 1_000_000, 0x_ff)
print(max(3, 9, 2), min(-1, -5), sum([1, 2, 3]), round(7), round(-7))
for a in (0, 1, -1, 2 ** 30, 2 ** 31 - 1, -2 ** 31, 2 ** 62 - 1):
    print(a, a + a, a * a, a - 1, a // 7, a % 7)
try:
    1 // 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    1 % 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    1 << -1
except ValueError as e:
    print("ValueError", e)
print((5).bit_length(), (0).bit_length(), (-8).bit_length(), (255).to_bytes(2, "big"), int.from_bytes(b"\x01\x00", "little"))
