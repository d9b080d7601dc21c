# every combination of start/stop/step on str, bytes, list and tuple
s = "abcdefg"
vals = [None, -9, -7, -3, -1, 0, 1, 3, 6, 7, 9]
steps = [None, -3, -2, -1, 1, 2, 3]
for step in steps:
    out = []
    for a in vals:
        for b in vals:
            out.append(s[a:b:step])
    print(step, "|".join(out))
b = b"abcdefg"
l = list(range(7))
t = tuple(range(7))
same = True
for step in steps:
    for a in vals:
        for c in vals:
            r = s[a:c:step]
            if b[a:c:step] != r.encode() or l[a:c:step] != [ord(x) - 97 for x in r] or t[a:c:step] != tuple(ord(x) - 97 for x in r):
                same = False
                print("mismatch", a, c, step)
print("bytes/list/tuple agree:", same)
