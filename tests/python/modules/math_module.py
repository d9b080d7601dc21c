import math
print(math.pi, math.e, math.inf, math.isnan(math.nan), math.tau == 2 * math.pi)
print(math.sqrt(16), math.sqrt(2), math.pow(2, 10), math.exp(0), math.exp(1) == math.e, math.log(math.e), math.log(100, 10), math.log10(1000), math.log2(1024))
print(math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1), math.trunc(-2.7), type(math.floor(1.5)).__name__)
print(math.fabs(-3), math.fmod(7, 3), math.fmod(-7, 3), math.copysign(3, -0.0), math.hypot(3, 4), math.degrees(math.pi), math.radians(180))
print(math.sin(0), math.cos(0), math.tan(0), round(math.sin(math.pi / 2), 12), round(math.cos(math.pi), 12), math.atan2(1, 1) == math.pi / 4)
print(math.asin(1) == math.pi / 2, math.acos(1), math.atan(0), math.sinh(0), math.cosh(0), math.tanh(0))
print(math.isinf(math.inf), math.isinf(1e308), math.isfinite(1.0), math.isfinite(math.nan), math.isclose(1.0, 1.0 + 1e-10))
print(math.factorial(0), math.factorial(20), math.factorial(30), math.gcd(12, 18), math.gcd(0, 5), math.gcd(2 ** 80, 6 ** 40))
print(math.modf(2.5), math.modf(-1.25), math.frexp(8.0), math.ldexp(0.5, 4), math.isqrt(17), math.isqrt(10 ** 30))
print(math.floor(10 ** 20 + 0.0) == 10 ** 20, math.ceil(1e20))
for bad in [lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.log(-1), lambda: math.acos(2), lambda: math.factorial(-1)]:
    try:
        bad()
    except ValueError:
        print("ValueError")
try:
    math.floor(math.inf)
except OverflowError:
    print("OverflowError")
try:
    math.sqrt("x")
except TypeError:
    print("TypeError")
