# check: stderr
print("start")
x = "a" + 1
