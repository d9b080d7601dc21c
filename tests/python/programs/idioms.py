scores = {"ann": 91, "bob": 78, "cat": 91, "dan": 65}
ranked = sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))
print(ranked)
print({name: "pass" if s >= 70 else "fail" for name, s in scores.items()})
by_score = {}
for name, s in scores.items():
    by_score.setdefault(s, []).append(name)
print(sorted(by_score.items()))
print(max(scores, key=scores.get), min(scores.values()), sum(scores.values()) / len(scores))
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(col) for col in zip(*matrix)], [sum(r) for r in matrix], sum(map(sum, matrix)))
flat = [x for row in matrix for x in row]
print(flat, flat[::-1], flat[1::2])
pairs = list(zip("abc", range(3)))
letters, nums = zip(*pairs)
print(pairs, letters, nums)
print(dict(zip(letters, nums)), list(enumerate(letters, 1)))
words = "the quick brown the lazy the end".split()
seen = set()
uniq = [w for w in words if not (w in seen or seen.add(w))]
print(uniq)
print(" ".join(w.capitalize() for w in words), "-".join(map(str, range(5))))
chunks = [flat[i:i + 4] for i in range(0, len(flat), 4)]
print(chunks)
print(any(s > 90 for s in scores.values()), all(s > 60 for s in scores.values()))
a, b = 0, 1
fibs = []
while len(fibs) < 10:
    fibs.append(a)
    a, b = b, a + b
print(fibs)
print(sorted("hello world"), "".join(sorted(set("hello world"))).strip())
print(list(filter(str.isdigit, "a1b2c3")), "".join(c for c in "a1b2" if c.isalpha()))
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
print(list(map(lambda p: p[0] * p[1], zip([1, 2, 3], [4, 5, 6]))))
print(divmod(sum(range(101)), 7), abs(-7) % 3, round(sum([0.1] * 3), 10))
