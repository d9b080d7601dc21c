import errno
print(errno.ENOENT, errno.EEXIST, errno.EINVAL, errno.EAGAIN, errno.ENOMEM, errno.EBADF, errno.EACCES)
print(errno.errorcode[errno.ENOENT], errno.errorcode[errno.EINVAL])
try:
    open("/definitely/not/here.txt")
except OSError as e:
    print(e.errno == errno.ENOENT, e.args[0] == errno.ENOENT)
