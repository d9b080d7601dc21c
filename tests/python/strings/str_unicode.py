s = "naïve café 日本 ☺"
print(len(s), s.split(), s[6:10], s[-1], s.find("日"), s.index("☺"))
enc = s.encode("utf-8")
print(len(enc), enc[:6], enc.decode("utf-8") == s)
print([hex(ord(c)) for c in "aé日☺"])
print("\u00e9" == "é", "\U0001F600" == chr(0x1F600), len("\U0001F600"), len("\U0001F600".encode()))
print("é" * 3, "日".join("ab"), "x☺y".replace("☺", "-"), "日本語".startswith("日"))
print(sorted("éaz日"), "é" < "日", "a" < "é")
try:
    b"\xff".decode("utf-8")
except UnicodeError as e:
    print("UnicodeError")
print(chr(0x10FFFF) == "\U0010ffff")
try:
    chr(0x110000)
except ValueError as e:
    print("ValueError", e)
