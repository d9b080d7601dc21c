def g():
    x = yield
    print("x =", x)
    y = (yield x) * 2
    print("y =", y)
    z = [(yield), (yield)]
    print("z =", z)
    print("arg", (yield "in call"))
    return "end"
it = g()
print(next(it))
print(it.send(5))
print(it.send(10))
it.send("a")
print(it.send("b"))
try:
    it.send("last")
except StopIteration as e:
    print("returned", e.value)
def accumulate():
    total = 0
    while True:
        total += yield total
a = accumulate()
next(a)
print([a.send(i) for i in range(5)])
def lambda_gen():
    f = lambda: (yield 1)
    return f()
print(list(lambda_gen()))
