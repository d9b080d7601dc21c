s = "python"
print(s[0], s[-1], s[1:4], s[::-1], s[::2], s[-3:], s[10:], len(s))
print("py" in s, "x" not in s, "" in s, s + "3", s * 2, 0 * s, "-" * 5)
print("a" < "b", "abc" < "abd", "Z" < "a", "" < "a", "ab" < "abc", "b" > "abc")
print(ord("A"), chr(97), ord("é"), chr(0x263A), ord("\n"))
print("multi\nline", 'quote\'s', "tab\tsep", "back\\slash", "\x41\u00e9\101")
print("""triple
quoted""", '''single triple''')
print("con" "cat" 'enation')
print(r"\n raw", R"\t", len(r"\n"))
try:
    s[0] = "P"
except TypeError:
    print("TypeError immutable")
try:
    s[10]
except IndexError as e:
    print("IndexError", e)
print(str(), str(123), str(b"ab", "ascii"), str(b"\xc3\xa9", "utf-8"))
print(hash("abc") == hash("ab" + "c"), "abc" == "ab" + "c", "a" is not None)
for ch in "héllo":
    print(ch, end="|")
print()
print(list(map(ord, "ab")), "".join(map(chr, [104, 105])))
print(min("hello"), max("hello"), sorted("banana"))
print("é".encode("utf-8"), len("é"), len("é".encode()), "日本語"[1], len("日本語"))
print("日本語"[::-1], "aé日"[1:], "x日y".find("y"), "日本".upper())
