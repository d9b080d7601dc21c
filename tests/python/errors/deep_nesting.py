# very deep data structures and sources must raise (RecursionError/RuntimeError,
# MemoryError, SyntaxError) or work, never crash the interpreter
def survive(name, fn):
    try:
        fn()
    except (RuntimeError, MemoryError, SyntaxError, ValueError):
        pass
    print(name, "survived")
N = 100000
t = ()
for i in range(N):
    t = (t,)
l1, l2 = [], []
for i in range(N):
    l1, l2 = [l1], [l2]
d = {}
for i in range(N):
    d = {"k": d}
survive("hash tuple", lambda: hash(t))
survive("repr list", lambda: repr(l1))
survive("str dict", lambda: str(d))
survive("compare lists", lambda: l1 == l2)
survive("compare tuples", lambda: t < t + (1,))
survive("list in list", lambda: l1 in [l2])
survive("eval brackets", lambda: eval("[" * N + "]" * N))
survive("eval unary", lambda: eval("-" * N + "1"))
survive("eval sum", lambda: eval("1" + "+1" * N))
survive("compile nested ifs", lambda: compile("".join(" " * i + "if 1:\n" for i in range(200)) + " " * 200 + "pass\n", "s", "exec"))
t = l1 = l2 = d = None
print(sum(range(10)))
