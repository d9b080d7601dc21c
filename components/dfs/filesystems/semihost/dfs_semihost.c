/* ARM semihosting file system: the debugger's or emulator's host files (QEMU: relative to the
 * directory QEMU runs in) under a mount point. Semihosting has no directory listing and no
 * mkdir: opendir fails with ENOSYS, and `ls` says so. */
#include "dfs_file.h"
#include <cpuport.h>

#define SH_OPEN   0x01
#define SH_CLOSE  0x02
#define SH_WRITE  0x05
#define SH_READ   0x06
#define SH_SEEK   0x0A
#define SH_FLEN   0x0C
#define SH_REMOVE 0x0E
#define SH_RENAME 0x0F
#define SH_ERRNO  0x13

/* fopen()-style modes of SYS_OPEN. */
#define SH_MODE_RB  1
#define SH_MODE_RPB 3
#define SH_MODE_WB  5
#define SH_MODE_WPB 7

static int sh_errno(void)
{
    int err = (int)rt_hw_semihost_call(SH_ERRNO, RT_NULL);

    return err > 0 ? -err : -EIO;
}

/* Host name of a path inside the mount ("/a/b" -> "a/b"). */
static const char *sh_name(const char *path)
{
    return path[0] == '/' ? path + 1 : path;
}

static int sh_open_mode(const char *name, int mode)
{
    rt_uint32_t args[3] = {(rt_uint32_t)name, (rt_uint32_t)mode, rt_strlen(name)};
    int handle = (int)rt_hw_semihost_call(SH_OPEN, args);

    return handle < 0 ? sh_errno() : handle;
}

static void sh_close_handle(int handle)
{
    rt_uint32_t args[1] = {(rt_uint32_t)handle};

    rt_hw_semihost_call(SH_CLOSE, args);
}

static long sh_length(int handle)
{
    rt_uint32_t args[1] = {(rt_uint32_t)handle};
    int len = (int)rt_hw_semihost_call(SH_FLEN, args);

    return len < 0 ? sh_errno() : len;
}

/* Opens a host file the way DFS flags ask; returns a handle or a negative errno. */
static int sh_open_flags(const char *name, int flags)
{
    int acc = flags & O_ACCMODE, handle = sh_open_mode(name, SH_MODE_RB);

    if (handle >= 0 && (flags & O_CREAT) && (flags & O_EXCL)) {
        sh_close_handle(handle);
        return -EEXIST;
    }
    if (acc == O_RDONLY) {
        return handle;
    }
    if (handle >= 0) {
        sh_close_handle(handle);
        return sh_open_mode(name, (flags & O_TRUNC) ? SH_MODE_WPB : SH_MODE_RPB);
    }
    return (flags & O_CREAT) ? sh_open_mode(name, SH_MODE_WPB) : handle;
}

static int semihost_open(struct dfs_file *fd)
{
    struct dfs_vnode *vnode = fd->vnode;
    long len;
    int handle;

    if (fd->flags & O_DIRECTORY) {
        return -ENOSYS; /* semihosting has no directories: no listing, no mkdir */
    }
    handle = sh_open_flags(sh_name(vnode->path), fd->flags);
    if (handle < 0) {
        return handle;
    }
    len = sh_length(handle);
    vnode->data = (void *)(rt_ubase_t)handle;
    vnode->size = len > 0 ? (size_t)len : 0;
    return 0;
}

static int fd_handle(struct dfs_file *fd)
{
    return (int)(rt_ubase_t)fd->vnode->data;
}

static int semihost_close(struct dfs_file *fd)
{
    sh_close_handle(fd_handle(fd));
    return 0;
}

static int sh_seek(int handle, off_t pos)
{
    rt_uint32_t args[2] = {(rt_uint32_t)handle, (rt_uint32_t)pos};

    return (int)rt_hw_semihost_call(SH_SEEK, args) < 0 ? sh_errno() : 0;
}

static int semihost_read(struct dfs_file *fd, void *buf, size_t count)
{
    rt_uint32_t args[3] = {(rt_uint32_t)fd_handle(fd), (rt_uint32_t)buf, count};
    int r = sh_seek(fd_handle(fd), fd->pos);
    int left;

    if (r < 0) {
        return r;
    }
    left = (int)rt_hw_semihost_call(SH_READ, args); /* bytes NOT read */
    if (left < 0 || (size_t)left > count) {
        return -EIO;
    }
    fd->pos += (off_t)(count - (size_t)left);
    return (int)(count - (size_t)left);
}

static int semihost_write(struct dfs_file *fd, const void *buf, size_t count)
{
    rt_uint32_t args[3] = {(rt_uint32_t)fd_handle(fd), (rt_uint32_t)buf, count};
    int r = sh_seek(fd_handle(fd), fd->pos);

    if (r < 0) {
        return r;
    }
    if (rt_hw_semihost_call(SH_WRITE, args) != 0) { /* bytes NOT written */
        return sh_errno();
    }
    fd->pos += (off_t)count;
    if ((size_t)fd->pos > fd->vnode->size) {
        fd->vnode->size = (size_t)fd->pos;
    }
    return (int)count;
}

static int semihost_lseek(struct dfs_file *fd, off_t offset)
{
    fd->pos = offset;
    return (int)offset;
}

static int semihost_unlink(struct dfs_filesystem *fs, const char *path)
{
    const char *name = sh_name(path);
    rt_uint32_t args[2] = {(rt_uint32_t)name, rt_strlen(name)};

    return rt_hw_semihost_call(SH_REMOVE, args) == 0 ? 0 : sh_errno();
}

static int semihost_rename(struct dfs_filesystem *fs, const char *oldpath, const char *newpath)
{
    const char *from = sh_name(oldpath), *to = sh_name(newpath);
    rt_uint32_t args[4] = {(rt_uint32_t)from, rt_strlen(from), (rt_uint32_t)to, rt_strlen(to)};

    return rt_hw_semihost_call(SH_RENAME, args) == 0 ? 0 : sh_errno();
}

/* Only the mount point is known to be a directory; every openable name is a file. */
static int semihost_stat(struct dfs_filesystem *fs, const char *path, struct stat *st)
{
    int handle;
    long len;

    if (rt_strcmp(path, "/") == 0) {
        st->st_mode = S_IFDIR | 0755;
        return 0;
    }
    handle = sh_open_mode(sh_name(path), SH_MODE_RB);
    if (handle < 0) {
        return handle;
    }
    len = sh_length(handle);
    sh_close_handle(handle);
    st->st_mode = S_IFREG | 0644;
    st->st_size = len > 0 ? len : 0;
    return 0;
}

static int semihost_mount(struct dfs_filesystem *fs, unsigned long rwflag, const void *data)
{
    return rt_hw_semihost_present() ? 0 : -ENODEV;
}

static const struct dfs_file_ops semihost_fops = {
    .open = semihost_open,
    .close = semihost_close,
    .read = semihost_read,
    .write = semihost_write,
    .lseek = semihost_lseek,
};

static const struct dfs_filesystem_ops semihost_ops = {
    .name = "semihost",
    .fops = &semihost_fops,
    .mount = semihost_mount,
    .unlink = semihost_unlink,
    .stat = semihost_stat,
    .rename = semihost_rename,
};

int dfs_semihost_init(void)
{
    return dfs_register(&semihost_ops);
}
INIT_COMPONENT_EXPORT(dfs_semihost_init);
