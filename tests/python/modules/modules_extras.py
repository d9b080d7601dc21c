# Extras: logs of huge ints, array slice assignment, hexlify grouping, random.randbytes.
import math, binascii, random
from array import array
print(math.log(10**400), math.log2(2**5000), math.log10(10**500), math.log(10**400, 10), math.log(2**1023), math.log2(3**2000), math.log(10**400, 2**2000))
for bad in [lambda: math.log(-10**400), lambda: math.log(0), lambda: math.log10(-(2**2000))]:
    try:
        bad()
    except ValueError as e:
        print('ValueError', e)
a = array('i', range(6)); a[1:3] = array('i', [9, 9, 9]); print(a)
a[::2] = array('i', [7, 7, 7, 7]); print(a)
for bad in [lambda: a.__setitem__(slice(None, None, 2), array('i', [1])), lambda: a.__setitem__(slice(1, 2), [1]), lambda: a.__setitem__(slice(1, 2), array('d', [1]))]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
del a[1:3]; print(a)
del a[::2]; print(a)
a[1:1] = a; print(a)
print(binascii.hexlify(b'\x01\x02\x03\x04\x05', '-', 2), binascii.hexlify(b'\x01\x02\x03\x04\x05', b':', -2), binascii.hexlify(b'\x01\x02\x03', '-', 5), binascii.hexlify(b'\x01\x02', ':'))
random.seed(3); print(random.randbytes(7), random.randbytes(0), random.randbytes(4))
import random
random.seed(7)
for i in range(100):
    n = random.randint(1, 6)
    p = [random.uniform(-100, 100) for _ in range(n)]
    q = [random.uniform(-100, 100) for _ in range(n)]
    print(math.dist(p, q), math.hypot(*p))
print(math.hypot(), math.hypot(3, 4), math.hypot(float('inf'), float('nan')), math.hypot(float('nan'), 1), math.hypot(1e308, 1e308))
