print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "x", "" or [] or 0)
print(not 1, not 0, not [], not [0], not None)
print([] and 1, [1] and [2])
calls = []
def t(v):
    calls.append(v)
    return v
t(0) and t(1)
t(1) or t(2)
t(0) or t(3) and t(0)
print(calls)
print(True + True, True * 10, False - 1)
print(True == 1, False == 0, True is not 1)
print(isinstance(True, int), type(True).__name__)
print(repr(True), str(False), int(True), float(True))
print(True & False, True | False, True ^ True, ~True)
print(type(True & True).__name__, type(True + 0).__name__)
