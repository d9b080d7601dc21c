# Module types as the right operand of operators with foreign left operands
# (regression: these used to crash), plus deque repetition.
import collections, array, re
from collections import deque

vals = [0, 2, 1.5, 's', [1], (1,), {}, {1: 2}, None]
objs = [deque([1, 2]), collections.OrderedDict(a=1), collections.Counter('aab'),
        collections.defaultdict(int, a=1), array.array('i', [1, 2]), re.compile('a'),
        collections.namedtuple('P', 'x y')(1, 2)]
for o in objs:
    for v in vals:
        for expr in ('v + o', 'v - o', 'v * o', 'v == o', 'v != o', 'v < o', 'v & o',
                     'o == v', 'o + v', 'o * v', 'o < v', 'v in o'):
            try:
                r = eval(expr, {'o': o, 'v': v})
                print(expr, type(o).__name__, repr(v), repr(r))
            except Exception as e:
                print(expr, type(o).__name__, repr(v), type(e).__name__)

d = deque([1, 2, 3], 5)
print(d * 3, 3 * d, d * 0, d * -1, d)
d *= 2
print(d)
e = deque('ab')
e *= 3
print(e)
print(deque() * 5)
x = 0
try:
    x += deque([1])
except TypeError as ex:
    print('TypeError')

# repetition of bounded deques is capped (no 2**31 loop)
for ml in (0, 1, 2, 5, 7):
    d = deque([1, 2, 3], ml)
    print(d * 2**31, d * 4, 2 * d)
    d *= 10**9
    print(d)
