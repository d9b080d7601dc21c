def ret_in_try():
    try:
        return "try"
    finally:
        print("finally runs")
print(ret_in_try())
def finally_overrides():
    try:
        return "try"
    finally:
        return "finally"
print(finally_overrides())
def finally_swallows():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(finally_swallows())
for i in range(3):
    try:
        if i == 1:
            continue
        print("body", i)
    finally:
        print("fin", i)
while True:
    try:
        break
    finally:
        print("finally on break")
def nested():
    log = []
    try:
        try:
            raise KeyError("k")
        finally:
            log.append("inner finally")
    except KeyError:
        log.append("caught")
    finally:
        log.append("outer finally")
    return log
print(nested())
def exc_in_finally():
    try:
        try:
            raise ValueError("first")
        finally:
            raise TypeError("second")
    except TypeError as e:
        return "%s ctx=%s" % (e, type(e.__context__).__name__)
print(exc_in_finally())
def loop_return():
    for i in range(5):
        try:
            if i == 2:
                return i
        finally:
            print("loop finally", i)
print(loop_return())
