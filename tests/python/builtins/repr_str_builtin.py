print(repr(1), repr("a"), repr([1, "b", (2,)]), repr({1: "x"}), repr(set()), repr({5}), repr(frozenset()), repr(frozenset([7])))
print(str(1), str("a"), repr(None), repr(True), repr(b"a"), repr(bytearray(b"z")), repr(()), repr((1, 2)))
class A:
    def __repr__(self):
        return "A()"
class B:
    def __str__(self):
        return "str B"
    def __repr__(self):
        return "repr B"
print(repr(A()), str(A()), [A()], str(B()), repr(B()), [B()], (B(),), {"k": B()})
print(repr(int), repr(str), repr(ValueError), str(list))
print(repr(ValueError("m")), repr(KeyError("k")), str(KeyError("k")), repr(Exception()), repr(Exception(1, 2)))
