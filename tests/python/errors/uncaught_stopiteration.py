# check: stderr
it = iter([])
next(it)
