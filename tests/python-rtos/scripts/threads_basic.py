# Python threads within the board's small heaps: 2 threads at a time, 6 KB stacks.
import _thread
import rtthread
import time

lock = _thread.allocate_lock()
state = {"n": 0, "done": 0}


def add(k):
    for _ in range(k):
        with lock:
            state["n"] += 1
    with lock:
        state["done"] += 1


_thread.start_new_thread(add, (200,))
_thread.start_new_thread(add, (200,))
while state["done"] < 2:
    time.sleep_ms(5)
print("counter", state["n"])

ids = []
t = rtthread.Thread(target=lambda: ids.append(_thread.get_ident()), priority=21,
                    stack_size=6144, name="pyb1")
t.start()
t.join()
print(ids[0] == t.ident, ids[0] != _thread.get_ident(), t.is_alive())

src = "class Boom:\n    def __call__(self):\n        raise ValueError('boom')\n"
exec(compile(src + "    def __repr__(self):\n        return '<Boom>'\n", "<boom>", "exec"))
bad = rtthread.Thread(target=Boom(), stack_size=6144)
bad.start()
bad.join()
print("main goes on")


def spin():
    while True:
        pass


_thread.start_new_thread(spin, ())
print("done")
