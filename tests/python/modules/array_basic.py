# array: typecodes, conversions, slicing, methods and range errors.
from array import array

for tc in 'bBhHiIlLqQfd':
    a = array(tc, [1, 2, 3])
    print(tc, a, a.itemsize >= 1, len(a.tobytes()) == 3 * a.itemsize, a.tolist(), a[1], a[-1], list(a[::2]))
a = array('i', [5, 6, 7])
a.append(8)
a.extend(array('i', [9]))
a.insert(0, 4)
a.insert(-1, 85)
print(a, a.pop(), a.pop(0), a, a.index(7), a.count(6), 7 in a, 70 in a)
a.remove(85)
a.reverse()
print(a, a + array('i', [1]), a * 2, array('i', [1, 2]) == array('i', [1, 2]), array('i', [1]) < array('i', [2]))
del a[0]
a[0] = -1
print(a, array('b', b'ab'), array('h', b'\x01\x00\x02\x00'), array('B', bytearray(b'\xff')))
b = array('H')
b.frombytes(b'\x01\x02')
b.fromlist([7])
print(b, repr(b.tobytes()), array('q', [2 ** 63 - 1, -2 ** 63]), array('Q', [2 ** 64 - 1]), array('d', [0.1]), array('f', [0.1]))
c = array('h', [1, 256])
c.byteswap()
print(c, bool(array('i')), len(array('d', range(5))))
for tc, v in [('b', 200), ('b', -200), ('B', 256), ('B', -1), ('h', 40000), ('H', 70000), ('H', -1), ('i', 2 ** 31),
              ('I', 2 ** 32), ('I', -1), ('q', 2 ** 63), ('Q', 2 ** 64), ('Q', -1), ('i', 1.5), ('z', 0)]:
    try:
        array(tc, [v])
    except (OverflowError, TypeError, ValueError) as e:
        print(tc, type(e).__name__, e)
for bad in [lambda: array('i', [1])[5], lambda: array('i').pop(), lambda: array('i', [1]).index(2),
            lambda: array('i', [1]) + array('d', [1]), lambda: array('h', b'abc'), lambda: array('i', 'x')]:
    try:
        bad()
    except (IndexError, ValueError, TypeError) as e:
        print(type(e).__name__, e)
