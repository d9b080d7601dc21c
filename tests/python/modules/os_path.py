# os.path: the posixpath string functions, and exists/isfile/isdir.
import os

p = os.path
for x in ['a/b/c.txt', '/a/b/', '/', '', 'a', '.bashrc', 'a/.b.c', 'a//b', '//a', '///a', 'a/b/../c/./d',
          '../x', '/../x', 'a/../../b', './', 'a/b/..', 'x.tar.gz', '..', 'a/..b', '...']:
    print(repr(x), p.split(x), p.basename(x), repr(p.dirname(x)), p.splitext(x), p.isabs(x), repr(p.normpath(x)))
print(p.join('a', 'b', '/c', 'd'), p.join('a/', 'b'), p.join('', 'x'), p.join('a', ''), p.join('/'), p.join(b'a', b'b'))
print(p.exists('os_path.py'), p.isfile('os_path.py'), p.isdir('os_path.py'), p.exists('nope'), p.isdir('.'), p.getsize('os_path.py') > 0)
