class A: pass
class B(A): pass
class C: pass
b = B()
print(isinstance(b, B), isinstance(b, A), isinstance(b, C), isinstance(b, object), isinstance(b, (C, A)))
print(issubclass(B, A), issubclass(A, B), issubclass(B, (C, A)), issubclass(A, object), issubclass(B, B))
print(isinstance(1, int), isinstance(True, int), isinstance(1, float), isinstance(1.0, (int, float)), isinstance("s", str))
print(isinstance([], list), isinstance((), tuple), isinstance({}, dict), isinstance(None, type(None)), isinstance(int, type))
print(issubclass(bool, int), issubclass(int, object), issubclass(KeyError, LookupError), issubclass(type, object))
try:
    isinstance(1, 1)
except TypeError:
    print("TypeError bad classinfo")
try:
    issubclass(1, int)
except TypeError:
    print("TypeError arg 1 not a class")
print(isinstance(A, type), type(b) is B, type(B) is type, type(type) is type)
print(isinstance(b, ((C,), (A,))))
