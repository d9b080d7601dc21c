# binascii: hex, base64 and crc32 round trips and errors.
import binascii

for data in [b"", b"a", b"ab", b"abc", b"abcd", bytes(range(256))[:40], b"\x00\xff\x10"]:
    h = binascii.hexlify(data)
    b = binascii.b2a_base64(data)
    print(h, binascii.unhexlify(h) == data, b, binascii.a2b_base64(b) == data,
          binascii.crc32(data), binascii.b2a_base64(data, newline=False))
print(binascii.hexlify(b"\x01\x02\x03", "-"), binascii.unhexlify("4142"), binascii.a2b_hex(b"ff00"))
print(binascii.a2b_base64(b"YWJj\nZGVm"), binascii.a2b_base64("YQ=="), binascii.crc32(b"world", binascii.crc32(b"hello ")))
print(binascii.crc32(b"hello world"), binascii.crc32(b"x", 0xffffffff))
for bad in [b"abc", b"zz"]:
    try:
        binascii.unhexlify(bad)
    except ValueError as e:
        print("ValueError", e)
for bad in [b"YQ", b"YWJjZ", b"YQ="]:
    try:
        binascii.a2b_base64(bad)
    except ValueError as e:
        print("ValueError", e)
