# LCG-generated big integers of mixed sizes and signs through every operator
seed = 77
def rnd(bits):
    global seed
    out = 0
    for _ in range(bits // 60 + 1):
        seed = (seed * 6364136223846793005 + 1442695040888963407) % 2 ** 64
        out = (out << 60) | (seed >> 4)
    return out >> (out.bit_length() - bits) if out.bit_length() > bits else out
checks = []
for i in range(300):
    a = rnd(1 + i * 7 % 700) * (-1 if i % 3 == 0 else 1)
    b = rnd(1 + i * 13 % 400) * (-1 if i % 5 == 0 else 1) or 1
    q, r = divmod(a, b)
    assert q * b + r == a and (r == 0 or (r < 0) == (b < 0)) and abs(r) < abs(b)
    assert int(str(a)) == a and int(hex(a), 16) == a and int(oct(a), 8) == a and int(bin(a), 2) == a
    assert (a << 37) >> 37 == a and (a * b) // b == a and -(-a) == a
    assert (a & b) + (a | b) == a + b and (a ^ b) == (a | b) - (a & b) and ~a == -a - 1
    s = (a + b, a - b, a * b, q, r, a & b, a | b, a ^ b, a >> 5, pow(abs(a) + 2, 3, abs(b) + 2), abs(a) % 1000003)
    checks.append(sum(s) % 1000000007)
    if i % 50 == 0:
        print(a, b)
        print(" ", s)
print(checks)
