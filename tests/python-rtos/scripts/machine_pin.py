# targets: sim
# machine.Pin on the simulator's virtual GPIO, Pin.irq delivered to Python, Timer callbacks.
import machine
import rtthread
import time

Pin = machine.Pin


def level(name):
    return rtthread.msh("simpin get " + name).strip()


led = Pin("PA5", Pin.OUT)
led.on()
print(level("PA5"))
led.off()
print(level("PA5"))
led.toggle()
print(level("PA5"), led)
x1 = Pin(("X1", 33), Pin.OUT_PP)  # the seed's tuple form: (name, number); 33 is PC1
x1(1)
print(level("PC1"))
x1.value(0)
print(level("PC1"))

hits = []
button = Pin("PA0", Pin.IN, Pin.PULL_UP)
print(button.value())
button.irq(lambda p: hits.append(p.value()), Pin.IRQ_FALLING)
rtthread.msh("simpin drive PA0 0")
time.sleep_ms(30)
rtthread.msh("simpin drive PA0 1")
time.sleep_ms(30)
rtthread.msh("simpin drive PA0 0")
time.sleep_ms(30)
print(hits)
button.irq(None)
rtthread.msh("simpin drive PA0 1")
rtthread.msh("simpin drive PA0 0")
time.sleep_ms(30)
print(len(hits), "input_pullup" in rtthread.msh("simpin show"))
rtthread.msh("simpin drive PA0 z")

ticks = []
t = machine.Timer(-1, mode=machine.Timer.PERIODIC, period=10, callback=lambda t: ticks.append(1))
time.sleep_ms(105)
t.deinit()
n = len(ticks)
time.sleep_ms(30)
print(8 <= n <= 12, len(ticks) == n)
once = []
machine.Timer(-1, mode=machine.Timer.ONE_SHOT, period=5, callback=lambda t: once.append(1))
time.sleep_ms(40)
print(once)

print(len(machine.unique_id()), machine.reset_cause() == machine.PWRON_RESET)
state = machine.disable_irq()
machine.enable_irq(state)
try:
    Pin("PZ9")
except ValueError as e:
    print("ValueError")
