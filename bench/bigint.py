# big integers: factorials, powers, a pi spigot, base conversion
def pi_digits(n):
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    out = []
    while len(out) < n:
        if 4 * q + r - t < m * t:
            out.append(m)
            q, r, m = 10 * q, 10 * (r - m * t), (10 * (3 * q + r)) // t - 10 * m
        else:
            q, r, t, k, m, x = q * k, (2 * q + r) * x, t * x, k + 1, (q * (7 * k + 2) + r * x) // (t * x), x + 2
    return out
def run():
    f = 1
    for i in range(1, 1200):
        f *= i
    p = pow(3, 20000) - pow(2, 30000)
    digits = pi_digits(500)
    s = str(f)
    return (f % 1000000007, p % 999983, sum(digits), len(s), (f >> 1000) & 0xFFFF, (f // (abs(p) + 1)) % 1000003)
print(run())
