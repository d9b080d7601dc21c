try:
    print(undefined_variable)
except NameError as e:
    print("NameError", e)
def f():
    return missing_global
try:
    f()
except NameError as e:
    print("NameError", e)
def g():
    y = local_before_assign
    local_before_assign = 1
try:
    g()
except UnboundLocalError as e:
    print("UnboundLocalError", e)
def h():
    def inner():
        return free
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    free = 1
h()
try:
    del never_defined
except NameError as e:
    print("NameError", e)
