try:
    try:
        raise ValueError("inner")
    except ValueError as e:
        print("handling", e)
        raise TypeError("during handling")
except TypeError as e:
    print(e, "context:", repr(e.__context__))
try:
    try:
        raise ValueError("a")
    except ValueError:
        try:
            raise KeyError("b")
        except KeyError:
            pass
        raise
except ValueError as e:
    print("bare raise re-raises current:", e)
def f():
    try:
        raise IndexError("x")
    except IndexError:
        return "returned from except"
print(f())
import sys
try:
    raise KeyError("ei")
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, repr(v), tb is not None)
print(sys.exc_info())
