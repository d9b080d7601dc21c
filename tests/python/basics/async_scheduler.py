# round-robin scheduler over several coroutines
class Yield:
    def __await__(self):
        yield
async def worker(name, n, log):
    for i in range(n):
        log.append("%s%d" % (name, i))
        await Yield()
    return name * n
def run_all(coros):
    results = {}
    queue = list(enumerate(coros))
    while queue:
        idx, c = queue.pop(0)
        try:
            c.send(None)
            queue.append((idx, c))
        except StopIteration as e:
            results[idx] = e.value
    return [results[i] for i in range(len(coros))]
log = []
print(run_all([worker("a", 3, log), worker("b", 1, log), worker("c", 2, log)]))
print(log)
async def thrower():
    try:
        await Yield()
    except KeyError as e:
        return "got " + repr(e)
c = thrower()
c.send(None)
try:
    c.throw(KeyError("x"))
except StopIteration as e:
    print(e.value)
