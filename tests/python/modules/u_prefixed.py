# MicroPython's u-prefixed module names (CPython has none: see .exp)
import ujson, ustruct, ucollections, uio, ubinascii, urandom, uheapq, uerrno, ure, utime, uos, uarray
import json, struct
print(ujson.dumps([1, "a"]), ustruct.pack("<H", 1), ustruct.calcsize("<I"))
print(ucollections.namedtuple("P", "a b")(1, 2)[1], uio.StringIO("x").read(), ubinascii.hexlify(b"\x0f"))
print(0 <= urandom.getrandbits(4) < 16, ure.match("a+", "aab").group(), uerrno.ENOENT == 2)
h = []
uheapq.heappush(h, 3)
uheapq.heappush(h, 1)
print(uheapq.heappop(h), list(uarray.array("b", [1, 2])), type(utime.time()).__name__ in ("int", "float"), type(uos.getcwd()).__name__)
print(ujson.loads("[2]") == json.loads("[2]"), ustruct.pack("<i", -1) == struct.pack("<i", -1))
