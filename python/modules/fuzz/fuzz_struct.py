#!/usr/bin/env python3
"""Differential fuzzing: struct.pack/unpack/calcsize over random formats, including range errors.
Prints a Python script for seed argv[1]; run.sh runs it under python3 and rtpy."""
import random
import struct
import sys
random.seed(int(sys.argv[1]))
codes = 'xcbB?hHiIlLqQefd'
print('import struct')
print('def t(fmt, vals):')
print('    try:')
print('        b = struct.pack(fmt, *vals); print(fmt, b, struct.unpack(fmt, b), struct.calcsize(fmt))')
print('    except (struct.error, OverflowError, TypeError) as e:')
print('        print(fmt, "ERR", e)')
def val(c):
    if c == 'c': return bytes([random.randint(0, 255)])
    if c == '?': return random.choice([0, 1, True, 5])
    if c in 'efd': return random.choice([0.0, -0.0, 1.5, 3.14159, 1e-5, 65504.0, 1e38, -2.5e-300])
    if c in 's': return bytes(random.randint(0, 255) for _ in range(random.randint(0, 5)))
    bits = random.choice([7, 8, 15, 16, 31, 32, 63, 64])
    v = random.getrandbits(bits)
    return -v if random.random() < 0.3 else v
for _ in range(300):
    fmt = random.choice(['<', '>', '=', '!', '@', ''])
    vals = []
    for _ in range(random.randint(1, 4)):
        c = random.choice(codes + 's')
        n = random.choice(['', '', '2', '3']) if c not in 's' else str(random.randint(0, 4))
        fmt += n + c
        k = 1 if c == 's' else (int(n) if n else 1)
        if c != 'x':
            vals += [val(c) for _ in range(k)]
    print('t(%r, %r)' % (fmt, vals))
