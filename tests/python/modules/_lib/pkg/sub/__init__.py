from .. import PKG_NAME
SUB = "sub of " + PKG_NAME
