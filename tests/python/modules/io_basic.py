# io: StringIO and BytesIO reading, writing, seeking and iteration.
import io

s = io.StringIO()
print(s.write('hello\n'), s.write('world\n'), s.tell(), repr(s.getvalue()))
s.seek(0)
print(repr(s.read(3)), repr(s.readline()), repr(s.readline()), repr(s.readline()), s.tell())
s = io.StringIO('a\nbb\nccc')
print([line for line in s], s.read(), repr(s.read(5)))
s.seek(0)
print(s.readlines(), s.seek(0, 2), s.seek(2), s.write('X'), repr(s.getvalue()))
print(s.truncate(3), repr(s.getvalue()), s.tell(), s.readable(), s.writable(), s.seekable())
s.seek(10)
s.write('!')
print(repr(s.getvalue()))
s = io.StringIO('line1\nline2\n')
print(s.readline(3), repr(s.readline(10)), s.readlines())
with io.StringIO('ctx') as f:
    print(f.read(), f.closed)
print(f.closed)
try:
    f.read()
except ValueError as e:
    print('ValueError', e)
b = io.BytesIO(b'\x00\x01\x02abc')
print(b.read(2), b.tell(), b.read(), b.seek(-2, 2), b.read(), b.seek(1, 0), b.seek(1, 1), b.read(1))
b = io.BytesIO()
print(b.write(b'xyz'), b.write(bytearray(b'12')), b.getvalue(), b.seek(1), b.write(b'Q'), b.getvalue())
b.writelines([b'a', b'b'])
print(b.getvalue(), io.BytesIO(b'1\n2\n').readlines(), list(io.BytesIO(b'x\ny')))
for bad in [lambda: io.StringIO().write(b'x'), lambda: io.BytesIO().write('x'), lambda: io.StringIO('x').seek(1, 1),
            lambda: io.StringIO().seek(-1), lambda: io.BytesIO().seek(0, 5),
            lambda: io.BytesIO().seek(-1), lambda: io.BytesIO().truncate(-1), lambda: io.StringIO().truncate(-1)]:
    try:
        bad()
    except (TypeError, ValueError, OSError) as e:
        print(type(e).__name__, e)
u = io.StringIO('héllo wörld €')
print(u.read(3), u.tell(), u.read(4), u.tell(), u.seek(7), u.read(), u.tell(), u.seek(0, 2))
u.seek(2)
u.write('EE')
print(repr(u.getvalue()), u.tell(), u.truncate(5), repr(u.getvalue()), u.tell())
print(io.StringIO('€€€').readline(2), len(io.StringIO('ab€').read()))
