def make_ops():
    def add(a, b):
        return a + b
    def mul(a, b):
        return a * b
    def apply(op, *args):
        return op(*args)
    return {"add": add, "mul": mul, "apply": apply}
ops = make_ops()
print(ops["apply"](ops["add"], 2, 3), ops["apply"](ops["mul"], 4, 5))
def counter_factory():
    def make(start):
        n = [start]
        def nxt():
            n[0] += 1
            return n[0]
        return nxt
    return make
mk = counter_factory()
c1, c2 = mk(0), mk(100)
print(c1(), c1(), c2(), c1())
def memo(fn):
    cache = {}
    def w(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    return w
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(90))
def recursive_inner(n):
    def go(k):
        return 0 if k == 0 else k + go(k - 1)
    return go(n)
print(recursive_inner(100))
def curry(f):
    return lambda a: lambda b: lambda c: f(a, b, c)
print(curry(lambda a, b, c: a * 100 + b * 10 + c)(1)(2)(3))
