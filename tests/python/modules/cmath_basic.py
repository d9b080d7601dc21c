# cmath: values, conversions and error rules.
import cmath

print(cmath.sqrt(-1), cmath.sqrt(4), cmath.sqrt(2j), cmath.exp(0), cmath.exp(1j), cmath.log(1), cmath.log(-1))
print(cmath.log(8, 2), cmath.log10(100), cmath.phase(-1), cmath.phase(1j), cmath.phase(-1 - 0j), cmath.polar(1j))
print(cmath.rect(2, 0), cmath.rect(1, cmath.pi / 2).real < 1e-15, cmath.pi, cmath.e, cmath.tau, cmath.inf, cmath.infj)
for f in [cmath.sin, cmath.cos, cmath.tan, cmath.sinh, cmath.cosh, cmath.tanh, cmath.asin, cmath.acos,
          cmath.atan, cmath.asinh, cmath.acosh, cmath.atanh]:
    z = f(0.5 + 0.25j)
    print(round(z.real, 12), round(z.imag, 12))
print(cmath.isfinite(1 + 1j), cmath.isinf(cmath.infj), cmath.isnan(cmath.nanj), cmath.isnan(1j))
print(cmath.isclose(1 + 1j, 1 + 1.0000000001j), cmath.isclose(1j, 2j), cmath.isclose(0j, 1e-10, abs_tol=1e-9))
for bad in [lambda: cmath.log(0), lambda: cmath.exp(1000), lambda: cmath.atanh(1), lambda: cmath.sqrt('x'),
            lambda: cmath.log(1, 1)]:
    try:
        print(bad())
    except (ValueError, OverflowError, TypeError, ZeroDivisionError) as e:
        print(type(e).__name__, e)
