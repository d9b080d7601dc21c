import sys
sys.path.insert(0, "_lib")
from starmod import *
print(public, func())
try:
    _private
except NameError:
    print("_private not imported")
from pkg2 import *
print(exported, also)
try:
    not_exported
except NameError:
    print("not_exported not imported")
