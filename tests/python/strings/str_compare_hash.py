a = "abc" * 10
b = "abc" * 10
print(a == b, hash(a) == hash(b), a != b + "x")
d = {}
for i in range(200):
    d["key%d" % i] = i
print(d["key57"], d["key199"], "key200" in d, len(d))
print(sorted(["b", "A", "a", "B", "", "aa"]))
print("a" * 0 == "", "abc"[0:0] == "", "x".__eq__("x"), "x".__ne__("y"))
print(("abc" < "abd") == (b"abc" < b"abd"))
try:
    "a" < 1
except TypeError as e:
    print("TypeError", e)
print("a" == 1, "1" == 1, [] == "")
