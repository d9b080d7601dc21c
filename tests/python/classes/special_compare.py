class N:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return isinstance(o, N) and self.v == o.v
    def __lt__(self, o):
        return self.v < o.v
    def __le__(self, o):
        return self.v <= o.v
    def __gt__(self, o):
        return self.v > o.v
    def __ge__(self, o):
        return self.v >= o.v
    def __hash__(self):
        return hash(self.v)
    def __repr__(self):
        return "N%d" % self.v
a, b = N(1), N(2)
print(a == N(1), a != b, a < b, a <= b, a > b, a >= b, b > a)
print(sorted([N(3), N(1), N(2)]), max(N(5), N(9)), min([N(4), N(0)]))
print(a == 1, a != 1, N(1) in [N(0), N(1)], {N(1): "x"}[N(1)])
class OnlyLt:
    def __init__(self, v):
        self.v = v
    def __lt__(self, o):
        return self.v < o.v
print(OnlyLt(2) > OnlyLt(1), OnlyLt(1) > OnlyLt(2))
class NotImpl:
    def __eq__(self, o):
        return NotImplemented
print(NotImpl() == NotImpl(), NotImpl() != 3)
try:
    NotImpl() < NotImpl()
except TypeError as e:
    print("TypeError", e)
class EqLog:
    def __eq__(self, o):
        print("EqLog.__eq__ called")
        return True
print(5 == EqLog(), EqLog() == 5)
class NeDefault:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
print(NeDefault(1) != NeDefault(1), NeDefault(1) != NeDefault(2))
