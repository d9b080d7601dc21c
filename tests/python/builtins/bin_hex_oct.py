for n in (0, 1, 7, 8, 255, 256, -1, -255, 2 ** 40, -(2 ** 40)):
    print(n, bin(n), oct(n), hex(n))
class I:
    def __index__(self):
        return 42
print(bin(I()), hex(I()), oct(I()), [0, 1, 2][True])
try:
    hex(1.5)
except TypeError as e:
    print("TypeError", e)
