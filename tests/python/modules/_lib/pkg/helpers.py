def helper_fn(x):
    return "helped %s" % (x,)
