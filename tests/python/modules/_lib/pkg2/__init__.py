__all__ = ["exported", "also"]
exported = "exported value"
also = "also exported"
not_exported = "not in __all__"
