import sys
print("raising SystemExit(0) inside try/finally")
try:
    sys.exit(0)
finally:
    print("finally runs on exit")
