for x in range(-2, 3):
    print(x, "neg" if x < 0 else "zero" if x == 0 else "pos")
f = lambda x: x if x > 0 else -x
print(f(-3), f(4))
print([("even" if i % 2 == 0 else "odd") for i in range(4)])
def side(v, log):
    log.append(v)
    return v
log = []
r = side(1, log) if side(0, log) else side(2, log)
print(r, log)
