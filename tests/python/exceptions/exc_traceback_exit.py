# check: stderr
print("before")
def fail():
    raise ValueError("uncaught error message")
fail()
print("never")
