d = dict(zip(range(10), "abcdefghij"))
for k in list(d):
    if k % 3 == 0:
        del d[k]
print(d)
print(sorted(d.items(), key=lambda kv: kv[1], reverse=True)[:3])
inv = {v: k for k, v in d.items()}
print(inv)
nested = {"a": {"b": {"c": 1}}}
nested["a"]["b"]["d"] = 2
print(nested, nested["a"]["b"].get("c"))
counts = {}
for ch in "abracadabra":
    counts[ch] = counts.setdefault(ch, 0) + 1
print(counts)
d2 = {}
for i in range(100):
    d2[i] = i
for i in range(0, 100, 3):
    d2.pop(i)
for i in range(100, 110):
    d2[i] = i
print(len(d2), list(d2)[:5], list(d2)[-3:], sum(d2))
print({**{"a": 1}, "a": 2}, dict({"x": 1}, **{"y": 2}))
k = {"k": 1}
v = k.values()
k["k"] = 5
print(list(v), 5 in v)
print(dict.fromkeys(range(3), []))
d3 = {1: 1}
d3.update(a=1)
d3.update({2: 2}, b=2)
print(d3, d3 == {1: 1, "a": 1, 2: 2, "b": 2})
e = {"a": 1, "b": 2}
print(e.popitem(), e.popitem(), e)
print({True: "t", 1.0: "f", 1: "i"}, {0: "z", False: "f", 0.0: "d"})
print(repr({}), repr({"a": [1, {"b": None}]}), str({1: "x"}))
