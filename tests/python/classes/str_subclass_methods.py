class Path(str):
    def join(self, other):
        return Path(str(self) + "/" + other)
    def parts(self):
        return self.split("/")
p = Path("usr").join("lib")
print(p, type(p).__name__, p.parts(), p.upper(), type(p.upper()).__name__, len(p), p == "usr/lib", p + "/x")
class MyDict(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, v * 2)
d = MyDict()
d["a"] = 1
print(d, d["a"], len(d), isinstance(d, dict))
class Stack(list):
    def push(self, v):
        self.append(v)
    def peek(self):
        return self[-1]
s = Stack()
s.push(1); s.push(2)
print(s.peek(), s.pop(), s, len(s), s == [1])
class MyInt(int):
    def double(self):
        return MyInt(self * 2)
print(MyInt(5).double(), MyInt(5) + 1, type(MyInt(5) + 1).__name__, MyInt(3) == 3)
class MyExc(ValueError):
    pass
try:
    int("x")
except MyExc:
    print("no")
except ValueError:
    print("base ValueError not caught by subclass handler")
