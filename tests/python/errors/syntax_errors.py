bad_sources = [
    "x = ",
    "def f(:\n    pass",
    "if True\n    pass",
    "1 = x",
    "f() = 1",
    "x = (1, 2",
    "return 5",
    "break",
    "continue",
    "for x in range(3):\nprint(x)",
    "  indented = 1",
    "def f():\n    yield = 1",
    "x = 'unterminated",
    "a b c",
    "class",
    "del 5",
    "x += 1 += 2",
    "def f(a, a): pass",
    "def f(a=1, b): pass",
    "f(**k, *a)",
    "nonlocal x",
    "def f():\n    global x\n    x = 1\n    nonlocal y",
    "print 'hello'",
    "(a, b) += 1",
    "x = 1 +* 2",
    "try:\n    pass",
    "else:\n    pass",
    "@\ndef f(): pass",
    "import",
    "from x import",
    "0x",
    "1__0",
    "x = [1, 2,, 3]",
    "{1: 2, 3}",
    "f(x for x in y, 1)",
    "a := 5",
    "def f(*): pass",
    "async = 1",
    "f(a=1, a=2)",
    "x = *a",
    "del f()",
    "[x for x in]",
    "lambda x: yield",
]
for i, src in enumerate(bad_sources):
    try:
        compile(src, "<test>", "exec")
        print(i, "compiled?!")
    except SyntaxError as e:
        print(i, type(e).__name__)
for src in ["x = 1", "def f(): return 2", "class C: pass", "x = [i for i in range(3)]", "f'{1}'", "a = b = 3"]:
    compile(src, "<ok>", "exec")
print("valid sources compiled")
try:
    exec("x = = 1")
except SyntaxError:
    print("exec SyntaxError")
try:
    eval("1 +")
except SyntaxError:
    print("eval SyntaxError")
