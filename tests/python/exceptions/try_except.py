def f(x):
    try:
        r = 10 // x
    except ZeroDivisionError:
        return "div0"
    except (TypeError, ValueError) as e:
        return "type/value: " + type(e).__name__
    else:
        return "ok %d" % r
    finally:
        print("finally for", repr(x))
print(f(2))
print(f(0))
print(f("s"))
try:
    raise KeyError("a")
except LookupError as e:
    print("LookupError caught", type(e).__name__, repr(e))
try:
    try:
        [][0]
    except KeyError:
        print("wrong handler")
except IndexError as e:
    print("outer", e)
try:
    raise ValueError
except ValueError as e:
    print("class raised:", type(e).__name__, e.args)
try:
    int("x")
except Exception:
    print("bare Exception")
try:
    raise RuntimeError("r")
except:
    print("bare except")
def name_cleared():
    try:
        raise ValueError("v")
    except ValueError as err:
        pass
    try:
        return err
    except NameError:
        return "err unbound after except"
print(name_cleared())
