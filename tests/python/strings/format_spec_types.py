# how each type treats a format spec
print(repr(format(True, "")), repr(format(True, "<6")), repr("{:>5}".format(False)), repr(f"{True:d}"), repr(f"{False:x}"))
print(repr(format(None, "")), repr(format([1, 2], "")), repr("{}".format((1,))), repr(format("s", "")))
class Plain:
    def __str__(self):
        return "plain"
print(repr(format(Plain(), "")), repr("{}".format(Plain())), repr(f"{Plain()!s:>7}"))
for obj in (None, Plain(), [1], (1,), {}):
    try:
        format(obj, ">5")
        print(type(obj).__name__, "formatted?!")
    except TypeError as e:
        print("TypeError", e)
print(format(3, ".2f"), format(2, "5.1%"), format(1.0, ""), format(10, "e"))
try:
    format(2.5, "d")
except ValueError as e:
    print("ValueError", e)
try:
    format("s", "d")
except ValueError as e:
    print("ValueError", e)
try:
    format(3, "s")
except ValueError as e:
    print("ValueError", e)
