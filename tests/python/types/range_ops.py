print(list(range(5)), list(range(2, 6)), list(range(10, 0, -3)), list(range(0)))
print(list(range(-5, -1)), list(range(5, 2)), list(range(0, 10, 4)))
r = range(1, 20, 3)
print(len(r), r[0], r[-1], r[2], 7 in r, 8 in r, r.index(10), r.count(4))
print(r[1:4], list(r[::-1]), r[::2])
print(range(3) == range(3), range(0) == range(5, 5), range(1, 5, 2) == range(1, 6, 2))
print(repr(range(3)), repr(range(1, 5, 2)))
print(range(2, 12, 2).start, range(2, 12, 2).stop, range(2, 12, 2).step)
try:
    range(1, 2, 0)
except ValueError as e:
    print("ValueError", e)
try:
    range(3)[5]
except IndexError as e:
    print("IndexError", e)
print(len(range(10 ** 6)), sum(range(10 ** 4)))
print(list(reversed(range(4))), bool(range(0)), bool(range(1)))
print(len(range(0, -10, -2)), list(range(0, -10, -2)))
