# escaping of non-printable characters and Unicode whitespace (needs Unicode tables)
print(repr("\x80\x9f"), repr("\xa0"), repr("\u2028\u200b"), repr("\ufeff"), repr("é\u0301"))
print(repr("a\u3000".strip()), "\u2003x\u2003".strip(), "a\u00a0b".split(), "\u3000".isspace())
