# multiple targets, chained assignment, swaps, augmented assignment
a = b = c = 5
print(a, b, c)
x, y = 1, 2
x, y = y, x
print(x, y)
p, (q, r), s = 1, (2, 3), 4
print(p, q, r, s)
[m, n] = "ab"
print(m, n)
lst = [0, 0, 0]
i = 0
i, lst[i] = 1, 9
print(i, lst)
v = 10
v += 5; print(v)
v -= 3; print(v)
v *= 2; print(v)
v //= 5; print(v)
v %= 3; print(v)
v **= 4; print(v)
v <<= 3; print(v)
v >>= 1; print(v)
v |= 0x100; print(v)
v &= 0x10F; print(v)
v ^= 0xFF; print(v)
f = 7.0
f /= 2; print(f)
l2 = [1]
l3 = l2
l2 += [2]
print(l3, l2 is l3)
t = (1,)
t2 = t
t += (2,)
print(t, t2)
