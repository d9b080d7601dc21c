x = 1
def read():
    return x
def local_only():
    x = 2
    return x
print(read(), local_only(), x)
def nested():
    a = "enclosing"
    def inner():
        return a
    return inner()
print(nested())
print(len("builtin"))
len = lambda s: 42
print(len("shadowed"))
del len
print(len("restored"))
def params_are_local(x):
    x = x + 1
    return x
print(params_are_local(5), x)
for loopvar in range(3):
    pass
print(loopvar)
class C:
    x = "class attr"
    def m(self):
        return x
print(C().m(), C.x)
def default_eval_time(v=x):
    return v
x = 99
print(default_eval_time())
