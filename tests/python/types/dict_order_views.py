d = {}
for k in ["z", "a", "m", "b"]:
    d[k] = ord(k)
print(list(d))
del d["a"]
d["a"] = 0
print(list(d))
d["z"] = 100
print(list(d.items()))
ks = d.keys()
vs = d.values()
its = d.items()
d["new"] = 1
print(len(ks), list(ks)[-1], list(vs)[-1], list(its)[-1])
print("z" in ks, ("z", 100) in its, 100 in vs)
print(list(reversed(d)), list(reversed(d.values())))
try:
    for k in d:
        d["another"] = 1
except RuntimeError as e:
    print("RuntimeError", e)
big = {i: i * i for i in range(1000)}
for i in range(0, 1000, 2):
    del big[i]
print(len(big), list(big)[:5], sum(big.values()))
