# containers treat an object as equal to itself before calling __eq__
nan = float("nan")
print(nan == nan, nan in [nan], [nan] == [nan], (nan,) == (nan,), [nan].count(nan), [nan].index(nan))
print(nan in (nan,), nan in {nan}, {nan: 1}.get(nan), [[nan]] == [[nan]], {"k": nan} == {"k": nan})
class Never:
    def __eq__(self, other):
        return False
    __hash__ = object.__hash__
n = Never()
print(n == n, n in [n], [n] == [n], [n].count(n), [n].index(n), (n,) == (n,), n in {n}, {n: 1}[n])
l = [n, 1]
l.remove(n)
print(l)
other = Never()
print(other in [n], [n] == [other], [n].count(other))
