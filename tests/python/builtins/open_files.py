import os
name = "/tmp/rtpy_pytest_open_files.txt"
with open(name, "w") as f:
    n = f.write("line one\n")
    f.write("line two\n")
    print("third", file=f)
print(n)
with open(name) as f:
    print(repr(f.read()))
with open(name) as f:
    print(repr(f.readline()), repr(f.readline()))
    print([l.rstrip() for l in f])
with open(name, "a") as f:
    f.write("appended")
with open(name, "r") as f:
    print(f.read().splitlines())
with open(name, "wb") as f:
    f.write(b"\x00\x01\xffbin")
with open(name, "rb") as f:
    data = f.read()
print(data, type(data).__name__)
with open(name, "rb") as f:
    print(f.read(2), f.read(1), f.read())
f = open(name)
f.close()
try:
    f.read()
except ValueError:
    print("ValueError read closed")
os.remove(name)
try:
    open(name)
except OSError as e:
    print("OSError", isinstance(e, OSError))
