# rtpy: -X heapsize=32k
# single allocations larger than the whole heap raise MemoryError
def attempt(name, fn):
    try:
        fn()
        print(name, "allocated?!")
    except MemoryError:
        print(name, "MemoryError")
attempt("str", lambda: "x" * 1000000)
attempt("bytes", lambda: bytes(1000000))
attempt("bytearray", lambda: bytearray(500000))
attempt("list", lambda: [0] * 1000000)
attempt("range list", lambda: list(range(100000)))
attempt("bigint", lambda: 7 ** 1000000)
s = "still " + "alive"
print(s, len([i for i in range(100)]))
