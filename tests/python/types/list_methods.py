l = [3, 1, 2]
l.append(4); print(l)
l.extend([5, 6]); print(l)
l.extend(range(2)); print(l)
l.insert(0, "a"); l.insert(100, "z"); l.insert(-1, "y"); print(l)
print(l.pop(), l.pop(0), l.pop(-2), l)
l.remove(1); print(l)
try:
    l.remove(99)
except ValueError as e:
    print("ValueError", e)
print(l.index(2), [1, 2, 1, 2].index(2, 2), [1, 2, 3].count(2), [1, 1].count(1))
try:
    [1].index(5)
except ValueError as e:
    print("ValueError", e)
l2 = [5, 2, 8, 1]
l2.sort(); print(l2)
l2.sort(reverse=True); print(l2)
l2.reverse(); print(l2)
c = l2.copy(); c.append(0); print(l2, c)
c.clear(); print(c)
try:
    [].pop()
except IndexError as e:
    print("IndexError", e)
print([1, 2] + [3], [0] * 3, 2 * [1, 2], [] * 5)
print(list("abc"), list((1, 2)), list({"k": 1}), list(range(3)))
print(len([1, 2, 3]), 2 in [1, 2], 5 not in [1, 2])
m = [[0] * 2] * 2
m[0][0] = 1
print(m)
print([1, 2, 3] == [1, 2, 3], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9])
l3 = [1, 2]
l3 *= 3; print(l3)
print(list(reversed([1, 2, 3])))
