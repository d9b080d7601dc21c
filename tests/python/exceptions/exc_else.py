def run(v):
    log = []
    try:
        log.append("try")
        if v:
            raise ValueError
    except ValueError:
        log.append("except")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log
print(run(False), run(True))
try:
    try:
        pass
    except Exception:
        print("no")
    else:
        raise KeyError("from else")
except KeyError as e:
    print("else raised", e)
for i in range(2):
    try:
        pass
    except Exception:
        pass
    else:
        if i == 0:
            continue
        print("else in loop", i)
