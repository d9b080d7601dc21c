class Dyn:
    real = "real attr"
    def __getattr__(self, name):
        if name.startswith("x"):
            return "dynamic " + name
        raise AttributeError(name)
d = Dyn()
print(d.real, d.xyz, d.x1, hasattr(d, "xa"), hasattr(d, "other"), getattr(d, "other", "default"))
class Proxy:
    def __init__(self, target):
        self._target = target
    def __getattr__(self, name):
        return getattr(self._target, name)
p = Proxy([3, 1, 2])
p.sort()
print(p._target, p.count(1))
class Guard:
    def __setattr__(self, name, value):
        if name.startswith("_"):
            raise AttributeError("private " + name)
        object.__setattr__(self, name, value.upper() if isinstance(value, str) else value)
    def __delattr__(self, name):
        print("deleting", name)
        object.__delattr__(self, name)
g = Guard()
g.name = "abc"
print(g.name)
try:
    g._secret = 1
except AttributeError as e:
    print("AttributeError", e)
del g.name
print(hasattr(g, "name"))
class PropFallback:
    @property
    def p(self):
        raise AttributeError("inner")
    def __getattr__(self, name):
        return "fallback " + name
print(PropFallback().p)
