from . import NAME
from .sibling import SIB
CHILD = "child of " + NAME + " with " + SIB
