print(len(""), len("abc"), len([1, 2]), len((1,)), len({1: 2}), len({1, 2, 3}), len(range(7)), len(b"xy"), len(bytearray(4)))
class L:
    def __len__(self):
        return 5
print(len(L()))
try:
    len(5)
except TypeError as e:
    print("TypeError", e)
print(abs(-3), abs(3.5), abs(-0.0), abs(-2 ** 80), abs(3 + 4j), abs(True))
class A:
    def __abs__(self):
        return "abs called"
print(abs(A()))
try:
    abs("x")
except TypeError as e:
    print("TypeError", e)
print(all([]), all([1, 2]), all([1, 0]), any([]), any([0, 0]), any([0, 3]), all(x > 0 for x in range(1, 4)), any("")) 
print(bin(5), hex(255), oct(8), chr(65), ord("a"), callable(len), callable(3), callable(L), callable(L()))
