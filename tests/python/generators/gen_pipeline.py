def numbers():
    n = 0
    while True:
        yield n
        n += 1
def evens(src):
    for x in src:
        if x % 2 == 0:
            yield x
def squares(src):
    for x in src:
        yield x * x
def take(n, src):
    for i, x in enumerate(src):
        if i >= n:
            return
        yield x
print(list(take(6, squares(evens(numbers())))))
print(sum(x for x in range(1000) if x % 7 == 3))
gens = [(c * i for i in range(3)) for c in "ab"]
print([list(g) for g in gens])
def windows(seq, n):
    buf = []
    for x in seq:
        buf.append(x)
        if len(buf) > n:
            buf.pop(0)
        if len(buf) == n:
            yield tuple(buf)
print(list(windows(range(6), 3)))
def gen_with_state():
    state = {"calls": 0}
    while state["calls"] < 3:
        state["calls"] += 1
        yield dict(state)
print(list(gen_with_state()))
print(sorted((x % 5 for x in range(12)), reverse=True), max(len(w) for w in "a bb ccc".split()))
print(any(x > 5 for x in numbers()), next(x for x in numbers() if x * x > 50))
