def inner():
    x = yield 1
    print("inner got", x)
    y = yield 2
    print("inner got", y)
    return "inner-result"
def outer():
    r = yield from inner()
    print("outer got result", r)
    yield 3
g = outer()
print(next(g), g.send("a"), g.send("b"))
try:
    next(g)
except StopIteration:
    print("done")
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], "ab", range(2), (x for x in [9]))))
def flatten(l):
    for x in l:
        if isinstance(x, list):
            yield from flatten(x)
        else:
            yield x
print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))
def thrower():
    try:
        yield 1
    except KeyError:
        yield "inner handled"
def delegator():
    yield from thrower()
d = delegator()
next(d)
print(d.throw(KeyError))
def closer():
    try:
        yield 1
    finally:
        print("inner closed")
def deleg2():
    yield from closer()
d2 = deleg2()
next(d2)
d2.close()
def ret_only():
    return 5
    yield
def use_ret():
    v = yield from ret_only()
    yield v * 2
print(list(use_ret()))
class It:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration
        return self.n
def from_iter():
    r = yield from It()
    yield r
print(list(from_iter()))
