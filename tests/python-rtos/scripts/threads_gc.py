# targets: sim
# The collector keeps the values of threads that wait for the GIL or sleep (their frame
# and C stacks are roots): four threads allocate through many collections.
import _thread, time
lock = _thread.allocate_lock()
results = {}
def make(i):
    d = {}
    for j in range(10):
        d["k%d" % j] = [j, str(j) * 3, (j, i)]
    return d
def work(tag):
    acc = []
    for i in range(300):
        d = make(i)
        s = "".join([v[1] for v in d.values()])
        acc.append(len(s) + d["k9"][2][1])
        if i % 50 == 0:
            time.sleep_ms(1)
    with lock:
        results[tag] = sum(acc)
for t in range(3):
    _thread.start_new_thread(work, (t,))
work(9)
while len(results) < 4:
    time.sleep_ms(5)
print(sorted(results.items()))
