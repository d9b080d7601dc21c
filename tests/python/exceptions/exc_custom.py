class AppError(Exception):
    pass
class NotFound(AppError):
    def __init__(self, what):
        super().__init__("not found: " + what)
        self.what = what
class Invalid(AppError, ValueError):
    pass
def lookup(k):
    if k == "bad":
        raise Invalid("invalid key")
    if k != "ok":
        raise NotFound(k)
    return 1
for k in ["ok", "x", "bad"]:
    try:
        print(lookup(k))
    except NotFound as e:
        print("NotFound", e, e.what)
    except ValueError as e:
        print("ValueError branch", type(e).__name__, e, isinstance(e, AppError))
try:
    raise NotFound("y")
except AppError as e:
    print("AppError catches", e.args)
class WithAttr(Exception):
    code = 7
try:
    raise WithAttr
except WithAttr as e:
    print(e.code, e.args)
class NotAnException:
    pass
try:
    raise NotAnException()
except TypeError as e:
    print("TypeError", e)
try:
    try:
        raise AppError("x")
    except (NotFound, KeyError):
        print("no")
except AppError:
    print("propagated past tuple")
