# args: one "two words" --three
import sys
print(sys.argv)
print(len(sys.argv), sys.argv[1:])
