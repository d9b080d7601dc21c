from micropython import const
_PRIVATE = const(7)
PUBLIC = const(0x10 | 1)
def f():
    return _PRIVATE + PUBLIC
print(f(), PUBLIC)
