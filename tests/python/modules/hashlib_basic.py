# hashlib: sha256/sha512 digests, incremental updates, copies; random.seed(str).
import hashlib, random

for data in [b'', b'abc', b'a' * 1000, bytes(range(256))]:
    print(hashlib.sha256(data).hexdigest(), hashlib.sha512(data).hexdigest()[:64])
h = hashlib.sha256()
h.update(b'hello ')
c = h.copy()
h.update(b'world')
print(h.hexdigest(), c.hexdigest(), h.digest()[:4], h.name, h.digest_size, h.block_size)
print(hashlib.new('sha512', b'x').hexdigest()[:32], hashlib.sha256(bytearray(b'xyz')).hexdigest()[:16])
try:
    hashlib.sha256('text')
except TypeError as e:
    print('TypeError', e)
for s in ['hello', 'é€', b'bytes', '']:
    random.seed(s)
    print(repr(s), random.random(), random.getrandbits(16))
