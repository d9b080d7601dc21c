TEXT = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity, it was the season of Light, it was the season of Darkness."""
words = [w.strip(".,").lower() for w in TEXT.split()]
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:6]
print(len(words), len(freq), top)
lines = TEXT.splitlines()
print([len(l) for l in lines], max(lines, key=len)[:20])
def wrap(text, width):
    out, line = [], ""
    for w in text.split():
        if line and len(line) + 1 + len(w) > width:
            out.append(line)
            line = w
        else:
            line = line + " " + w if line else w
    if line:
        out.append(line)
    return out
for l in wrap(TEXT, 30):
    print("|%-30s|" % l)
caps = "".join(w[0].upper() for w in words if w)
print(caps, caps.count("I"), TEXT.count("it was"), TEXT.title()[:30])
