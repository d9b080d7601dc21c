# stdin is empty (the runner connects it to /dev/null)
# board: skip
import sys
try:
    line = input()
    print("read", repr(line))
except EOFError:
    print("EOFError")
try:
    input("prompt> ")
except EOFError:
    print()
    print("EOFError after prompt")
print(repr(sys.stdin.read()))
print(repr(sys.stdin.readline()))
