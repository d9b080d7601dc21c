s = slice(1, 10, 2)
print(s.start, s.stop, s.step)
print(slice(5).start, slice(5).stop, slice(5).step)
print(repr(slice(1, 2)), repr(slice(None)))
print(s.indices(6), slice(None, None, -1).indices(4), slice(-3, None).indices(10))
print("abcdefghij"[s], list(range(10))[slice(-2, None)])
class Probe:
    def __getitem__(self, k):
        return k
p = Probe()
print(p[1:2], p[::3], p[1:2, 3], p[...], p[:, 1])
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3))
