print(int("42"), int("-7"), int("  12  "), int("0x1f", 16), int("1f", 16), int("777", 8), int("z", 36))
print(int("0b101", 0), int("0o17", 0), int("0x1F", 0), int("10", 0), int("1_000"))
print(int(3.99), int(-3.99), int(True), int(1e20))
print(float("3.5"), float(" -2 "), float("1e3"), float(7), float("inf"), float("-inf"), float("nan"))
print(str(1), str(1.5), str([1, "a"]), str((1,)), str({"a": 1}), str(b"x"))
print(list("ab"), tuple([1]), set([1, 1]), dict([(1, 2)]))
print(bool("False"), int(False), complex(1, 2), complex("1+2j"), complex(3))
print(repr(1.0), repr(-0.0), repr(1e16), repr(1.5e-7), repr(123456789.0))
print(int("-0"), int("+5"), float("+1.5"), float(".5"), float("5."))
for bad in ["", "1.5", "abc", "0x", "1 2"]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError", e)
for bad in ["", "1.2.3", "x"]:
    try:
        float(bad)
    except ValueError as e:
        print("ValueError", e)
try:
    int("12", 1)
except ValueError as e:
    print("ValueError", e)
try:
    int([1])
except TypeError as e:
    print("TypeError", e)
