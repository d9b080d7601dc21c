l = list(range(20))
print(l[::3], l[-1::-5], l[3:-3:4])
l.sort(key=lambda x: (x % 3, -x))
print(l)
l.sort(reverse=True)
print(l[:5])
words = ["banana", "Apple", "cherry", "apple", "Banana"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
m = [[1, 2], [3, 4]]
copy = [row[:] for row in m]
copy[0][0] = 99
print(m, copy)
stack = []
for i in range(5):
    stack.append(i)
print([stack.pop() for _ in range(3)], stack)
q = [1, 2, 3]
q.insert(0, 0)
print(q.pop(0), q)
print([1, 2, 3] * 0, [[]] * 2, [None] * 3)
big = list(range(10000))
del big[100:9900]
print(len(big), big[99:102])
big[50:60] = []
print(len(big), big[48:52])
e = [3, 1, 2]
e.extend(e)
print(e)
print(list.__name__, [].__class__.__name__, isinstance([], list))
a = [1, 2, 3]
a[1:2] = a
print(a)
print([x for x in [1, 2, 3] if x != 2] == [1, 3], [1, [2, [3]]] == [1, [2, [3]]])
