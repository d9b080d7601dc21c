try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("converted") from e
except ValueError as e:
    print(e, type(e.__cause__).__name__, e.__suppress_context__)
try:
    try:
        {}["x"]
    except KeyError:
        raise RuntimeError("implicit")
except RuntimeError as e:
    print(e, e.__cause__, type(e.__context__).__name__)
try:
    try:
        raise OSError("io")
    except OSError:
        raise TypeError("no ctx") from None
except TypeError as e:
    print(e, e.__cause__, e.__suppress_context__)
def reraise():
    try:
        raise IndexError("orig")
    except IndexError:
        raise
try:
    reraise()
except IndexError as e:
    print("re-raised", e)
try:
    raise
except RuntimeError as e:
    print("RuntimeError", e)
try:
    raise 5
except TypeError as e:
    print("TypeError", e)
try:
    raise ValueError("x") from 5
except TypeError as e:
    print("TypeError", e)
e = KeyError("stored")
try:
    raise e
except KeyError as caught:
    print(caught is e)
