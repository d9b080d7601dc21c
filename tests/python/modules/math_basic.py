# math module: values, integer functions and CPython's error behaviour.
import math

print(math.pi, math.e, math.tau, math.inf, -math.inf, math.nan)
for x in [0.0, 0.5, 1.0, 2.0, 10.0, 1e-10, 123.456]:
    print(x, math.sqrt(x), math.exp(x), math.log1p(x), math.sin(x), math.cos(x), math.atan(x))
for x in [0.5, 1.0, 2.0, 1024.0, 1e300]:
    print(math.log(x), math.log2(x), math.log10(x), math.log(x, 2), math.log(x, 10))
print(math.pow(2, 10), math.pow(2.0, -1), math.pow(-8, 1 / 3) if False else math.pow(4, 0.5))
print(math.atan2(1, -1), math.atan2(-0.0, -1), math.hypot(3, 4), math.hypot(), math.hypot(1, 2, 2))
print(math.copysign(1.0, -0.0), math.fabs(-3), math.fmod(7.5, 2), math.fmod(-7.5, 2))
print(math.remainder(7, 2), math.remainder(5, 2), math.modf(3.25), math.modf(-3.25), math.modf(math.inf))
print(math.frexp(8.0), math.frexp(0.0), math.frexp(-0.1), math.ldexp(0.5, 4), math.ldexp(1.0, -1080))
for x in [2.5, -2.5, 3.0, -0.5, 1e20, 7]:
    print(math.floor(x), math.ceil(x), math.trunc(x), type(math.floor(x)).__name__)
print(math.isfinite(1.0), math.isfinite(math.inf), math.isinf(-math.inf), math.isnan(math.nan))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(1, 1.05, rel_tol=0.1),
      math.isclose(0.0, 1e-12, abs_tol=1e-9), math.isclose(math.inf, math.inf))
print(math.degrees(math.pi), math.radians(180))
print(math.erf(0.5), math.erfc(0.5), math.gamma(5), round(math.gamma(0.5), 13), round(math.lgamma(10), 12))
print(math.sinh(1), math.cosh(1), math.tanh(1), math.asinh(1), math.acosh(2), math.atanh(0.5))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100]), math.fsum([]))
print(math.fsum([1, 2, 3]), math.fsum([math.inf, 1.0]))
print(math.gcd(12, 18), math.gcd(0, 0), math.gcd(-4, 6), math.gcd(), math.gcd(12, 18, 8))
print(math.gcd(2 ** 100, 6 ** 50), math.lcm(4, 6), math.lcm(), math.lcm(0, 5), math.lcm(3, 4, 5))
print(math.factorial(0), math.factorial(5), math.factorial(30))
print(len(str(math.factorial(500))), math.factorial(500) % 1000003)
print(math.comb(5, 2), math.comb(50, 25), math.comb(3, 5), math.perm(5, 2), math.perm(5), math.perm(3, 5))
print(math.isqrt(0), math.isqrt(15), math.isqrt(16), math.isqrt(10 ** 40), math.isqrt(2 ** 127 - 1))
print(math.prod([1, 2, 3, 4]), math.prod([]), math.prod([2.5, 2]), math.prod([1, 2], start=10))

def err(f, *args):
    try:
        r = f(*args)
        print("no error", r)
    except (ValueError, OverflowError, ZeroDivisionError, TypeError) as e:
        print(type(e).__name__, e)

err(math.sqrt, -1)
err(math.log, 0)
err(math.log, -1)
err(math.log, 10, 1)
err(math.exp, 1000)
err(math.acos, 2)
err(math.atanh, 1)
err(math.fmod, 1, 0)
err(math.pow, 0, -1)
err(math.pow, 10, 400)
err(math.gamma, 0)
err(math.gamma, -2)
err(math.floor, math.inf)
err(math.floor, math.nan)
err(math.factorial, -1)
err(math.isqrt, -1)
err(math.comb, -1, 2)
err(math.ldexp, 1.0, 2000)
err(math.cosh, 1000)
print(math.sqrt(math.inf), math.exp(-math.inf), math.isnan(math.sin(math.nan)))
