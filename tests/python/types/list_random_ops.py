seed = 7
def rnd(n):
    global seed
    seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
    return seed % n if n else 0
l = []
for step in range(3000):
    op = rnd(6)
    if op == 0 or len(l) < 3:
        l.append(step)
    elif op == 1:
        l.insert(rnd(len(l) + 1), -step)
    elif op == 2:
        l.pop(rnd(len(l)))
    elif op == 3:
        i = rnd(len(l))
        j = i + rnd(4)
        l[i:j] = [step, step + 1]
    elif op == 4:
        i = rnd(len(l))
        del l[i:i + 2]
    else:
        l.reverse()
    if step % 300 == 0:
        print(step, len(l), sum(l), l[:3], l[-3:])
print(len(l), sum(l), sorted(l)[:5], sorted(l, reverse=True)[:5])
