seed = 99
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
    return seed % n
s = set()
ref = [False] * 500
for step in range(5000):
    k = rnd(500)
    op = rnd(3)
    if op == 0:
        s.add(k)
        ref[k] = True
    elif op == 1:
        s.discard(k)
        ref[k] = False
    else:
        assert (k in s) == ref[k]
    if step % 1000 == 0:
        print(step, len(s), sum(s))
print(sorted(s) == [i for i in range(500) if ref[i]], len(s))
strs = {"x%d" % i for i in range(1000)}
for i in range(0, 1000, 3):
    strs.remove("x%d" % i)
print(len(strs), "x1" in strs, "x3" in strs, sorted(strs)[:3])
