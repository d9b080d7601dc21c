import sys
print(type(sys.argv).__name__, len(sys.argv) >= 1, sys.argv[0].endswith("sys_module.py"))
print(type(sys.path).__name__, type(sys.modules).__name__, "sys" in sys.modules)
print(sys.byteorder in ("little", "big"), type(sys.maxsize).__name__, sys.maxsize >= 2 ** 31 - 1)
print(sys.version_info[0], sys.version_info.major, type(sys.implementation.name).__name__)
print(hasattr(sys.stdout, "write"), hasattr(sys.stderr, "write"), hasattr(sys.stdin, "read"))
n = sys.stdout.write("written\n")
print(n)
print(callable(sys.exit), type(sys.platform).__name__)
