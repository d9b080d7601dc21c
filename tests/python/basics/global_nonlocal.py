counter = 0
def inc():
    global counter
    counter += 1
inc(); inc()
print(counter)
def make_new_global():
    global fresh
    fresh = "created"
make_new_global()
print(fresh)
def outer():
    x = 0
    def bump():
        nonlocal x
        x += 1
        return x
    bump(); bump()
    return x, bump
v, b = outer()
print(v, b(), b())
def level1():
    a = 1
    def level2():
        def level3():
            nonlocal a
            a += 10
        level3()
        return a
    return level2()
print(level1())
x = "global"
def shadow():
    x = "local"
    def inner():
        return x
    return inner()
print(shadow(), x)
def read_global():
    return counter * 2
print(read_global())
def unbound():
    try:
        print(counter)
    except UnboundLocalError as e:
        print("UnboundLocalError")
    counter = 5
unbound()
print(issubclass(UnboundLocalError, NameError))
