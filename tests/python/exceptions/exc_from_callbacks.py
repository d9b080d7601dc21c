class Boom(Exception):
    pass
def bad_key(x):
    if x == 3:
        raise Boom("key fn")
    return x
for name, fn in [
    ("sorted key", lambda: sorted([5, 3, 1], key=bad_key)),
    ("list.sort key", lambda: [3, 1].sort(key=bad_key)),
    ("max key", lambda: max([1, 3], key=bad_key)),
    ("map", lambda: list(map(bad_key, [1, 3]))),
    ("filter", lambda: list(filter(bad_key, [3]))),
    ("genexp", lambda: sum(bad_key(x) for x in range(5))),
    ("listcomp", lambda: [bad_key(x) for x in range(5)]),
]:
    try:
        fn()
        print(name, "no error")
    except Boom as e:
        print(name, "Boom", e)
class BadEq:
    def __hash__(self):
        return 1
    def __eq__(self, o):
        raise Boom("eq")
d = {BadEq(): 1}
try:
    d[BadEq()]
except Boom as e:
    print("dict lookup", e)
class BadRepr:
    def __repr__(self):
        raise Boom("repr")
try:
    print([BadRepr()])
except Boom as e:
    print("print repr", e)
class BadIter:
    def __iter__(self):
        raise Boom("iter")
try:
    for x in BadIter():
        pass
except Boom as e:
    print("for iter", e)
class BadLen:
    def __len__(self):
        raise Boom("len")
try:
    bool(BadLen())
except Boom as e:
    print("bool len", e)
class BadInit:
    def __init__(self):
        raise Boom("init")
try:
    BadInit()
except Boom as e:
    print("init", e)
class BadExitCM:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise Boom("exit")
try:
    with BadExitCM():
        pass
except Boom as e:
    print("exit", e)
