def f():
    "single line"
    return 1
def g():
    """multi
    line"""
def h():
    x = "not a docstring"
    return x
print(f.__doc__)
print(g.__doc__)
print(h.__doc__)
class C:
    """class doc"""
    def m(self):
        """method doc"""
print(C.__doc__, C.m.__doc__)
