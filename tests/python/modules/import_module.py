import sys
sys.path.insert(0, "_lib")
import mymod
print(mymod.VALUE, mymod.bump(), mymod.bump(), mymod.Thing(4).double(), mymod.__name__)
import mymod as mm
print(mm is mymod, mm.counter)
from mymod import VALUE, bump as b2, Thing
print(VALUE, b2(), Thing(1).n)
import mymod
print("imported once", "mymod" in sys.modules, sys.modules["mymod"] is mymod)
import modname
print(modname.NAME, modname.is_main(), __name__)
