class K:
    """doc of K"""
    a = 1
    b = a + 1
    lst = [a, b]
    def m(self):
        return self.__class__.__name__
print(K.a, K.b, K.lst, K().m(), K.__name__)
print("a" in K.__dict__, "m" in K.__dict__, type(K.__dict__["m"]).__name__)
k1, k2 = K(), K()
k1.lst.append(3)
print(k2.lst)
k1.a = 100
print(k1.a, k2.a, K.a)
del k1.a
print(k1.a)
class Shadow:
    def method(self):
        return "method"
s = Shadow()
s.method = lambda: "instance attr"
print(s.method(), Shadow().method())
class WithInitReturn:
    def __init__(self):
        return None
print(type(WithInitReturn()).__name__)
class BadInit:
    def __init__(self):
        return 5
try:
    BadInit()
except TypeError:
    print("TypeError __init__ returned non-None")
class Nested:
    class Inner:
        val = "inner"
print(Nested.Inner.val, Nested.Inner().val)
print(K.__module__ == __name__, __name__)
