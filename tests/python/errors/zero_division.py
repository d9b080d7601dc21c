for f in [lambda: 1 / 0, lambda: 1 // 0, lambda: 1 % 0, lambda: 1.0 / 0, lambda: 1 / 0.0, lambda: 1.5 // 0.0, lambda: 2.0 % 0.0,
          lambda: divmod(5, 0), lambda: divmod(5.0, 0.0), lambda: 0 ** -1, lambda: 0.0 ** -1, lambda: (2 ** 80) // 0, lambda: (2 ** 80) % 0, lambda: 1j / 0]:
    try:
        f()
    except ZeroDivisionError as e:
        print("ZeroDivisionError", e)
