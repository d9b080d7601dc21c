a = 1 + 2j
b = 3 - 1j
print(a, b, a + b, a - b, a * b, (4 + 2j) / (1 + 1j), (3 + 4j) / (1 - 2j), -a, +a)
print(a.real, a.imag, a.conjugate(), abs(3 + 4j), a == 1 + 2j, a != b)
print(complex(2), complex(1.5, -2), complex("3+4j"), complex("-1j"), complex("2"), 1j * 1j)
print(repr(1j), repr(-1j), repr(0j), repr(1 + 0j), repr(complex(-0.0, 1)), str(2.5 + 1e-3j))
print(a ** 2, (1j) ** 2, 2 ** (1j * 0), (1 + 1j) ** 0)
print(type(a).__name__, 1j.imag, (2 + 0j) == 2, hash(2 + 0j) == hash(2))
try:
    a < b
except TypeError:
    print("TypeError unordered")
try:
    a / 0
except ZeroDivisionError:
    print("ZeroDivisionError")
try:
    int(a)
except TypeError:
    print("TypeError int(complex)")
print("{:.2f}".format(1.23456 + 2.5j), format(1 + 2j, ""))
