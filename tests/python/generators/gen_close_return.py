def g():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("cleanup on close")
        raise
    finally:
        print("finally")
it = g()
next(it)
print(it.close())
def noisy():
    yield 1
    print("resumed")
    yield 2
n = noisy()
next(n)
n.close()
print(list(n))
def yielder_in_finally():
    try:
        yield 1
    finally:
        print("finally before exhaustion")
print(list(yielder_in_finally()))
def throw_then_continue():
    while True:
        try:
            yield "waiting"
        except ValueError as e:
            print("handled", e)
t = throw_then_continue()
next(t)
print(t.throw(ValueError("one")))
print(t.throw(ValueError("two")))
t.close()
