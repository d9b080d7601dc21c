#!/usr/bin/env python3
"""Differential fuzzing of the re module: prints a Python script of random
patterns and subjects. run.sh runs it under python3 and rtpy and compares.
"""
import random
import sys

random.seed(int(sys.argv[1]))
atoms = ['a', 'b', '.', '[ab]', '[^a]', r'\d', r'\w', r'\s', '(a)', '(?:ab)', '(a|b)', '(?P<n>b)', 'x', r'\b', '^', '$', '(?=a)', '(?!b)', '(?<=a)', '(a*)', '[a-c]']
quants = ['', '', '', '*', '+', '?', '*?', '+?', '??', '{2}', '{1,2}', '{,2}', '{2,}?']
def pat(depth=0):
    n = random.randint(1, 4)
    out = ''
    for _ in range(n):
        a = random.choice(atoms)
        if depth < 2 and random.random() < 0.15:
            a = '(' + pat(depth + 1) + '|' + pat(depth + 1) + ')'
        q = random.choice(quants)
        if a in ('^', '$', r'\b', '(?=a)', '(?!b)', '(?<=a)'):
            q = ''
        out += a + q
    return out
lines = ['import re', 'def show(p, s):', '    try:', '        r = re.compile(p)',
         '    except re.error as e:', '        print("ERR", p); return',
         '    m = r.search(s)', '    print(repr(p), repr(s), m and m.span(), m and m.groups(), r.findall(s), r.sub("-", s), r.split(s))']
for _ in range(400):
    p = pat()
    s = ''.join(random.choice('aabbx1 ') for _ in range(random.randint(0, 8)))
    lines.append('show(%r, %r)' % (p, s))
print('\n'.join(lines))
