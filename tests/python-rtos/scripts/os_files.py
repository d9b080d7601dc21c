# os and open() over the file system; import from /lib.
import os
import sys

os.mkdir("/d")
with open("/d/a.txt", "w") as f:
    f.write("line one\nline two\n")
print(os.listdir("/d"), os.stat("/d/a.txt")[6], os.stat("/d")[0] == 0x4000)
with open("/d/a.txt") as f:
    print(f.read())
for line in open("/d/a.txt"):
    print(repr(line))
with open("/d/a.txt", "a") as f:
    f.write("three\n")
with open("/d/a.txt", "rb") as f:
    print(f.read())
buf = bytearray(4)
with open("/d/a.txt", "rb") as f:
    print(f.readinto(buf), buf, f.read(5))
os.rename("/d/a.txt", "/d/b.txt")
print(os.listdir("/d"), [e[:2] for e in os.ilistdir("/d")])
os.chdir("/d")
print(os.getcwd(), open("b.txt").read(4))
os.chdir("/")
os.remove("/d/b.txt")
os.rmdir("/d")
try:
    os.rmdir("/nope")
except OSError as e:
    print("OSError", e.args[0])
try:
    open("/nope/x")
except OSError as e:
    print("OSError", e.args[0])
print(os.uname()[0], sys.platform)
os.mkdir("/r")
os.mount("ram", "/r", 4096)
with open("/r/x", "w") as f:
    f.write("1")
print(os.listdir("/r"), os.statvfs("/r")[0])
os.umount("/r")
print(os.listdir("/r"))
os.rmdir("/r")
os.mkdir("/lib")
with open("/lib/mymod.py", "w") as f:
    f.write("X = 5\n")
import mymod

print(mymod.X, sys.path)
os.remove("/lib/mymod.py")
os.rmdir("/lib")
