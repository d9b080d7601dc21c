import micropython
from micropython import const
X = const(123)
Y = const(X * 2)
print(X, Y, const("str"))
lvl = micropython.opt_level()
print(type(lvl).__name__)
micropython.opt_level(lvl)
print(callable(micropython.mem_info), callable(micropython.qstr_info))
outcome = "allocated while locked?!"
micropython.heap_lock()
try:
    l = [1, 2, 3] * 100
except MemoryError:
    outcome = "MemoryError while heap locked"
micropython.heap_unlock()
print(outcome)
print(len([1, 2, 3] * 100))
