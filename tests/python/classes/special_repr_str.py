class V:
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return "V(%r)" % self.x
class S(V):
    def __str__(self):
        return "S-str"
print(V(1), repr(V("a")), str(V(2)), [V(3)], "%s %r" % (V(4), V(5)), f"{V(6)} {V(7)!r}")
print(S(1), repr(S(1)), [S(2)], "%s" % S(3), str(S(4)), format(S(5)))
class NoRepr:
    pass
r = repr(NoRepr())
print(r.startswith("<") and "NoRepr object at" in r and r.endswith(">"))
class BadRepr:
    def __repr__(self):
        return 5
try:
    repr(BadRepr())
except TypeError:
    print("TypeError repr returned non-string")
