def acc():
    total = 0
    while True:
        v = yield total
        if v is None:
            break
        total += v
    return total
g = acc()
print(g.send(None), g.send(5), g.send(10), g.send(-3))
try:
    g.send(None)
except StopIteration as e:
    print("final", e.value)
def echo():
    received = []
    while len(received) < 3:
        x = yield len(received)
        received.append(x)
    yield received
e = echo()
next(e)
e.send("a")
e.send("b")
print(e.send("c"))
g2 = acc()
try:
    g2.send(1)
except TypeError as ex:
    print("TypeError", ex)
def coroutine_avg():
    total, n, avg = 0, 0, None
    while True:
        v = yield avg
        total += v
        n += 1
        avg = total / n
c = coroutine_avg()
next(c)
print([c.send(v) for v in (10, 20, 60)])
