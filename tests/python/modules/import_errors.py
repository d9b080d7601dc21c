import sys
sys.path.insert(0, "_lib")
try:
    import no_such_module_anywhere
except ImportError as e:
    print("ImportError", isinstance(e, ImportError))
try:
    from mymod import does_not_exist
except ImportError as e:
    print("ImportError from-import", type(e).__name__)
try:
    import raises_on_import
except ValueError as e:
    print("ValueError", e)
print("raises_on_import" in sys.modules)
try:
    import pkg.nonexistent
except ImportError:
    print("ImportError for missing submodule")
