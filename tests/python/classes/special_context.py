class Timer:
    def __init__(self, log):
        self.log = log
    def __enter__(self):
        self.log.append("start")
        return self
    def __exit__(self, *exc):
        self.log.append("stop")
log = []
with Timer(log) as t:
    log.append("work")
print(log, t.log is log)
class Suppress:
    def __init__(self, *types):
        self.types = types
    def __enter__(self):
        return None
    def __exit__(self, et, ev, tb):
        return et is not None and issubclass(et, self.types)
with Suppress(KeyError, IndexError):
    [][1]
print("suppressed IndexError")
try:
    with Suppress(KeyError):
        1 / 0
except ZeroDivisionError:
    print("ZeroDivisionError not suppressed")
class Nested:
    depth = 0
    def __enter__(self):
        Nested.depth += 1
        return Nested.depth
    def __exit__(self, *a):
        Nested.depth -= 1
with Nested() as a:
    with Nested() as b:
        print(a, b, Nested.depth)
print(Nested.depth)
