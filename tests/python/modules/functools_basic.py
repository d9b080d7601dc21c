# functools: reduce, partial, cmp_to_key, lru_cache/cache, wraps.
import functools

print(functools.reduce(lambda a, b: a * b, [1, 2, 3, 4]), functools.reduce(lambda a, b: a + b, [], 10),
      functools.reduce(max, [3, 9, 2]))
try:
    functools.reduce(max, [])
except TypeError as e:
    print('TypeError', e)


def power(base, exp, *, mod=None):
    return pow(base, exp, mod)


sq = functools.partial(power, exp=2)
cube_mod = functools.partial(power, exp=3, mod=7)
p2 = functools.partial(power, 2)
print(sq(5), cube_mod(4), p2(10), p2(3, mod=5), sq.args, sq.keywords, p2.args, p2.func is power)
print(functools.partial(max, 1)(0), functools.partial(functools.partial(max, 5), 7)(1))


def cmp(a, b):
    return (a > b) - (a < b) if a % 2 == b % 2 else (a % 2) - (b % 2)


print(sorted([5, 2, 8, 1, 4, 7], key=functools.cmp_to_key(cmp)), max([3, 6, 4], key=functools.cmp_to_key(cmp)))
calls = []


@functools.lru_cache(maxsize=2)
def slow(x):
    calls.append(x)
    return x * x


print([slow(i) for i in [1, 2, 1, 3, 1, 2]], calls, slow.cache_info(), slow.cache_info().hits)
slow.cache_clear()
print(slow.cache_info())


@functools.lru_cache
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


@functools.cache
def fact(n):
    return 1 if n < 2 else n * fact(n - 1)


print(fib(60), fib.cache_info(), fact(20), fact.cache_info().currsize, fib.__wrapped__(1))


def deco(f):
    @functools.wraps(f)
    def inner(*a):
        return f(*a)
    return inner


@deco
def hello(x):
    "greets"
    return 'hi ' + x


print(hello('you'), hello.__name__, hello.__doc__, hello.__wrapped__('me'))
