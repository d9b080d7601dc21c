out = []
for i in range(6):
    try:
        if i == 1:
            continue
        if i == 4:
            break
        out.append(i)
    except Exception:
        out.append("never")
    finally:
        out.append("f%d" % i)
print(out)
out = []
i = 0
while i < 5:
    i += 1
    try:
        try:
            if i % 2:
                raise ValueError(i)
        finally:
            out.append("inner%d" % i)
    except ValueError as e:
        out.append("caught%s" % e)
        continue
    out.append("ok%d" % i)
print(out)
def gen():
    for i in range(3):
        try:
            yield i
        finally:
            out.append("gen fin %d" % i)
out = []
for x in gen():
    out.append(x)
print(out)
for i in range(3):
    try:
        pass
    finally:
        if i == 1:
            continue
    out.append("after try %d" % i)
print(out[-2:])
