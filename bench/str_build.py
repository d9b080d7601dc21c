# building and slicing strings: join, concatenation, methods
def run(n):
    words = []
    for i in range(n):
        w = "w" + str(i % 97)
        if i % 5 == 0:
            w = w.upper()
        words.append(w)
    text = " ".join(words)
    parts = text.split(" ")
    total = len(text) + len(parts)
    s = ""
    for p in parts[:3000]:
        s += p[::-1]
    total += s.count("1") + text.find("W96") + len(text.replace("w", "ww"))
    total += sum(1 for p in parts if p.startswith("w1"))
    return total
print(run(60000))
