# LCG-generated doubles over the whole exponent range: repr, str, formats, parsing round trip
seed = 2024
def rnd():
    global seed
    seed = (seed * 6364136223846793005 + 1442695040888963407) % 2 ** 64
    return seed
bad = 0
for i in range(1500):
    m = rnd() >> 11                     # 53-bit mantissa
    e = rnd() % 2100 - 1100             # exponent incl. subnormal and overflow ranges
    sign = -1.0 if rnd() & 1 else 1.0
    try:
        v = sign * float(m) * 2.0 ** e if -1074 <= e <= 971 else sign * float(m) * 2.0 ** (e // 2) * 2.0 ** (e - e // 2)
    except OverflowError:
        v = sign * float("inf")
    r = repr(v)
    if float(r) != v and v == v:
        bad += 1
    if i % 3 == 0:
        print(r, str(v), "%.17g" % v, "%.3e" % v, "{:.6g}".format(v), "%.2f" % v if abs(v) < 1e30 else "big")
print("round-trip failures:", bad)
