pairs = [
    (ZeroDivisionError, ArithmeticError), (OverflowError, ArithmeticError), (ArithmeticError, Exception),
    (KeyError, LookupError), (IndexError, LookupError), (LookupError, Exception),
    (ValueError, Exception), (UnicodeError, ValueError), (TypeError, Exception),
    (NameError, Exception), (UnboundLocalError, NameError), (AttributeError, Exception),
    (RuntimeError, Exception), (NotImplementedError, RuntimeError), (RecursionError, RuntimeError),
    (StopIteration, Exception), (StopAsyncIteration, Exception), (GeneratorExit, BaseException),
    (KeyboardInterrupt, BaseException), (SystemExit, BaseException), (Exception, BaseException),
    (OSError, Exception), (ImportError, Exception), (AssertionError, Exception), (MemoryError, Exception),
    (SyntaxError, Exception), (IndentationError, SyntaxError), (EOFError, Exception),
]
for sub, sup in pairs:
    print(sub.__name__, sup.__name__, issubclass(sub, sup))
print(issubclass(GeneratorExit, Exception), issubclass(SystemExit, Exception), issubclass(KeyboardInterrupt, Exception))
print(isinstance(ValueError("x"), Exception), isinstance(ValueError, type))
