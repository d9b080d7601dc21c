import os
print(type(os.getcwd()).__name__, "os_module.py" in os.listdir("."), "os_module.py" in os.listdir())
st = os.stat("os_module.py")
print(st[6] > 0, st.st_size == st[6])
print(os.sep)
try:
    os.stat("no_such_file_here")
except OSError as e:
    print("OSError", e.errno)
