# errno: common constants and the errorcode table.
import errno

for name in ['EPERM', 'ENOENT', 'EIO', 'EBADF', 'EAGAIN', 'ENOMEM', 'EACCES', 'EEXIST', 'ENODEV',
             'ENOTDIR', 'EISDIR', 'EINVAL', 'ENOSPC', 'EROFS', 'EPIPE', 'ERANGE', 'ENOSYS',
             'ENOTEMPTY', 'ETIMEDOUT', 'ECONNRESET', 'ECONNREFUSED', 'EINPROGRESS', 'EALREADY',
             'EOPNOTSUPP', 'EADDRINUSE', 'EHOSTUNREACH', 'ENOTCONN', 'ENOBUFS', 'ECONNABORTED']:
    n = getattr(errno, name)
    print(name, n, errno.errorcode[n])
print(errno.EWOULDBLOCK == errno.EAGAIN, errno.errorcode[errno.EWOULDBLOCK], errno.ENOTSUP)
try:
    open('/definitely/not/here.txt')
except OSError as e:
    print(e.errno == errno.ENOENT, errno.errorcode[e.errno])
