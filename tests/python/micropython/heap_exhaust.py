# rtpy: -X heapsize=32k
# allocate until MemoryError on a small heap, recover, and keep working
import gc
def exhaust():
    hold = []
    try:
        for i in range(200000):
            hold.append([i, i + 1, i + 2, i + 3])
    except MemoryError:
        n = len(hold)
        hold = None
        return 10 < n < 200000
    return False
print(exhaust())
gc.collect()
print(sum(range(100)), [x * 2 for x in range(5)], "works after MemoryError")
print([exhaust() for _ in range(3)])
gc.collect()
d = {}
for i in range(50):
    d["k%d" % i] = i
print(len(d), d["k42"])
