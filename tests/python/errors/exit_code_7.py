import sys
print("exit 7")

raise SystemExit(7)
