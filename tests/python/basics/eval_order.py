log = []
def v(x):
    log.append(x)
    return x
def f(*a, **k):
    return a, k
f(v(1), v(2), k=v(3))
print(log); log.clear()
d = {v("k1"): v("v1"), v("k2"): v("v2")}
print(log); log.clear()
x = [v(1), v(2)][v(0)]
print(log); log.clear()
v(1) + v(2) * v(3)
print(log); log.clear()
lst = [0, 0, 0]
def idx():
    log.append("idx")
    return 1
lst[idx()] += 5
print(lst, log); log.clear()
class O:
    def __init__(self):
        self.a = 0
def obj():
    log.append("obj")
    return o
o = O()
obj().a += 1
print(o.a, log); log.clear()
a = v("rhs")
lst2 = [None, None]
lst2[v(0)], lst2[v(1)] = v("A"), v("B")
print(lst2, log); log.clear()
v(0) or v(1) and v(2)
print(log); log.clear()
[v(i) for i in range(2)] + [v(9)]
print(log)
