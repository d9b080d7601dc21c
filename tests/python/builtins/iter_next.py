it = iter([1, 2, 3])
print(next(it), next(it), next(it), next(it, "end"))
try:
    next(it)
except StopIteration:
    print("StopIteration")
it2 = iter("ab")
print(list(it2), list(it2))
print(iter(it) is it)
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(3)))
vals = iter([5, 6, 0, 7])
print(list(iter(lambda: next(vals), 0)))
class Seq:
    def __getitem__(self, i):
        if i > 3:
            raise IndexError
        return i * 10
print(list(Seq()), 20 in Seq())
try:
    iter(5)
except TypeError as e:
    print("TypeError", e)
try:
    next([1])
except TypeError as e:
    print("TypeError", e)
d = {"a": 1, "b": 2}
print(next(iter(d)), next(iter(d.values())), next(iter(d.items())))
