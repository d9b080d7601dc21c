print(eval("1 + 2 * 3"), eval("[x * 2 for x in range(3)]"), eval("'abc'.upper()"))
x = 10
print(eval("x + 1"), eval("x * y", {"x": 2, "y": 3}), eval("x", {}, {"x": "local"}))
print(eval("x", {"x": "global"}, {"x": "local wins"}), eval("y", {"y": 3}, {}))
g = {}
exec("a = 5\nb = a * 2", g)
print(g["a"], g["b"])
exec("def f(n):\n    return n * n", g)
print(g["f"](7))
ns = {}
exec("import math\nr = math.floor(2.5)", ns)
print(ns["r"])
exec("print('exec prints')")
code = compile("3 * 4", "<expr>", "eval")
print(eval(code))
code2 = compile("z = 9\nprint('compiled', z)", "<string>", "exec")
exec(code2)
code3 = compile("1 + 1", "<s>", "single")
print(type(code).__name__)
loc = {}
exec("q = [i for i in range(3)]", {}, loc)
print(loc)
print(eval("  42  "), eval("(1,\n2)"))
try:
    eval("1 +")
except SyntaxError:
    print("SyntaxError")
try:
    eval("undefined_name")
except NameError as e:
    print("NameError", e)
try:
    compile("x", "<s>", "badmode")
except ValueError:
    print("ValueError bad mode")
