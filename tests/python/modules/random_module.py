# generator details differ between implementations: check properties only
import random
random.seed(42)
a = [random.random() for _ in range(5)]
random.seed(42)
b = [random.random() for _ in range(5)]
print(a == b, all(0.0 <= x < 1.0 for x in a))
print(all(1 <= random.randint(1, 6) <= 6 for _ in range(200)), len({random.randint(1, 3) for _ in range(200)}))
print(all(random.randrange(10) in range(10) for _ in range(100)), all(random.randrange(5, 50, 5) % 5 == 0 for _ in range(100)))
print(random.choice("abc") in "abc", 0 <= random.getrandbits(8) < 256, all(2.0 <= random.uniform(2, 3) <= 3.0 for _ in range(50)))
l = list(range(10))
random.shuffle(l)
print(sorted(l) == list(range(10)))
try:
    random.choice([])
except IndexError:
    print("IndexError empty choice")
