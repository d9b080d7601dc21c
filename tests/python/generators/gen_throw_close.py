def g():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("caught in gen:", e)
        yield "recovered"
    finally:
        print("gen finally")
it = g()
print(next(it))
print(it.throw(ValueError("boom")))
try:
    next(it)
except StopIteration:
    print("stopped")
it = g()
next(it)
it.close()
print("closed")
it.close()
try:
    next(it)
except StopIteration:
    print("StopIteration after close")
def unhandled():
    yield 1
u = unhandled()
next(u)
try:
    u.throw(KeyError("k"))
except KeyError as e:
    print("propagated", repr(e))
def ignore_exit():
    try:
        yield 1
    except GeneratorExit:
        yield 2
ie = ignore_exit()
next(ie)
try:
    ie.close()
except RuntimeError as e:
    print("RuntimeError", e)
def catch_exit():
    try:
        yield 1
    except GeneratorExit:
        print("GeneratorExit seen")
        raise
ce = catch_exit()
next(ce)
ce.close()
fresh = g()
fresh.close()
print("closed unstarted")
fresh2 = unhandled()
try:
    fresh2.throw(IndexError("unstarted"))
except IndexError as e:
    print("unstarted throw", e)
