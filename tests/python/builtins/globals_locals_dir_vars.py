gv = 123
print(globals()["gv"], "gv" in globals(), globals() is globals())
globals()["made"] = "via globals"
print(made)
def f(a, b=2):
    c = a + b
    return sorted(locals().items())
print(f(1))
class K:
    cattr = 1
    def __init__(self):
        self.iattr = 2
    def meth(self):
        pass
k = K()
print(vars(k), "iattr" in dir(k), "cattr" in dir(k), "meth" in dir(K), "cattr" in vars(K))
print([n for n in dir(k) if not n.startswith("_")])
import sys
print("path" in dir(sys), "append" in dir([]), "upper" in dir(""))
print(type(dir()).__name__, "gv" in dir())
try:
    vars(5)
except TypeError:
    print("TypeError vars(int)")
