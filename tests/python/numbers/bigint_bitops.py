big = 2 ** 100 + 12345
print(big & 0xFFFF, big | 1, big ^ big, big >> 90, big << 10, big & -big)
neg = -(2 ** 80) - 7
print(neg & 0xFF, neg | 0xF, neg ^ -1, ~neg, neg >> 3, neg >> 200, neg << 5, neg & (2 ** 90 - 1))
print(-1 & (2 ** 100 - 1) == 2 ** 100 - 1, (-1) ^ (2 ** 70), -(2 ** 70) | -(2 ** 60))
print(~(2 ** 65), ~(-(2 ** 65)), -5 & -3, -5 | -3, -5 ^ -3, -5 & 3, 5 & -3)
for s in (1, 31, 32, 63, 64, 65, 127):
    print(s, 1 << s, -1 << s, (1 << s) - 1, ((1 << s) - 1) >> (s // 2))
print((2 ** 200).bit_length(), (-(2 ** 200)).bit_length(), (2 ** 64 - 1).bit_length())
print(bin(2 ** 70), hex(-(2 ** 70) - 255), oct(2 ** 65))
