def nums():
    for i in range(10):
        yield i
g = nums()
for x in g:
    if x == 3:
        break
print("broke at", x)
print(list(g))
g = nums()
a = [next(g) for _ in range(3)]
b = list(zip(g, "ab"))
print(a, b, list(g))
g = nums()
print(3 in g, list(g))
it = iter(range(10))
pairs = list(zip(it, it))
print(pairs)
g = (x * x for x in range(5))
print(next(g), sum(g), next(g, "done"))
g = nums()
print(list(g), list(g), next(g, "exhausted"))
def after_exhaust():
    yield 1
e = after_exhaust()
print(list(e))
try:
    e.send(None)
except StopIteration:
    print("StopIteration on exhausted send")
