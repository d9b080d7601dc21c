def gen_closure():
    total = 0
    def add(v):
        nonlocal total
        total += v
        return total
    for i in range(4):
        yield add(i)
print(list(gen_closure()))
def comp_closures():
    return [[lambda: (i, j) for j in range(2)] for i in range(2)]
print([[f() for f in row] for row in comp_closures()])
def cell_in_loop():
    fs = []
    for i in range(3):
        def make(i=i):
            return lambda: i * 10
        fs.append(make())
    return [f() for f in fs]
print(cell_in_loop())
def arg_cell(x):
    def get():
        return x
    x = x * 2
    return get()
print(arg_cell(21))
def deep():
    a = 1
    def l2():
        b = 2
        def l3():
            c = 3
            def l4():
                return a + b + c
            return l4
        return l3
    return l2()()()
print(deep())
def counter_pair():
    n = 0
    def inc():
        nonlocal n
        n += 1
    def get():
        return n
    return inc, get
inc, get = counter_pair()
for _ in range(5):
    inc()
print(get())
def class_in_closure(v):
    class K:
        def m(self):
            return v
    return K
print(class_in_closure("a")().m(), class_in_closure("b")().m())
def default_and_closure():
    x = "closure"
    def f(y=x):
        return y, x
    x = "changed"
    return f()
print(default_and_closure())
