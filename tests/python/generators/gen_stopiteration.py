def bad():
    yield 1
    raise StopIteration("inside")
g = bad()
print(next(g))
try:
    next(g)
except RuntimeError as e:
    print("RuntimeError", e)
def uses_next():
    it = iter([])
    yield next(it)
try:
    list(uses_next())
except RuntimeError as e:
    print("RuntimeError", type(e.__cause__).__name__)
def ret_value():
    yield
    return [1, 2]
g = ret_value()
next(g)
try:
    g.send(None)
except StopIteration as e:
    print(e.value)
e = StopIteration(7)
print(e.value, StopIteration().value)
def self_ref():
    yield next(me)
me = self_ref()
try:
    next(me)
except ValueError as ex:
    print("ValueError", ex)
