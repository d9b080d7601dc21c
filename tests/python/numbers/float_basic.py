print(1.5 + 2.25, 1.5 - 2.25, 1.5 * 4, 7.0 / 2, 7.0 // 2, 7.5 % 2, -7.5 // 2, -7.5 % 2, 7.5 % -2)
print(0.1 + 0.2, 0.1 + 0.2 == 0.3, 1e300 * 1e10, -1e300 * 1e10, 1e-320 / 1e10)
print(repr(0.1), repr(1/3), repr(2/3), repr(100.0), repr(1e22), repr(1e-5), repr(123.456), repr(5e-324))
print(str(1e16), str(1.5e15), str(0.0001), str(0.00001), str(-0.0), str(1e100))
print(divmod(7.5, 2), divmod(-7.5, 2), abs(-2.5), -(-0.0), round(2.675, 2), round(0.5), round(1.5), round(2.5))
print(round(3.14159, 3), round(-3.7), round(1234.5678, -2), round(7.0), type(round(7.5)).__name__, type(round(7.5, 0)).__name__)
print(float("1.7976931348623157e308"), 2.0 ** 0.5, 10.0 ** -3, (-8.0) ** 2, 2.0 ** -1074)
print(int(2.9), int(-2.9), float(3), 3 == 3.0, 3.5 > 3, 2 ** 53 + 1 == float(2 ** 53 + 1))
print(1.0.is_integer(), 1.5.is_integer(), (0.5).as_integer_ratio(), (-2.75).as_integer_ratio())
print(1e5, 1e15, 1e16, 123456789012345678.0, 0.1 * 3, 1.1 * 1.1, 3.0 * 1.1)
try:
    1.0 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    1.0 // 0.0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
try:
    5.0 % 0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
print(hash(1.0) == hash(1), hash(0.5) == hash(0.5), {1.0: "a"}[1])
