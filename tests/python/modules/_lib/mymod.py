"""helper module for import tests"""
print("mymod executing")
VALUE = 42
_private = "hidden"
counter = 0
def bump():
    global counter
    counter += 1
    return counter
class Thing:
    def __init__(self, n):
        self.n = n
    def double(self):
        return self.n * 2
