#!/usr/bin/env python3
"""Differential fuzzing: float repr/str/format specs/round/%-formatting.
Prints a Python script for seed argv[1]; run.sh runs it under python3 and rtpy."""
import random, struct, sys
random.seed(int(sys.argv[1]))
specs = ['', 'e', 'E', 'f', 'F', 'g', 'G', '%', '.0', '.1', '.3', '.17', '.0e', '.2e', '.0f', '.2f', '.10f', '.0g', '.3g', '#', '#.0', '#g', '+', ' ', '10', '<10', '^12', '=+12.3f', '010', ',', '_', ',.2f', '015,.2f', 'z.2f', '.2%', 'x^15.2f']
lines = ['def show(v):', '    print(repr(v), str(v), [("{:" + s + "}").format(v) for s in SPECS], float(repr(v)) == v or v != v, round(v, 2) if v == v and abs(v) != float("inf") else 0, "%.3f %e %g %r" % (v, v, v, v))']
lines.insert(0, 'SPECS = %r' % specs)
for _ in range(300):
    k = random.random()
    if k < 0.4:
        v = struct.unpack('<d', struct.pack('<Q', random.getrandbits(64)))[0]
        if v != v: v = float('nan')
    elif k < 0.7:
        v = round(random.uniform(-1e6, 1e6), random.randint(0, 8))
    else:
        v = random.randint(-10**6, 10**6) * 10.0 ** random.randint(-30, 30)
    lines.append('show(%r)' % v if v == v and abs(v) != float('inf') else 'show(float(%r))' % repr(v))
print('\n'.join(lines))
