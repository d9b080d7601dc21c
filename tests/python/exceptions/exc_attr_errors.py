class A:
    x = 1
try:
    A().y
except AttributeError as e:
    print("AttributeError", e)
try:
    A.z
except AttributeError as e:
    print("AttributeError", e)
try:
    (1).foo
except AttributeError as e:
    print("AttributeError", e)
try:
    "s".bar()
except AttributeError as e:
    print("AttributeError", e)
try:
    [].nope = 1
except AttributeError as e:
    print("AttributeError", e)
import sys
try:
    sys.no_such_attr
except AttributeError as e:
    print("AttributeError", e)
