parts = []
for i in range(10):
    parts.append(str(i) * i)
print("".join(parts))
s = ""
for i in range(100):
    s += chr(65 + i % 26)
print(s, len(s))
print(" ".join(w[::-1] for w in "hello big world".split()))
print("".join(sorted("zyxabc")), "".join(reversed("abc")))
print(list(enumerate("ab")), list(zip("abc", "12")))
words = "the quick brown fox jumps over the lazy dog".split()
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(sorted(counts.items()))
print(max(words, key=len), min(words), sorted(words, key=lambda w: (len(w), w)))
