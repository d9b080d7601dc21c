class Wait:
    def __await__(self):
        yield "waiting"
        return "resumed"
async def worker(log):
    try:
        r = await Wait()
        log.append(r)
        r = await Wait()
        log.append(r)
    except ValueError as e:
        log.append("cancelled: %s" % e)
        return "cancelled"
    return "finished"
log = []
c = worker(log)
print(c.send(None))
print(c.send(None))
try:
    c.throw(ValueError("stop now"))
except StopIteration as e:
    print(e.value, log)
async def plain():
    return 1
p = plain()
try:
    p.send(None)
except StopIteration as e:
    print("plain", e.value)
