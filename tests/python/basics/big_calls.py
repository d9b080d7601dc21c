def count(*a, **k):
    return len(a), len(k)
print(count(*range(1000)))
print(count(**{"k%d" % i: i for i in range(300)}))
print(max(*range(500)), sum([*range(1000)]))
def many(a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19):
    return a0 + a19 + a10
print(many(*range(20)))
print(many(**{"a%d" % i: i for i in range(20)}))
t = tuple(range(256))
print(len(t), t[255], [*t][-1])
