# docstrings are accepted everywhere and do not change behaviour
# (their __doc__ is not checked: MicroPython documents that it drops them)
def f():
    "single line"
    return 1
def g():
    """multi
    line"""
def h():
    x = "not a docstring"
    return x
class C:
    """class doc"""
    def m(self):
        """method doc"""
        return "m"
    v = 5
print(f(), g(), h(), C().m(), C.v)
def only_doc():
    """nothing else"""
print(only_doc())
