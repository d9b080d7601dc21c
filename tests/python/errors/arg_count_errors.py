def f0(): pass
def f2(a, b): pass
def fd(a, b=1): pass
def fk(*, k): pass
class C:
    def m(self, x): pass
tests = [
    lambda: f0(1),
    lambda: f2(1),
    lambda: f2(1, 2, 3),
    lambda: fd(),
    lambda: fd(1, 2, 3),
    lambda: fk(),
    lambda: fk(1),
    lambda: f2(1, a=1),
    lambda: f2(1, 2, c=3),
    lambda: C().m(),
    lambda: C().m(1, 2),
    lambda: C.m(1),
    lambda: len(),
    lambda: len([], []),
    lambda: isinstance(1),
    lambda: (lambda x: x)(),
]
for i, t in enumerate(tests):
    try:
        t()
        print(i, "no error")
    except TypeError as e:
        print(i, "TypeError", e)
