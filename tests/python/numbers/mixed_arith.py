print(1 + 2.5, 2 * 1.5, 3 - 0.5, 1 / 2, 7 // 2.0, 7 % 2.5, 2 ** 0.5 == 2 ** 0.5)
print(1 + 1j, 2 * (1 + 1j), 1.5 + 2j, True + 1.5, True + 1j)
print(1 == 1.0 == (1 + 0j), 2 < 2.5 < 3, 10 ** 20 < 1e21, 10 ** 20 == 1e20)
print(2 ** 100 + 0.5, (2 ** 100) * 1.0, (2 ** 53 + 1) < float(2 ** 53 + 2), 3 / (2 ** 70))
print(type(1 + 1.0).__name__, type(1 + 1j).__name__, type(True + True).__name__, type(2 ** -1).__name__)
print(max(1, 2.5), min(1, 0.5), sum([1, 2.5, 3]), sum([1j, 2]), abs(-3.0), round(2.5) + 0.5)
for a, b in [(7, 2), (-7, 2), (7, -2), (7.5, 2), (-7.5, 2)]:
    print(a, b, a // b, a % b, divmod(a, b))
try:
    1 + "a"
except TypeError as e:
    print("TypeError", e)
try:
    "a" * 2.0
except TypeError as e:
    print("TypeError", e)
try:
    [1] * 1.5
except TypeError as e:
    print("TypeError", e)
