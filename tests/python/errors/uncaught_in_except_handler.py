# check: stderr
try:
    raise ValueError("first")
except ValueError:
    print("handling")
    [][0]
