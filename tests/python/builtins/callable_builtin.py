class F:
    def __call__(self, *a):
        return sum(a)
class N:
    pass
print(callable(F()), callable(N()), callable(F), callable(print), callable(lambda: 1), callable("s"), callable(None))
f = F()
print(f(1, 2, 3), f())
try:
    N()()
except TypeError as e:
    print("TypeError", e)
try:
    "abc"()
except TypeError as e:
    print("TypeError", e)
