def gen():
    try:
        yield 1
        raise ValueError("inside gen")
    except ValueError as e:
        yield "caught " + str(e)
    yield 3
print(list(gen()))
def gen_with_cm():
    class CM:
        def __enter__(self):
            print("enter")
        def __exit__(self, t, v, tb):
            print("exit", t.__name__ if t else None)
    with CM():
        yield "in with"
        raise KeyError("k")
g = gen_with_cm()
print(next(g))
try:
    next(g)
except KeyError as e:
    print("KeyError", e)
def outer():
    try:
        yield from inner()
    except IndexError as e:
        yield "outer caught " + str(e)
def inner():
    yield "inner 1"
    raise IndexError("from inner")
print(list(outer()))
def finally_in_gen():
    try:
        yield 1
    finally:
        try:
            raise TypeError("in finally")
        except TypeError:
            print("handled in finally")
print(list(finally_in_gen()))
