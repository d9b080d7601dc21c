# compiler stress: many locals, long expressions, big literals, deep nesting
src = "def f():\n" + "".join("    v%d = %d\n" % (i, i) for i in range(300)) + "    return " + " + ".join("v%d" % i for i in range(300)) + "\n"
ns = {}
exec(src, ns)
print(ns["f"]())
print(eval(" + ".join(str(i) for i in range(200))))
print(eval("[" + ", ".join(repr("s%d" % i) for i in range(1000)) + "]")[-1])
print(len(eval("{" + ", ".join("%d: %d" % (i, i * i) for i in range(500)) + "}")))
print(eval("(" * 50 + "7" + ")" * 50))
nested = "x = 0\n"
for depth in range(20):
    nested += "    " * depth + "for i%d in range(2):\n" % depth if depth < 10 else "    " * depth + "if True:\n"
nested += "    " * 20 + "x += 1\n"
g = {}
exec(nested, g)
print(g["x"])
consts = "def c():\n    return [" + ", ".join("%d.5" % i for i in range(400)) + "]\n"
exec(consts, g)
print(sum(g["c"]()))
long_str = "x" * 100000
print(len(long_str), long_str[-3:], len(eval(repr(long_str))))
args = ", ".join("a%d" % i for i in range(100))
exec("def many(%s):\n    return a0 + a99\n" % args, g)
print(g["many"](*range(100)))
