# The rtthread module: a look inside the kernel, shell commands, IPC objects.
import rtthread

print(rtthread.is_preempt_thread())
threads = rtthread.threads()
names = [t["name"] for t in threads]
print("tshell" in names, "tidle0" in names, "timer" in names)
me = [t for t in threads if t["name"] == "tshell"][0]
print(me["state"], me["stack_size"] > 0, 0 < me["stack_used"] <= me["stack_size"])
print(rtthread.current_tid() == me["tid"])
mem = rtthread.memory()
print(sorted(mem), 0 < mem["used"] <= mem["total"])
print("uart1" in [d["name"] for d in rtthread.devices()])
print("Thread Operating System" in rtthread.msh("version"))
try:
    rtthread.msh("no_such_command")
except OSError as e:
    print("OSError:", e)

s = rtthread.Semaphore(1)
print(s.take(0), s.take(20), s.value())
s.release()
print(s.value())
s.delete()
try:
    s.take()
except ValueError as e:
    print("ValueError:", e)

mq = rtthread.MessageQueue(16, 4)
print(mq.send(b"hello"), mq.urgent(b"first"))
print(mq.recv(0), mq.recv(0), mq.recv(5))

mb = rtthread.Mailbox(2)
print(mb.send(7), mb.send(8), mb.send(9))
print(mb.recv(), mb.recv(), mb.recv(0))

ev = rtthread.Event()
ev.send(0b101)
print(ev.recv(0b100, rtthread.Event.OR | rtthread.Event.CLEAR, 0))
print(ev.recv(0b100, rtthread.Event.OR, 0))
print(ev.recv(0b001, rtthread.Event.AND, 0))

with rtthread.Mutex() as m:
    print("inside the mutex")

import time

fired = []
t = rtthread.Timer(mode=rtthread.Timer.ONE_SHOT, period=5, callback=lambda t: fired.append(1))
time.sleep_ms(50)
print("timer fired", fired)
