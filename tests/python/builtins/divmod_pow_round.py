print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), divmod(2 ** 70, 3))
print(pow(2, 10), pow(2, -2), pow(2.0, 3), pow(5, 3, 7), pow(-5, 3, 7), pow(5, -1, 7), pow(0, 0))
print(pow(2, 3, -5), pow(123456789, 987654321, 10 ** 9 + 7))
try:
    pow(2, 3.0, 5)
except TypeError:
    print("TypeError pow 3 args float")
try:
    pow(2, 3, 0)
except ValueError as e:
    print("ValueError", e)
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError", e)
print(round(3.14159), round(3.14159, 2), round(2.5), round(3.5), round(-2.5), round(1234, -2), round(1250, -2), round(1350, -2))
print(round(0.1 + 0.2, 10), round(-0.45, 1), round(5, 2), type(round(5, 2)).__name__, round(2.675, 2))
class R:
    def __round__(self, n=None):
        return ("rounded", n)
print(round(R()), round(R(), 3))
