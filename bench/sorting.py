# sorting: built-in sort with keys, and a hand-written merge sort
def lcg(seed, n):
    out = []
    for _ in range(n):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        out.append(seed % 100000)
    return out
def merge_sort(a):
    if len(a) <= 1:
        return a
    mid = len(a) // 2
    left = merge_sort(a[:mid])
    right = merge_sort(a[mid:])
    out = []
    i = j = 0
    while i < len(left) and j < len(right):
        if left[i] <= right[j]:
            out.append(left[i])
            i += 1
        else:
            out.append(right[j])
            j += 1
    out.extend(left[i:])
    out.extend(right[j:])
    return out
def run():
    data = lcg(7, 20000)
    s1 = sorted(data)
    s2 = sorted(data, key=lambda v: (v % 100, v), reverse=True)
    s3 = merge_sort(data[:6000])
    words = [str(v) for v in data[:5000]]
    words.sort()
    return s1[100] + s2[100] + s3[-1] + len(words[0]) + int(words[-1]), s3 == sorted(data[:6000])
print(run())
