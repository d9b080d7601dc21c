class Loop:
    def __getattr__(self, name):
        return getattr(self, "x" + name)
try:
    Loop().a
except RuntimeError:
    print("RuntimeError (recursion) from __getattr__")
def gen_rec():
    yield from gen_rec()
try:
    list(gen_rec())
except RuntimeError:
    print("RuntimeError (recursion) from generator")
l = []
for i in range(200):
    l = [l]
print(len(str(l)))
print("done")
