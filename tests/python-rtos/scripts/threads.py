# targets: sim
# Python threads on RTOS threads: _thread and rtthread.Thread under the GIL.
import _thread
import rtthread
import time

# several threads increment a shared counter under a lock
lock = _thread.allocate_lock()
counter = 0
finished = []


def add(n, tag):
    global counter
    for _ in range(n):
        with lock:
            counter += 1
    with lock:
        finished.append(tag)


for i in range(4):
    _thread.start_new_thread(add, (300, i))
while True:
    with lock:
        if len(finished) == 4:
            break
    time.sleep_ms(2)
print("counter", counter, sorted(finished))

# lock API
l = _thread.allocate_lock()
print(l.locked(), l.acquire(), l.locked(), l.acquire(False), l.acquire(True, 0.05))
l.release()
print(l.locked())
try:
    l.release()
except RuntimeError as e:
    print("RuntimeError:", e)
print(type(l) is _thread.LockType)

# identities differ per thread
ids = []
t = rtthread.Thread(target=lambda: ids.append(_thread.get_ident()))
t.start()
t.join()
print(len(ids), ids[0] != _thread.get_ident(), ids[0] == t.ident)

# a CPU-bound thread does not starve the main one
stop = False
spins = [0]


def spin():
    while not stop:
        spins[0] += 1


busy = rtthread.Thread(target=spin, name="busy")
busy.start()
t0 = time.ticks_ms()
work = 0
while time.ticks_diff(time.ticks_ms(), t0) < 300:
    work += 1
stop = True
busy.join(5)
print("main and the busy thread both ran:", work > 0, spins[0] > 0, busy.is_alive())

# a thread sleeping while the main thread works
events = []


def sleeper():
    events.append("sleep")
    time.sleep_ms(50)
    events.append("woke")


s = rtthread.Thread(target=sleeper)
s.start()
while not events:
    time.sleep_ms(1)
x = sum(range(1000))
events.append("main worked")
s.join()
print(events)

# rtthread.Thread with priority, stack size, name, args and kwargs
out = []


def report(a, b=0):
    me = [th for th in rtthread.threads() if th["name"] == "pyprio"][0]
    out.append(a)
    out.append(b)
    out.append(me["priority"])
    out.append(me["stack_size"])


t = rtthread.Thread(report, args=(1,), kwargs={"b": 2}, priority=19, stack_size=12288,
                    name="pyprio")
print(t.name, t.priority, t.stack_size, t.is_alive())
t.start()
t.join()
print(out, t.is_alive())
try:
    t.start()
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    rtthread.Thread(report, priority=999)
except ValueError as e:
    print("ValueError:", e)

# an exception in a thread is reported and the others continue
# (compiled under a fixed name: the traceback is the same on every target)
exec(compile("""
class Boom:
    def __call__(self):
        raise ValueError("in a thread")

    def __repr__(self):
        return "<Boom>"
""", "<boom>", "exec"))


res = []
bad = rtthread.Thread(target=Boom())
good = rtthread.Thread(target=lambda: res.append("good ran"))
bad.start()
bad.join()
good.start()
good.join()
print(res)

# a thread blocked on an RT-Thread semaphore wakes when main releases it
sem = rtthread.Semaphore(0)
got = []
w = rtthread.Thread(target=lambda: got.append(sem.take(2000)))
w.start()
time.sleep_ms(20)
sem.release()
w.join()
print("sem", got)

# _thread API details
print(_thread.stack_size(), _thread.stack_size(16384), _thread.stack_size(0))
try:
    _thread.start_new_thread(add, [1, 2])
except TypeError as e:
    print("TypeError:", e)
_thread.start_new_thread(_thread.exit, ())
time.sleep_ms(10)

# threads still running when the script ends are stopped with it
def forever():
    while True:
        pass


def sleeps():
    time.sleep(100)


_thread.start_new_thread(forever, ())
_thread.start_new_thread(sleeps, ())
rtthread.Thread(target=lambda: rtthread.Semaphore(0).take()).start()
print("done")
