class P:
    cls_attr = "class"
    def __init__(self):
        self.x = 1
p = P()
print(getattr(p, "x"), getattr(p, "cls_attr"), getattr(p, "nope", "dflt"))
setattr(p, "y", 2)
print(p.y, hasattr(p, "y"), hasattr(p, "z"))
delattr(p, "y")
print(hasattr(p, "y"))
try:
    getattr(p, "nope")
except AttributeError as e:
    print("AttributeError", e)
try:
    delattr(p, "nope")
except AttributeError:
    print("AttributeError delattr")
try:
    getattr(p, 5)
except TypeError:
    print("TypeError attr name must be str")
setattr(P, "added", lambda self: "method " + str(self.x))
print(p.added())
print(getattr(1, "real", "none"), getattr([], "append") is not None, hasattr("s", "upper"))
try:
    setattr(1, "x", 2)
except AttributeError:
    print("AttributeError setattr on int")
