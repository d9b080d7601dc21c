import binascii
print(binascii.hexlify(b"\x01\xab\xff"), binascii.unhexlify("01abff"), binascii.unhexlify(b"4142"))
print(binascii.b2a_base64(b"hello"), binascii.a2b_base64(b"aGVsbG8="), binascii.b2a_base64(b""))
print(binascii.crc32(b"hello"), binascii.crc32(b""), binascii.crc32(b"world", binascii.crc32(b"hello ")) == binascii.crc32(b"hello world"))
print(binascii.hexlify(bytes(range(4))))
try:
    binascii.unhexlify("abc")
except (ValueError, binascii.Error):
    print("error odd-length")
for n in range(5):
    enc = binascii.b2a_base64(b"x" * n)
    print(enc, binascii.a2b_base64(enc))
