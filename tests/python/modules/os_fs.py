# os: directory and file operations through the port's file-system HAL.
import os

base = 'os_fs_tmp_dir'
if base in os.listdir('.'):
    for name in os.listdir(base):
        os.remove(base + '/' + name)
    os.rmdir(base)
os.mkdir(base)
print(os.path.isdir(base), os.listdir(base))
with open(base + '/a.txt', 'w') as f:
    f.write('hello')
os.rename(base + '/a.txt', base + '/b.txt')
print(sorted(os.listdir(base)), os.stat(base + '/b.txt').st_size, os.stat(base + '/b.txt')[6])
print(os.stat(base).st_mode & 0o170000 == 0o040000, os.stat(base + '/b.txt').st_mode & 0o170000 == 0o100000)
cwd = os.getcwd()
os.chdir(base)
print(os.getcwd() == cwd + '/' + base, os.listdir(), [e[0] for e in os.ilistdir()] if hasattr(os, 'ilistdir') else ['b.txt'])
os.chdir('..')
print(os.getcwd() == cwd)
for bad in [lambda: os.mkdir(base), lambda: os.rmdir(base), lambda: os.remove('nope.txt'), lambda: os.listdir('nope'),
            lambda: os.chdir('nope'), lambda: os.rename('nope', 'x')]:
    try:
        bad()
    except OSError as e:
        print('OSError', e.errno)
os.remove(base + '/b.txt')
os.rmdir(base)
print(base in os.listdir('.'), len(os.urandom(8)), type(os.urandom(0)).__name__)
