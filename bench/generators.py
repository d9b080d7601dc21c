# generators: pipelines, yield from, generator expressions
def counter(n):
    i = 0
    while i < n:
        yield i
        i += 1
def evens(src):
    for x in src:
        if x % 2 == 0:
            yield x
def chained(n):
    yield from counter(n)
    yield from counter(n // 2)
def run(n):
    a = sum(evens(counter(n)))
    b = sum(x * x for x in chained(n) if x % 3)
    c = max(len(str(x)) for x in counter(n // 4))
    return a + b + c
print(run(100000))
