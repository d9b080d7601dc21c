import sys
sys.path.insert(0, "_lib")
def use():
    import mymod
    from mymod import VALUE
    return mymod.VALUE + VALUE
print(use(), use())
try:
    mymod
except NameError:
    print("mymod not global")
def dunder():
    m = __import__("mymod")
    return m.VALUE
print(dunder())
