# a lot of output: buffering must not lose or reorder anything
import sys
for i in range(20000):
    print(i, "x" * (i % 13))
sys.stdout.write("via write\n")
print("".join(str(i % 10) for i in range(50000)))
print("end")
