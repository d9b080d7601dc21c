def level3():
    raise ValueError("deep")
def level2():
    level3()
def level1():
    try:
        level2()
    except ValueError as e:
        return "caught at level1: %s" % e
print(level1())
def cleanup_chain(log):
    try:
        try:
            raise KeyError("k")
        finally:
            log.append(1)
    finally:
        log.append(2)
log = []
try:
    cleanup_chain(log)
except KeyError:
    log.append(3)
print(log)
def gen_exc():
    yield 1
    raise IndexError("from gen")
try:
    for x in gen_exc():
        print("got", x)
except IndexError as e:
    print("IndexError", e)
def in_lambda():
    f = lambda: 1 / 0
    try:
        f()
    except ZeroDivisionError:
        return "lambda raised"
print(in_lambda())
try:
    [1 / x for x in (1, 0)]
except ZeroDivisionError:
    print("comprehension raised")
def recover_many():
    out = []
    for v in ["1", "x", "3", None]:
        try:
            out.append(int(v))
        except ValueError:
            out.append("VE")
        except TypeError:
            out.append("TE")
    return out
print(recover_many())
