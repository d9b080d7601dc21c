from collections import defaultdict
dd = defaultdict(list)
dd["a"].append(1)
dd["a"].append(2)
dd["b"]
print(sorted(dd.items()), len(dd), "c" in dd)
counts = defaultdict(int)
for w in "a b a c b a".split():
    counts[w] += 1
print(sorted(counts.items()))
nodef = defaultdict()
try:
    nodef["x"]
except KeyError:
    print("KeyError without default_factory")
