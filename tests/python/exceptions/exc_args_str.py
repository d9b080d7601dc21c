for e in [Exception(), Exception("one"), Exception("a", 2), ValueError(3), KeyError("key"), KeyError(), IndexError("i", "j")]:
    print(type(e).__name__, repr(str(e)), repr(e), e.args)
e = ValueError("msg")
e.args = ("changed",)
print(e)
class MyErr(Exception):
    def __init__(self, code, msg):
        super().__init__(code, msg)
        self.code = code
    def __str__(self):
        return "E%d: %s" % (self.code, self.args[1])
try:
    raise MyErr(42, "custom")
except MyErr as ex:
    print(ex, ex.code, ex.args, repr(str(ex)))
class Plain(Exception):
    pass
print(repr(Plain("p")), str(Plain()), str(Plain(1, 2)))
e = OSError(2, "No such file")
print(e.errno, e.strerror, e.args)
print(str(SystemExit(3)), SystemExit(3).code, StopIteration(4).value)
print(KeyError("x").args[0], str(KeyError("x")), str(KeyError(1)))
