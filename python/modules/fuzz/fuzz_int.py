#!/usr/bin/env python3
"""Differential fuzzing: big-int arithmetic, bit operations, conversions and pow.
Prints a Python script for seed argv[1]; run.sh runs it under python3 and rtpy."""
import random
import sys
random.seed(int(sys.argv[1]))
def r():
    b = random.choice([1, 8, 31, 32, 33, 63, 64, 65, 100, 300, 1000, 3000])
    v = random.getrandbits(b)
    return -v if random.random() < 0.5 else v
print('def show(a, b):')
print('    print(a + b, a - b, a * b, a & b, a | b, a ^ b, ~a, -a, abs(a), a == b, a < b, hash(a) == hash(a))')
print('    if b: print(a // b, a % b, divmod(a, b), a / b if abs(a) < 2**1000 and abs(b) < 2**1000 else 0)')
print('    print(a << 7, a >> 3, a.bit_length(), str(a)[:50], hex(a)[:50], oct(a)[:30], bin(a)[:40], int(str(a)) == a)')
print('    if b and abs(b) > 1: print(pow(a, 3, b), pow(abs(a), 65537, abs(b)))')
print('    print(float(a) if abs(a) < 2**1023 else 0, int(float(a) if abs(a) < 2**1023 else 0.0))')
for _ in range(150):
    print('show(%d, %d)' % (r(), r()))
print('print(pow(3, -1, 7), pow(2, -3, 11))')
