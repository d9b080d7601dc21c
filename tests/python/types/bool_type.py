print(bool(), bool(0), bool(1), bool(-1), bool(0.0), bool(0.1), bool(0j), bool(1j))
print(bool(""), bool(" "), bool([]), bool([[]]), bool(()), bool({}), bool(set()), bool(range(0)))
print(True + 1, True * 3.5, -True, abs(False), divmod(True, 2))
print(True == 1.0, hash(True) == hash(1), {True: "a", 1: "b"})
print(sum([True, True, False]), max(True, 2), sorted([True, False, 0, 1]))
print(str(True), repr(False), "%d %s" % (True, False), f"{True}", format(True, "d"))
class Z:
    def __len__(self):
        return 0
class N:
    pass
print(bool(Z()), bool(N()))
print(int.__name__)
print(isinstance(False, int), issubclass(bool, int), bool.__name__)
try:
    class B(bool):
        pass
except TypeError:
    print("TypeError cannot subclass bool")
