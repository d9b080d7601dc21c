class Recorder:
    def __enter__(self):
        return self
    def __exit__(self, exc_type, exc, tb):
        self.info = (exc_type, type(exc).__name__ if exc else None, tb is not None)
        return True
r = Recorder()
with r:
    1 / 0
print(r.info[0] is ZeroDivisionError, r.info[1], r.info[2])
with r:
    pass
print(r.info)
class Raiser:
    def __enter__(self):
        raise RuntimeError("enter failed")
    def __exit__(self, *a):
        print("exit should not run")
try:
    with Raiser():
        print("body should not run")
except RuntimeError as e:
    print("RuntimeError", e)
class ExitRaises:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise TypeError("from exit")
try:
    with ExitRaises():
        raise ValueError("body")
except TypeError as e:
    print("TypeError", e, type(e.__context__).__name__)
