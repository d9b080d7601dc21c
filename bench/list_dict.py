# list and int-keyed dict work: append, index, slice, membership
def run(n):
    lst = []
    for i in range(n):
        lst.append(i * 3 % 1001)
    d = {}
    for i, v in enumerate(lst):
        d[v] = d.get(v, 0) + i
    acc = 0
    for k in range(0, 1001, 7):
        if k in d:
            acc += d[k]
    for i in range(0, n - 10, 10):
        acc += sum(lst[i:i + 5])
    lst.reverse()
    acc += lst.index(0) + len(d)
    return acc
print(run(90000))
