import math
cases = [
    ("sqrt(-1)", lambda: math.sqrt(-1)),
    ("log(0)", lambda: math.log(0)),
    ("exp(1000)", lambda: math.exp(1000)),
    ("factorial(2.5)", lambda: math.factorial(2.5)),
    ("factorial(-1)", lambda: math.factorial(-1)),
    ("factorial('3')", lambda: math.factorial("3")),
    ("pow(0, -1)", lambda: math.pow(0, -1)),
    ("acos(2)", lambda: math.acos(2)),
    ("sqrt(None)", lambda: math.sqrt(None)),
    ("floor('x')", lambda: math.floor("x")),
    ("gcd(1.5, 2)", lambda: math.gcd(1.5, 2)),
    ("isqrt(-1)", lambda: math.isqrt(-1)),
    ("log(-1, 2)", lambda: math.log(-1, 2)),
    ("ldexp(1.0, 1.5)", lambda: math.ldexp(1.0, 1.5)),
]
for name, f in cases:
    try:
        print(name, repr(f()))
    except (ValueError, TypeError, OverflowError) as e:
        print(name, type(e).__name__, e)
