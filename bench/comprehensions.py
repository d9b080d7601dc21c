# comprehensions, closures and lambdas
def run(n):
    squares = [i * i for i in range(n)]
    evens = {i: s for i, s in enumerate(squares) if s % 2 == 0}
    uniq = {s % 1000 for s in squares}
    adders = [lambda x, k=k: x + k for k in range(10)]
    total = 0
    for s in squares[:n // 4]:
        for f in adders:
            total += f(s) & 0xFF
    nested = [[x * y for x in range(30)] for y in range(30)]
    return total + len(evens) + len(uniq) + sum(map(sum, nested))
print(run(40000))
