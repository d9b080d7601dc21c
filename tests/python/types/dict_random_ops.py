# LCG-driven inserts/deletes/lookups against a parallel list of pairs
seed = 12345
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
    return seed % n
d = {}
ref = []
for step in range(4000):
    op = rnd(10)
    k = rnd(300)
    key = k if k % 3 else "s%d" % k
    if op < 5:
        d[key] = step
        for i, (rk, rv) in enumerate(ref):
            if rk == key:
                ref[i] = (key, step)
                break
        else:
            ref.append((key, step))
    elif op < 8:
        had = key in d
        v = d.pop(key, None)
        ref = [(rk, rv) for rk, rv in ref if rk != key]
        assert had == (v is not None)
    else:
        assert d.get(key) == next((rv for rk, rv in ref if rk == key), None)
    if step % 500 == 0:
        assert list(d.items()) == ref, step
        print(step, len(d), sum(v for v in d.values()), list(d)[:4])
print(list(d.items()) == ref, len(d))
