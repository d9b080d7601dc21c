class Suspend:
    def __init__(self, tag):
        self.tag = tag
    def __await__(self):
        got = yield self.tag
        return got
async def leaf(n):
    v = await Suspend("leaf%d" % n)
    return n * 10 + (v or 0)
async def middle():
    total = 0
    for i in range(3):
        total += await leaf(i)
    return total
async def top():
    a = await middle()
    b = await leaf(9)
    return a, b
c = top()
seen = []
value = None
while True:
    try:
        tag = c.send(value)
        seen.append(tag)
        value = len(seen)
    except StopIteration as e:
        print("result", e.value)
        break
print(seen)
async def failing():
    await Suspend("x")
    raise KeyError("async fail")
async def wrapper():
    try:
        return await failing()
    except KeyError as e:
        return "wrapped " + repr(e)
    finally:
        print("wrapper finally")
w = wrapper()
w.send(None)
try:
    w.send(None)
except StopIteration as e:
    print(e.value)
async def never_finishes():
    await Suspend("pending")
    print("should not print")
n = never_finishes()
n.send(None)
n.close()
print("closed pending coroutine")
