# check: stderr
class Halt(Exception):
    pass
def gen():
    yield 1
    raise Halt
for v in gen():
    print(v)
