# rtpy: -X heapsize=64k
# an ordinary program must run in a 64 KB heap when garbage is collected
def words(n):
    for i in range(n):
        yield "w%d" % (i % 50)
freq = {}
for w in words(5000):
    freq[w] = freq.get(w, 0) + 1
print(len(freq), freq["w7"], sorted(freq.items())[:2])
acc = 0
for i in range(3000):
    t = [i, i * 2, str(i)]
    acc += t[1] + len(t[2])
print(acc)
class P:
    def __init__(self, x):
        self.x = x
print(sum(P(i).x for i in range(2000)))
print(2 ** 300 % 1000007, "%.3f" % (1 / 7))
