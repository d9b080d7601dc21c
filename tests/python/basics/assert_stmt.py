assert True
assert 1 == 1, "never shown"
try:
    assert 1 == 2
except AssertionError as e:
    print("AssertionError", repr(e.args))
try:
    assert False, "custom message"
except AssertionError as e:
    print("AssertionError", e)
try:
    assert [], ("tuple", 1)
except AssertionError as e:
    print(e.args)
def check(x):
    assert x > 0, "x=%d" % x
    return x
print(check(3))
try:
    check(-1)
except AssertionError as e:
    print(e)
