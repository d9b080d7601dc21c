from ..helpers import helper_fn
from . import SUB
def leaf():
    return helper_fn("leaf") + " / " + SUB
