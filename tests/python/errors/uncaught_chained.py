# check: stderr
try:
    {}["k"]
except KeyError as e:
    raise RuntimeError("while handling") from e
