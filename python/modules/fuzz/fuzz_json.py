#!/usr/bin/env python3
"""Differential fuzzing: json.dumps (indent, sort_keys, separators, ensure_ascii) and loads round trips.
Prints a Python script for seed argv[1]; run.sh runs it under python3 and rtpy."""
import random
import sys
random.seed(int(sys.argv[1]))
def val(d=0):
    k = random.random()
    if d > 3 or k < 0.5:
        c = random.randint(0, 6)
        if c == 0: return random.randint(-10**20, 10**20)
        if c == 1: return random.uniform(-1e10, 1e10)
        if c == 2: return ''.join(random.choice('ab"\\\n\t\x01é€𝄞/ ') for _ in range(random.randint(0, 6)))
        if c == 3: return random.choice([None, True, False])
        if c == 4: return random.randint(-5, 5)
        if c == 5: return random.choice([0.1, 1e16, 1e-7, -0.0, 123.0])
        return random.randint(0, 100) / 7
    if k < 0.75:
        return [val(d + 1) for _ in range(random.randint(0, 4))]
    return {''.join(random.choice('abé') for _ in range(random.randint(0, 3))): val(d + 1) for _ in range(random.randint(0, 4))}
print('import json')
for _ in range(200):
    v = val()
    print('v = %r' % (v,))
    print('s = json.dumps(v); print(s); print(json.dumps(v, indent=2, sort_keys=True, ensure_ascii=False)); print(json.loads(s) == v, json.dumps(v, separators=(",", ":")))')
