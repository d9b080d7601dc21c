class Tick:
    def __await__(self):
        yield None
class ARange:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        await Tick()
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i - 1
class ACM:
    def __init__(self, log):
        self.log = log
    async def __aenter__(self):
        self.log.append("enter")
        await Tick()
        return "resource"
    async def __aexit__(self, t, v, tb):
        self.log.append("exit %s" % (t.__name__ if t else None))
        return t is KeyError
def run(coro):
    while True:
        try:
            coro.send(None)
        except StopIteration as e:
            return e.value
async def main():
    log = []
    async for v in ARange(3):
        log.append(v)
    else:
        log.append("else")
    async with ACM(log) as r:
        log.append(r)
    async with ACM(log):
        raise KeyError("swallowed")
    try:
        async with ACM(log):
            raise ValueError("propagates")
    except ValueError:
        log.append("ValueError out")
    return log
print(run(main()))
async def agen_like():
    out = []
    async for a in ARange(2):
        async for b in ARange(2):
            out.append((a, b))
    return out
print(run(agen_like()))
