# from-import of a submodule that the package's __init__ does not import itself
import sys
sys.path.insert(0, "_lib")
from pkg3 import child
print(child.CHILD)
import pkg3
print(pkg3.child is child, pkg3.sibling.SIB, "pkg3.sibling" in sys.modules)
from pkg3 import sibling as sb, NAME
print(sb.SIB, NAME)
