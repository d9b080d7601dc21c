# messages are checked where they are part of the language; float power
# overflow messages come from the C library, so only the type is printed
with_msg = [lambda: float(10 ** 400), lambda: int(float("inf")), lambda: round(float("inf")),
            lambda: (10 ** 400) / 1.0, lambda: 3.0 * 10 ** 400, lambda: (255).to_bytes(0, "big")]
type_only = [lambda: 2.0 ** 2000, lambda: 2.0 ** 1e5, lambda: 10.0 ** 400]
for f in with_msg:
    try:
        print("no error", f())
    except OverflowError as e:
        print("OverflowError", e)
for f in type_only:
    try:
        print("no error", f())
    except OverflowError:
        print("OverflowError")
