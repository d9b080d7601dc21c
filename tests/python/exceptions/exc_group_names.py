errors = []
def attempt(fn):
    try:
        fn()
    except Exception as e:
        errors.append(type(e).__name__)
attempt(lambda: 1 / 0)
attempt(lambda: [][0])
attempt(lambda: {}["k"])
attempt(lambda: int("x"))
attempt(lambda: "a" + 1)
attempt(lambda: undefined_name)
attempt(lambda: None.attr)
attempt(lambda: next(iter([])))
attempt(lambda: [].pop())
attempt(lambda: 2.0 ** 5000)
attempt(lambda: (_ for _ in ()).throw(NotImplementedError))
attempt(lambda: chr(-1))
attempt(lambda: exec("def"))
print(errors)
