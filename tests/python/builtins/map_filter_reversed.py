print(list(map(str, [1, 2])), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(abs, [])))
print(list(filter(None, [0, 1, "", "a", [], [0]])), list(filter(lambda x: x % 2, range(8))))
m = map(int, "123")
print(next(m), list(m))
print(list(reversed([1, 2, 3])), list(reversed("abc")), list(reversed(range(5))), list(reversed((1, 2))))
class Rev:
    def __reversed__(self):
        return iter("custom")
print("".join(reversed(Rev())))
class SeqR:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        return i * 2
print(list(reversed(SeqR())))
try:
    reversed(5)
except TypeError:
    print("TypeError")
try:
    reversed({1, 2})
except TypeError:
    print("TypeError set not reversible")
print(type(map(str, [])).__name__, type(filter(None, [])).__name__, type(zip()).__name__)
