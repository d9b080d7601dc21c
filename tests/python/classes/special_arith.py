class V:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return "V(%s, %s)" % (self.x, self.y)
    def __add__(self, o):
        return V(self.x + o.x, self.y + o.y)
    def __sub__(self, o):
        return V(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        return V(self.x * k, self.y * k)
    def __rmul__(self, k):
        return V(k * self.x, k * self.y)
    def __truediv__(self, k):
        return V(self.x / k, self.y / k)
    def __floordiv__(self, k):
        return V(self.x // k, self.y // k)
    def __mod__(self, k):
        return V(self.x % k, self.y % k)
    def __pow__(self, k):
        return V(self.x ** k, self.y ** k)
    def __neg__(self):
        return V(-self.x, -self.y)
    def __pos__(self):
        return self
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __invert__(self):
        return V(self.y, self.x)
    def __and__(self, o):
        return V(self.x & o.x, self.y & o.y)
    def __or__(self, o):
        return V(self.x | o.x, self.y | o.y)
    def __xor__(self, o):
        return V(self.x ^ o.x, self.y ^ o.y)
    def __lshift__(self, n):
        return V(self.x << n, self.y << n)
    def __rshift__(self, n):
        return V(self.x >> n, self.y >> n)
    def __matmul__(self, o):
        return self.x * o.x + self.y * o.y
    def __divmod__(self, k):
        return (self // k, self % k)
a, b = V(6, 8), V(1, 2)
print(a + b, a - b, a * 2, 3 * a, a / 2, a // 4, a % 4, b ** 3, -a, +a, abs(a), ~b)
print(a & b, a | b, a ^ b, b << 2, a >> 1, a @ b, divmod(a, 4))
try:
    a + 1
except AttributeError:
    print("AttributeError int has no x")
try:
    "s" - a
except TypeError as e:
    print("TypeError", e)
class R:
    def __radd__(self, o):
        return "radd(%r)" % (o,)
    def __rsub__(self, o):
        return "rsub(%r)" % (o,)
    def __rtruediv__(self, o):
        return "rtruediv(%r)" % (o,)
    def __rpow__(self, o):
        return "rpow(%r)" % (o,)
    def __rfloordiv__(self, o):
        return "rfloordiv"
    def __rmod__(self, o):
        return "rmod"
    def __rand__(self, o):
        return "rand"
    def __ror__(self, o):
        return "ror"
    def __rxor__(self, o):
        return "rxor"
    def __rlshift__(self, o):
        return "rlshift"
    def __rrshift__(self, o):
        return "rrshift"
r = R()
print(1 + r, "s" + r, 2 - r, 3 / r, 2 ** r, 1 // r, 1 % r, 1 & r, 1 | r, 1 ^ r, 1 << r, 1 >> r)
print(0 + r)
