import sys
sys.path.insert(0, "_lib")
import pkg
print(pkg.PKG_NAME, pkg.helper_fn(1))
import pkg.sub.leaf
print(pkg.sub.leaf.leaf(), pkg.sub.SUB)
from pkg.sub import leaf
print(leaf.leaf())
from pkg.sub.leaf import leaf as leaf_fn
print(leaf_fn())
from pkg import helpers
print(helpers.helper_fn("direct"))
import pkg.helpers as h
print(h is helpers, "pkg.sub" in sys.modules, "pkg.sub.leaf" in sys.modules)
