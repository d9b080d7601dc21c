# pseudo-random big-number arithmetic checked against identities and printed
x = 1
acc = []
for i in range(60):
    x = (x * 6364136223846793005 + 1442695040888963407) % (2 ** 192)
    a = x
    b = (x >> 50) + 1
    q, r = divmod(a, b)
    assert q * b + r == a and 0 <= r < b
    assert int(str(a)) == a and int(hex(a), 16) == a
    acc.append((a * b) % 1000000007 + q % 997 + r % 991 + (a ^ b) % 983 + (a & ~b) % 977)
    if i % 10 == 0:
        print(a, b, q, r, a * b, a - b * 3, -a // b, -a % b)
print(acc)
print(sum(acc), (x ** 5) % (10 ** 40), pow(x, 65537, 2 ** 255 - 19))
