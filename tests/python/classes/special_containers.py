class Grid:
    def __init__(self):
        self.cells = {}
        self.log = []
    def __getitem__(self, key):
        self.log.append(("get", key))
        if key not in self.cells:
            raise KeyError(key)
        return self.cells[key]
    def __setitem__(self, key, val):
        self.log.append(("set", key))
        self.cells[key] = val
    def __delitem__(self, key):
        self.log.append(("del", key))
        del self.cells[key]
    def __len__(self):
        return len(self.cells)
    def __contains__(self, key):
        return key in self.cells
    def __iter__(self):
        return iter(sorted(self.cells))
g = Grid()
g[0, 1] = "a"
g["k"] = "b"
print(g[0, 1], len(g), (0, 1) in g, "zz" in g, "zz" not in g)
del g["k"]
print(len(g), list(g), g.log)
try:
    g["none"]
except KeyError as e:
    print("KeyError", e)
class SliceAware:
    def __getitem__(self, i):
        if isinstance(i, slice):
            return ("slice", i.start, i.stop, i.step)
        return ("index", i)
    def __setitem__(self, i, v):
        print("set", i if not isinstance(i, slice) else (i.start, i.stop, i.step), v)
    def __delitem__(self, i):
        print("del", (i.start, i.stop, i.step) if isinstance(i, slice) else i)
s = SliceAware()
print(s[1], s[1:5], s[::2], s[-1])
s[1:3] = "x"
del s[::3]
class IterOnly:
    def __iter__(self):
        yield 1
        yield 2
print(2 in IterOnly(), 5 in IterOnly(), list(IterOnly()), sorted(IterOnly(), reverse=True))
class LenBool:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
print(bool(LenBool(0)), bool(LenBool(2)), "yes" if LenBool(1) else "no")
try:
    len(LenBool(-1))
except ValueError:
    print("ValueError negative len")
