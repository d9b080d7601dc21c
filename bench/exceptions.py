# exceptions: raising, catching, finally, custom classes
class AppError(Exception):
    pass
class Detail(AppError):
    def __init__(self, code):
        self.code = code
def check(i):
    if i % 7 == 0:
        raise Detail(i)
    if i % 5 == 0:
        raise KeyError(i)
    return i
def run(n):
    total = 0
    cleanups = 0
    for i in range(n):
        try:
            try:
                total += check(i)
            finally:
                cleanups += 1
        except AppError as e:
            total -= e.code
        except LookupError:
            total += 1
    d = {}
    for i in range(n // 2):
        try:
            total += d[i]
        except KeyError:
            d[i] = i
    return total + cleanups + len(d)
print(run(50000))
