def f():
    try:
        raise ValueError("a")
    except ValueError as a:
        try:
            raise TypeError("b")
        except TypeError as b:
            return a, b
a, b = f()
print(repr(b.__context__), b.__context__ is a, a.__context__)
try:
    try:
        raise KeyError("x")
    except KeyError as e:
        raise e
except KeyError as e2:
    print("same object re-raised:", repr(e2), e2.__context__ is None)
err = None
try:
    raise RuntimeError("saved")
except RuntimeError as e:
    err = e
print(repr(err), err.args)
try:
    raise err
except RuntimeError as e:
    print("raised saved", e is err)
errors = [ValueError(i) for i in range(3)]
caught = []
for e in errors:
    try:
        raise e
    except ValueError as x:
        caught.append(x.args[0])
print(caught)
