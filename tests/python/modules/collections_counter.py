# collections.Counter: counting, ordering of most_common, arithmetic.
from collections import Counter

c = Counter('abracadabra')
print(c, c['z'], c.most_common(2), sorted(c.elements()), c.total(), len(c), 'a' in c, 'z' in c)
c.update('aa')
c.subtract({'b': 5})
print(c, +c, -c)
print(Counter(a=3, b=1) + Counter(a=1, c=2), Counter(a=3, b=1) - Counter(a=1, b=2))
print(Counter(a=3) & Counter(a=1), Counter(a=1) | Counter(a=2, b=1))
print(Counter(), Counter({'x': 0}), repr(Counter(a=1, b=2)), Counter('aab') == Counter('aba'))
print(list(Counter('cab')), Counter([1, 1, 2]).most_common(), Counter({'a': 2, 'b': 2, 'c': 3}).most_common())
print(Counter(a=1) == Counter(a=1, b=0), Counter(a=1) != Counter(a=2), c.copy() == c, isinstance(c, dict))
words = 'the cat and the hat and the bat'.split()
print(Counter(words).most_common(1), dict(Counter(words)))
d = Counter()
d['x'] += 1
d['x'] += 2
del d['x']
print(d, d['x'])
