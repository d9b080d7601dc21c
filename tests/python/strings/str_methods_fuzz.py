# LCG-generated strings through the common str methods
seed = 5
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
    return (seed >> 8) % n
ALPHA = "ab ,\t\nAB1_-."
def rstr(maxlen):
    return "".join(ALPHA[rnd(len(ALPHA))] for _ in range(rnd(maxlen + 1)))
for i in range(400):
    s = rstr(12)
    sub = rstr(2)
    n = rnd(5) - 1
    w = rnd(16)
    out = [s.split(), s.split(None, n), s.rsplit(None, n), s.split(sub, n) if sub else None, s.rsplit(sub, n) if sub else None,
           s.strip(), s.lstrip(sub), s.rstrip(sub), s.strip(sub or None), s.find(sub), s.rfind(sub), s.count(sub),
           s.replace(sub, "<>", n), s.partition(sub) if sub else None, s.rpartition(sub) if sub else None,
           s.startswith(sub), s.endswith(sub), s.upper(), s.lower(), s.swapcase(), s.title(), s.capitalize(),
           s.center(w, "*"), s.ljust(w), s.rjust(w, "0"), s.zfill(w), s.splitlines(), s.splitlines(True), s.expandtabs(4),
           s.isalpha(), s.isdigit(), s.isalnum(), s.isspace(), s.isupper(), s.islower(), s.istitle(), s.isidentifier(),
           s[n::n or 1], s[::-1][w % 5:], s * (n + 1), s.encode()]
    print(repr(s), repr(sub), n, w, out)
