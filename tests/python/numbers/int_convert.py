print(bin(10), bin(-10), bin(0), oct(64), oct(-8), hex(255), hex(-255), hex(0))
print(int("ff", 16), int("-0b11", 0), int("  0o7  ", 0), int("Z", 36), int("10", 2))
print(str(-0), repr(123), "%d" % -0, int(" 42\n"), int("4_2"))
print(ord("0"), chr(48 + 5), int(5.0), int("0000012"))
print((1234).to_bytes(4, "little"), (1234).to_bytes(4, "big"), int.from_bytes(b"\xd2\x04", "little"))
print((-1).to_bytes(2, "big", signed=True), int.from_bytes(b"\xff\xfe", "big", signed=True))
try:
    (256).to_bytes(1, "big")
except OverflowError as e:
    print("OverflowError", e)
try:
    int("0b2", 0)
except ValueError as e:
    print("ValueError", e)
try:
    int("08", 0)
except ValueError as e:
    print("ValueError", e)
print(format(255, "08b"), format(255, "#010x"), format(-5, "b"), format(10, "o"))
print(int.__name__)
print(sorted([3, -1, 2 ** 70, -(2 ** 70), 0]))
