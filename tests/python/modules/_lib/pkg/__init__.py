print("pkg init")
PKG_NAME = "pkg"
from .helpers import helper_fn
