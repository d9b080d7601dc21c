print()
print(1, 2, 3)
print(1, 2, sep="")
print("a", "b", sep=", ", end="!\n")
print("no newline", end="")
print(" then this")
print(*range(5), sep=" < ")
print("x", end="")
print("y", end="\n")
print(None, True, 1.5, [1], (2,), {3: 4}, "s", b"b")
print("sep none", sep=None)
print("end none", end=None)
import sys
print("to stdout", file=sys.stdout)
print("to stderr", file=sys.stderr)
class W:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
w = W()
print("captured", 1, file=w, sep="+")
print(repr("".join(w.parts)))
try:
    print("x", sep=1)
except TypeError:
    print("TypeError bad sep")
print("flush", flush=True)
