import struct
print(struct.pack("<I", 1), struct.pack(">I", 1), struct.pack("<h", -2), struct.pack(">H", 65535), struct.pack("<b", -1), struct.pack("B", 255))
print(struct.pack("<q", -(2 ** 63)), struct.pack(">Q", 2 ** 64 - 1), struct.pack("<f", 1.5), struct.pack(">d", -2.0))
print(struct.unpack("<I", b"\x01\x00\x00\x00"), struct.unpack(">hh", b"\xff\xfe\x00\x01"), struct.unpack("<d", struct.pack("<d", 3.25)))
print(struct.calcsize("<I"), struct.calcsize("<IHB"), struct.calcsize("<5s"), struct.calcsize(">q"), struct.calcsize("<2H"))
print(struct.pack("<3s", b"abcdef"), struct.pack("<5s", b"ab"), struct.unpack("<2s", b"xy"), struct.pack("<2H", 1, 2))
print(struct.pack("<?", True), struct.unpack("<?", b"\x00"), struct.pack("<x"))
buf = bytearray(8)
struct.pack_into("<HH", buf, 2, 0x1234, 0xABCD)
print(buf, struct.unpack_from("<H", buf, 4), struct.unpack_from(">I", buf))
print(struct.pack("<iI", -1, 1), struct.unpack("<iI", b"\xff\xff\xff\xff\x01\x00\x00\x00"))
for bad in [lambda: struct.pack("<B", 256), lambda: struct.pack("<b", 128), lambda: struct.unpack("<I", b"\x00"), lambda: struct.pack("<I")]:
    try:
        bad()
    except struct.error:
        print("struct.error")
