for obj, name in [(1, "x"), ("s", "nope"), ([], "push"), ({}, "iteritems"), (None, "a"), (len, "q"), (1.5, "denom")]:
    try:
        getattr(obj, name)
    except AttributeError as e:
        print("AttributeError", e)
class C:
    __slots__ = ("a",)
try:
    C().a
except AttributeError as e:
    print("AttributeError unset slot")
try:
    object().x = 1
except AttributeError:
    print("AttributeError object() has no __dict__")
