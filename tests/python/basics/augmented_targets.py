class O:
    pass
o = O()
o.n = 1
o.n += 10
o.n *= 2
l = [1, 2, 3]
l[0] += 5
l[-1] **= 2
l[1:2] += [9]
d = {"a": 1, "b": [1]}
d["a"] -= 3
d["b"] += [2]
d["b"][0] <<= 4
s = "ab"
s += "cd"
s *= 2
t = (1,)
t += (2,)
f = 1.5
f //= 0.5
z = 3
z /= 2
print(o.n, l, d, s, t, f, z)
m = [[0, 0], [0, 0]]
for i in range(2):
    for j in range(2):
        m[i][j] += i * 2 + j
        m[i][j] |= 8
print(m)
b = bytearray(b"ab")
b += b"c"
b[0] ^= 32
print(b)
st = {1}
st |= {2}
st -= {1}
st ^= {3}
print(sorted(st))
