def down(n):
    return down(n + 1)
try:
    down(0)
except RuntimeError as e:
    name = type(e).__name__
    print("exception raised:", "Recursion" in name or name == "RuntimeError")
print("still working", sum(range(10)))
def mutual_a(n):
    return mutual_b(n + 1)
def mutual_b(n):
    return mutual_a(n + 1)
try:
    mutual_a(0)
except RuntimeError:
    print("mutual recursion caught")
class Deep:
    def __repr__(self):
        return repr(self)
try:
    repr(Deep())
except RuntimeError:
    print("repr recursion caught")
def ok_depth(n):
    return 0 if n == 0 else 1 + ok_depth(n - 1)
print(ok_depth(50))
