# struct: every format character, byte orders, alignment, errors.
import struct

for fmt in ['b', 'B', 'h', 'H', 'i', 'I', 'l', 'L', 'q', 'Q', 'e', 'f', 'd', '?', 'c', 'x', '5s', '3p']:
    print(fmt, struct.calcsize('<' + fmt), struct.calcsize('>' + fmt), struct.calcsize('=' + fmt))
print(struct.calcsize('@bi'), struct.calcsize('<bi'), struct.calcsize('@bq0l'), struct.calcsize('10s2xi'))
print(struct.calcsize(''), struct.calcsize('@hhb'), struct.calcsize('@bd'), struct.calcsize('! 3h'))

cases = [
    ('<bBhHiI', (-128, 255, -32768, 65535, -2**31, 2**32 - 1)),
    ('>bBhHiI', (127, 0, 32767, 0, 2**31 - 1, 0)),
    ('<qQ', (-2**63, 2**64 - 1)),
    ('>qQ', (2**63 - 1, 2**63)),
    ('!lL', (-1, 4000000000)),
    ('<3h', (1, -2, 3)),
    ('<?c', (True, b'z')),
    ('<x?xc', (0, b'\x00')),
    ('<5s', (b'ab',)),
    ('<2s', (b'abcdef',)),
    ('<4p', (b'abcdef',)),
    ('<1p', (b'abc',)),
    ('<e', (1.5,)),
    ('>e', (-0.0,)),
    ('<e', (65504.0,)),
    ('<e', (6e-8,)),
    ('<e', (1e-3,)),
    ('<f', (3.14,)),
    ('>f', (-1e-45,)),
    ('<d', (1e300,)),
    ('>d', (float('inf'),)),
    ('<i', (True,)),
    ('<H', (False,)),
]
for fmt, vals in cases:
    b = struct.pack(fmt, *vals)
    print(fmt, b, struct.unpack(fmt, b))
print(struct.pack('@bi', 1, 2) == struct.pack('=bxxxi', 1, 2) if struct.calcsize('@i') == 4 else True)
print(struct.unpack('<e', b'\x00~'), struct.unpack('<d', struct.pack('<d', float('nan')))[0] != 0)
print(struct.unpack('<3p', b'\x05bc'), struct.unpack('2s0s', b'ab'))

buf = bytearray(10)
struct.pack_into('<hi', buf, 2, 7, -1)
print(buf, struct.unpack_from('<hi', buf, 2), struct.unpack_from('<h', buf), struct.unpack_from('<i', buf, offset=4))
print(struct.unpack_from('<h', buf, -2))
print(list(struct.iter_unpack('<h', b'\x01\x00\x02\x00\x03\x00')))

s = struct.Struct('<hI')
print(s.size, s.format, s.pack(1, 2), s.unpack(b'\x01\x00\x02\x00\x00\x00'))
print(s.unpack_from(b'xx\x01\x00\x02\x00\x00\x00', 2), list(s.iter_unpack(bytes(12))))
buf = bytearray(6)
s.pack_into(buf, 0, -1, 5)
print(buf, struct.Struct(b'>h').format)


def err(f, *args):
    try:
        print('no error', f(*args))
    except struct.error as e:
        print('struct.error', e)
    except (TypeError, OverflowError) as e:
        print(type(e).__name__, e)


for fmt, v in [('b', 200), ('B', -1), ('h', 40000), ('H', -1), ('<i', 2**31), ('<I', -1),
               ('<I', 2**32), ('<l', 2**31), ('<L', 2**32), ('<q', 2**63), ('<Q', -1),
               ('<Q', 2**64), ('b', 2**70), ('<e', 1e5), ('<e', 65520.0), ('<f', 1e300), ('f', 1e300), ('b', 1.5), ('i', 'x'),
               ('c', b'ab'), ('c', 'a'), ('s', 'x'), ('<P', 1), ('<n', 1), ('y', 1)]:
    err(struct.pack, fmt, v)
err(struct.pack, 'ii', 1)
err(struct.pack, '3')
err(struct.pack, '< 2h', 1, 2)
err(struct.unpack, 'i', b'abc')
err(struct.unpack, '<i', 'abcd')
err(struct.unpack_from, 'i', b'abcd', 1)
err(struct.unpack_from, 'i', b'abcd', -5)
err(struct.pack_into, 'i', bytearray(4), 1, 5)
err(struct.pack_into, 'i', bytearray(4), 0)
err(struct.iter_unpack, 'h', b'abc')
err(struct.iter_unpack, '', b'abc')
