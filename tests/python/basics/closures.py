def make_counter():
    count = 0
    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc
c1 = make_counter()
c2 = make_counter()
print(c1(), c1(), c1(5), c2())
def adders():
    return [lambda x, n=n: x + n for n in range(3)]
print([a(1) for a in adders()])
def outer():
    x = 1
    def mid():
        def inner():
            return x
        return inner
    x = 2
    return mid()()
print(outer())
def shared():
    v = []
    def push(x):
        v.append(x)
    def get():
        return list(v)
    return push, get
push, get = shared()
push(1); push(2)
print(get())
def late():
    fns = []
    for i in range(3):
        def f():
            return i
        fns.append(f)
    return [f() for f in fns]
print(late())
def closure_in_class():
    val = "captured"
    class K:
        def m(self):
            return val
        attr = val
    return K().m(), K.attr
print(closure_in_class())
