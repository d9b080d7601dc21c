# tight integer loops: while/for, arithmetic, comparisons
def work(n):
    total = 0
    i = 0
    while i < n:
        if i % 3 == 0:
            total += i
        elif i & 1:
            total -= i >> 1
        else:
            total ^= i
        i += 1
    for j in range(n):
        total = (total + j * 7) % 1000003
    return total
print(work(120000))
