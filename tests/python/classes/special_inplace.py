class Acc:
    def __init__(self, v):
        self.v = v
    def __iadd__(self, o):
        self.v += o
        return self
    def __isub__(self, o):
        self.v -= o
        return self
    def __imul__(self, o):
        self.v *= o
        return self
    def __add__(self, o):
        return Acc(self.v + o + 1000)
    def __repr__(self):
        return "Acc(%d)" % self.v
a = Acc(1)
alias = a
a += 5
a -= 1
a *= 3
print(a, alias, a is alias)
class NoInplace:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return NoInplace(self.v + o)
n = NoInplace(1)
orig = n
n += 2
print(n.v, orig.v, n is orig)
class ReturnsOther:
    def __iadd__(self, o):
        return "replaced"
x = ReturnsOther()
x += 1
print(x)
lst = [1]
t = (lst,)
try:
    t[0] += [2]
except TypeError:
    print("TypeError tuple item assignment")
print(t)
