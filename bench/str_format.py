# string formatting: %, str.format and f-strings with specs
def run(n):
    h = 0
    for i in range(n):
        a = "%d:%5.2f:%s" % (i, i / 7, "x")
        b = "{}-{:>6}-{:x}".format(i, i * 3, i)
        c = f"{i:04d}|{i * 0.5:.1f}|{a}"
        h = (h * 31 + len(a) + len(b) + len(c) + ord(c[-1])) % 1000000007
    return h
print(run(12000))
