inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, repr(inf), str(-inf), repr(nan))
print(inf > 1e308, -inf < -1e308, inf == inf, nan == nan, nan != nan, nan < 1, nan > 1)
print(inf + 1, inf - inf, inf * 0, inf * -1, 1 / inf, -1 / inf, inf / inf)
print(float("Infinity"), float("-INF"), float("NaN"), float("  inf  "), float("+nan"))
print(abs(-inf), max(1, inf), min(-inf, 0), [x for x in (nan, 1.0) if x == x])
print(-0.0 == 0.0, str(-0.0), repr(0.0 * -1), 1 / inf == 0.0, (-0.0) + 0.0)
print("%f %e %g" % (inf, -inf, nan), "{:f} {:.2f}".format(inf, nan), f"{-inf:>6}")
try:
    int(inf)
except OverflowError as e:
    print("OverflowError", e)
try:
    int(nan)
except ValueError as e:
    print("ValueError", e)
try:
    round(inf)
except OverflowError as e:
    print("OverflowError", e)
print(inf.is_integer(), 1e308 * 10, -1e308 * 10, 1e308 + 1e308)
try:
    2.0 ** 10000
except OverflowError:
    print("OverflowError")
