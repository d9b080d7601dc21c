d = {"one": 1, "two": 2}
d["three"] = 3
print(d, len(d), d["two"])
d["one"] = 10
print(list(d.keys()), list(d.values()), list(d.items()))
print("two" in d, "four" in d, 10 in d)
print(d.get("one"), d.get("x"), d.get("x", "dflt"))
print(d.pop("one"), d.pop("nope", None), d)
print(d.setdefault("two", 0), d.setdefault("new", []), d)
d.update({"a": 1}, b=2)
d.update([("c", 3)])
print(d)
print(d.popitem(), d)
c = d.copy(); c["z"] = 0
print(len(d), len(c))
c.clear(); print(c)
print(dict.fromkeys("ab"), dict.fromkeys([1, 2], 0))
print(dict(a=1, b=2), dict([("x", 1)]), dict({"k": "v"}, k2="v2"))
try:
    d["missing"]
except KeyError as e:
    print("KeyError", e)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError", e)
print({1: "a", 1.0: "b", True: "c"})
print({(1, 2): "tuple key"}[(1, 2)])
try:
    {[1]: 2}
except TypeError:
    print("TypeError unhashable key")
print({"a": 1} == {"a": 1}, {"a": 1, "b": 2} == {"b": 2, "a": 1}, {"a": 1} != {"a": 2})
print(d | {"q": 9}, {"a": 1} | {"a": 2})
e = {"x": 1}
e |= {"y": 2}
print(e)
