log = []
class CM:
    def __init__(self, n):
        self.n = n
    def __enter__(self):
        log.append("enter%s" % self.n)
    def __exit__(self, *a):
        log.append("exit%s" % self.n)
def ret_through():
    for i in range(3):
        with CM(1):
            try:
                with CM(2):
                    if i == 1:
                        return "ret%d" % i
            finally:
                log.append("fin%d" % i)
print(ret_through(), log)
log.clear()
def break_continue():
    for i in range(4):
        try:
            with CM("a%d" % i):
                if i == 0:
                    continue
                if i == 2:
                    break
                log.append("body%d" % i)
        finally:
            log.append("f%d" % i)
    return "done"
print(break_continue(), log)
log.clear()
def exc_through():
    try:
        for i in range(2):
            with CM("x"):
                try:
                    raise ValueError(i)
                finally:
                    log.append("inner fin")
    except ValueError as e:
        log.append("caught %s" % e)
    return log
print(exc_through())
log.clear()
def nested_loops_return():
    for i in range(3):
        for j in range(3):
            try:
                if i * j == 2:
                    return (i, j)
            finally:
                log.append((i, j))
print(nested_loops_return(), len(log))
def while_else_finally():
    n = 0
    while n < 3:
        try:
            n += 1
        finally:
            pass
    else:
        return "else after %d" % n
print(while_else_finally())
