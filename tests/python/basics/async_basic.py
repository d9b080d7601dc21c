# async/await driven by a tiny hand-written event loop (no asyncio)
class Sleep:
    """awaitable that yields once to the loop, then returns a value"""
    def __init__(self, value):
        self.value = value
    def __await__(self):
        yield "tick"
        return self.value
def run(coro):
    ticks = 0
    while True:
        try:
            coro.send(None)
            ticks += 1
        except StopIteration as e:
            return e.value, ticks
async def add(a, b):
    x = await Sleep(a)
    y = await Sleep(b)
    return x + y
async def main():
    r1 = await add(1, 2)
    r2 = await add(10, 20)
    return [r1, r2]
print(run(main()))
async def noawait():
    return "plain"
print(run(noawait()))
c = add(1, 1)
c.close()
async def raiser():
    await Sleep(0)
    raise ValueError("in coroutine")
async def catcher():
    try:
        await raiser()
    except ValueError as e:
        return "caught " + str(e)
print(run(catcher()))
