print(None, repr(None), str(None), type(None).__name__, bool(None))
print(None is None, None == None, None != 0, None == False)
def f():
    pass
print(f() is None)
x = None
print(x or "default", x and 1)
try:
    None()
except TypeError as e:
    print("TypeError", e)
try:
    None.attr
except AttributeError as e:
    print("AttributeError", e)
try:
    None < 1
except TypeError as e:
    print("TypeError", e)
print([None] * 2, {None: 1}[None], hash(None) == hash(None))
