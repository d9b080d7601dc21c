s = "Hello, World"
print(s.upper(), s.lower(), s.swapcase(), s.title(), "hello world".capitalize())
print(s.find("o"), s.find("o", 5), s.find("zz"), s.rfind("o"), s.index("W"), s.rindex("l"))
print(s.count("l"), s.count("l", 4), "aaaa".count("aa"), "abc".count(""))
print(s.startswith("Hell"), s.startswith(("x", "He")), s.endswith("ld"), s.startswith("o", 4))
print(s.replace("l", "L"), s.replace("l", "L", 2), "aaa".replace("a", "bb"), "ab".replace("", "-"))
print("  pad  ".strip(), "  pad  ".lstrip(), "  pad  ".rstrip(), "xxhixx".strip("x"), "abcba".strip("ab"))
print("a,b,,c".split(","), " a  b \t c\n".split(), "a b c".split(" ", 1), "a,b,c".rsplit(",", 1))
print("".split(), "".split(","), "abc".split("abc"), "x".rsplit())
print("l1\nl2\r\nl3".splitlines(), "a\nb\n".splitlines(True), "".splitlines())
print("-".join(["a", "b", "c"]), "".join([]), ", ".join("xyz"))
print("k=v=w".partition("="), "k=v=w".rpartition("="), "abc".partition("z"), "abc".rpartition("z"))
print("abc".center(9, "*"), "abc".ljust(6, "."), "abc".rjust(6), "42".zfill(5), "-42".zfill(5), "abc".center(2))
print("abc".isalpha(), "ab1".isalnum(), "123".isdigit(), "  ".isspace(), "ABC".isupper(), "abc".islower(), "Title Case".istitle(), "".isalpha())
print("12".isnumeric(), "x1".isidentifier(), "1x".isidentifier(), "12".isdecimal())
print("tab\there".expandtabs(), "a\tb".expandtabs(4))
print("hello".removeprefix("he"), "hello".removesuffix("lo"), "hello".removeprefix("x"))
print("MiXeD".lower().upper())
try:
    s.index("zz")
except ValueError as e:
    print("ValueError", e)
try:
    "a".join([1, 2])
except TypeError as e:
    print("TypeError", e)
try:
    "x".split("")
except ValueError as e:
    print("ValueError", e)
