# random: integer seeds reproduce CPython's Mersenne Twister sequences.
import random

for seed in [0, 1, 42, -3, 2 ** 100 + 7, 123456789]:
    random.seed(seed)
    print(seed, random.random(), random.getrandbits(1), random.getrandbits(32), random.getrandbits(100))
random.seed(42)
print([random.randrange(10) for _ in range(10)])
print([random.randrange(5, 50, 5) for _ in range(5)], [random.randrange(10, 0, -3) for _ in range(5)])
print([random.randint(-5, 5) for _ in range(10)], random.randrange(2 ** 70))
print([round(random.uniform(1, 2), 12) for _ in range(3)])
print(random.choice('abcdef'), random.choice([1, 2, 3]), random.choice(range(100)))
x = list(range(20))
random.shuffle(x)
print(x)
print(random.sample(range(100), 5), random.sample('abcdefgh', 3), random.sample(range(10 ** 6), 3))
print(random.getrandbits(0))
r = random.Random(7)
r2 = random.Random(7)
print(r.random() == r2.random(), r.randint(1, 6), r2.randint(1, 6))
random.seed()
v = random.random()
print(0.0 <= v < 1.0)
for bad in [lambda: random.randrange(0), lambda: random.randrange(5, 2), lambda: random.randrange(1, 10, 0),
            lambda: random.randrange(10, 1, 2), lambda: random.choice([]),
            lambda: random.sample([1, 2], 3), lambda: random.sample({1, 2}, 1), lambda: random.getrandbits(-1)]:
    try:
        print(bad())
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__, e)
random.seed(5)
print(random.choices('abc', k=5), random.choices(range(10), weights=[1] * 10, k=3),
      random.choices('xyz', cum_weights=[1, 5, 6], k=4), random.choices([1, 2]))
print([round(random.gauss(10, 2), 10) for _ in range(3)], round(random.normalvariate(), 10), round(random.expovariate(2), 10))
for bad in [lambda: random.choices('ab', weights=[1], k=1), lambda: random.choices('ab', weights=[0, 0]),
            lambda: random.choices('ab', [1, 1], cum_weights=[1, 2])]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
random.seed(1)
s = random.getstate()
print(type(s).__name__, len(s), s[0], len(s[1]), s[1][-1], s[2], s[1][:3])
a = random.random()
random.setstate(s)
print(a == random.random())
random.gauss()
s2 = random.getstate()
g1 = random.gauss()
random.setstate(s2)
print(s2[2] is not None, g1 == random.gauss())
for bad in [(3, (1,) * 10, None), (7, (1,) * 625, None), (3, (1,) * 624 + (700,), None)]:
    try:
        random.setstate(bad)
    except ValueError as e:
        print('ValueError', e)
