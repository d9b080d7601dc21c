vals = [0, 1, -1, 5, -5, 255, -256, 2 ** 31, -(2 ** 31), 2 ** 64 + 3, -(2 ** 64) - 3, 2 ** 100 - 1, -(2 ** 100)]
for a in vals:
    print(a, ~a, a >> 1, a >> 33, a << 3, a << 65)
    print(" ", [a & b for b in vals])
    print(" ", [a | b for b in vals])
    print(" ", [a ^ b for b in vals])
