print([chr(i) for i in range(65, 70)], [ord(c) for c in "AZaz09"])
print(chr(0), repr(chr(0)), chr(127) == "\x7f", ord(chr(1000)), chr(0x1F600) == "\U0001F600")
for bad in (-1, 0x110000):
    try:
        chr(bad)
    except ValueError:
        print("ValueError", bad)
for bad in ("", "ab"):
    try:
        ord(bad)
    except TypeError:
        print("TypeError", repr(bad))
print(ord(b"A"), ord(bytearray(b"z")))
try:
    chr("a")
except TypeError:
    print("TypeError chr(str)")
