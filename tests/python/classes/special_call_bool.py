class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x, *more, scale=1):
        return (x + self.n + sum(more)) * scale
add5 = Adder(5)
print(add5(1), add5(1, 2, 3), add5(1, scale=10), list(map(add5, [0, 1])))
class Truthy:
    def __init__(self, b):
        self.b = b
    def __bool__(self):
        return self.b
print(bool(Truthy(True)), bool(Truthy(False)), not Truthy(False), Truthy(False) or "alt")
if Truthy(True) and not Truthy(False):
    print("both ok")
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError:
    print("TypeError __bool__ returned int")
class Both:
    def __bool__(self):
        return False
    def __len__(self):
        return 5
print(bool(Both()))
