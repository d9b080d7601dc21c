# rtpy: -X heapsize=16k
# ordinary programs run in a 16 KB heap as long as the garbage is collected
import gc
total = 0
for i in range(2000):
    s = "item %d" % i
    l = [i] * 10
    total += len(s) + len(l)
print(total)
class P:
    def __init__(self, v):
        self.v = v
objs = [P(i) for i in range(20)]
print(sum(o.v for o in objs))
gc.collect()
print("ok")
