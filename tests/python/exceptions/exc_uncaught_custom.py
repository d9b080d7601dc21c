# check: stderr
class MyError(Exception):
    pass
print("start")
raise MyError("custom", 42)
