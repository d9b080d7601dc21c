def f():
    pass
print(f())
class C:
    pass
print(type(C()).__name__)
for i in range(2):
    pass
print(i)
if True:
    pass
else:
    pass
def g():
    """only a docstring"""
print(g())
def h():
    ...
print(h(), ...)
print(Ellipsis is ..., repr(...))
