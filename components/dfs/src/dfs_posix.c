/* POSIX file calls over the DFS file layer (see dfs_posix.h for the naming). */
#include "dfs_posix.h"
#include "dfs_private.h"

int dfs_open(const char *file, int flags, ...)
{
    int fd = fd_new();
    int result;

    if (fd < 0) {
        return dfs_fail(-fd);
    }
    result = dfs_file_open(fd_get(fd), file, flags);
    if (result < 0) {
        fd_release(fd);
        return dfs_fail(-result);
    }
    return fd;
}

int dfs_close(int fd)
{
    int result = dfs_file_close(fd_get(fd));

    if (result == -EBADF) {
        return dfs_fail(EBADF);
    }
    fd_release(fd); /* the descriptor is gone even if the file system reported an error */
    return dfs_posix_result(result);
}

ssize_t dfs_read(int fd, void *buf, size_t len)
{
    return dfs_posix_result(dfs_file_read(fd_get(fd), buf, len));
}

ssize_t dfs_write(int fd, const void *buf, size_t len)
{
    return dfs_posix_result(dfs_file_write(fd_get(fd), buf, len));
}

off_t dfs_lseek(int fd, off_t offset, int whence)
{
    struct dfs_file *file = fd_get(fd);

    if (file == RT_NULL || file->vnode == RT_NULL) {
        return dfs_fail(EBADF);
    }
    switch (whence) {
    case SEEK_SET: break;
    case SEEK_CUR: offset += file->pos; break;
    case SEEK_END: offset += (off_t)file->vnode->size; break;
    default: return dfs_fail(EINVAL);
    }
    return dfs_posix_result(dfs_file_lseek(file, offset));
}

int dfs_fsync(int fd)
{
    return dfs_posix_result(dfs_file_flush(fd_get(fd)));
}

int dfs_stat(const char *file, struct stat *buf)
{
    return dfs_posix_result(dfs_file_stat(file, buf));
}

int dfs_fstat(int fd, struct stat *buf)
{
    struct dfs_file *file = fd_get(fd);

    if (file == RT_NULL || file->vnode == RT_NULL) {
        return dfs_fail(EBADF);
    }
    return dfs_stat(file->vnode->fullpath, buf);
}

int dfs_unlink(const char *pathname)
{
    struct stat st;

    if (dfs_stat(pathname, &st) < 0) {
        return -1;
    }
    if (S_ISDIR(st.st_mode)) {
        return dfs_fail(EISDIR);
    }
    return dfs_posix_result(dfs_file_unlink(pathname));
}

int dfs_rmdir(const char *path)
{
    struct stat st;

    if (dfs_stat(path, &st) < 0) {
        return -1;
    }
    if (!S_ISDIR(st.st_mode)) {
        return dfs_fail(ENOTDIR);
    }
    return dfs_posix_result(dfs_file_unlink(path));
}

int dfs_rename(const char *oldpath, const char *newpath)
{
    return dfs_posix_result(dfs_file_rename(oldpath, newpath));
}

int dfs_mkdir(const char *path, mode_t mode)
{
    struct dfs_file file = {.magic = DFS_FD_MAGIC};
    int result = dfs_file_open(&file, path, O_DIRECTORY | O_CREAT | O_EXCL | O_RDONLY);

    if (result < 0) {
        return dfs_fail(-result);
    }
    dfs_file_close(&file);
    return 0;
}

DIR *dfs_opendir(const char *name)
{
    DIR *d;
    int fd = dfs_open(name, O_RDONLY | O_DIRECTORY);

    if (fd < 0) {
        return RT_NULL;
    }
    d = rt_calloc(1, sizeof(*d));
    if (d == RT_NULL) {
        dfs_close(fd);
        rt_set_errno(ENOMEM);
        return RT_NULL;
    }
    d->fd = fd;
    return d;
}

struct dirent *dfs_readdir(DIR *d)
{
    struct dirent *entry;

    if (d == RT_NULL) {
        rt_set_errno(EBADF);
        return RT_NULL;
    }
    if (d->cur >= d->num) {
        int n = dfs_file_getdents(fd_get(d->fd), (struct dirent *)d->buf, sizeof(d->buf));

        if (n <= 0) {
            if (n < 0) {
                rt_set_errno(-n);
            }
            return RT_NULL;
        }
        d->num = n;
        d->cur = 0;
    }
    entry = (struct dirent *)(d->buf + d->cur);
    d->cur += entry->d_reclen;
    return entry;
}

void dfs_rewinddir(DIR *d)
{
    if (d != RT_NULL && dfs_file_lseek(fd_get(d->fd), 0) >= 0) {
        d->num = 0;
        d->cur = 0;
    }
}

int dfs_closedir(DIR *d)
{
    int result;

    if (d == RT_NULL) {
        return dfs_fail(EBADF);
    }
    result = dfs_close(d->fd);
    rt_free(d);
    return result;
}

char *dfs_getcwd(char *buf, size_t size)
{
    const char *cwd = dfs_get_working_dir();

    if (buf == RT_NULL || rt_strlen(cwd) + 1 > size) {
        rt_set_errno(ERANGE);
        return RT_NULL;
    }
    rt_strncpy(buf, cwd, size);
    return buf;
}

int dfs_chdir(const char *path)
{
    struct stat st;
    char *fullpath;

    if (dfs_stat(path, &st) < 0) {
        return -1;
    }
    if (!S_ISDIR(st.st_mode)) {
        return dfs_fail(ENOTDIR);
    }
    fullpath = dfs_normalize_path(RT_NULL, path);
    if (fullpath == RT_NULL) {
        return -1;
    }
    dfs_lock();
    dfs_set_working_dir(fullpath);
    dfs_unlock();
    rt_free(fullpath);
    return 0;
}

int dfs_access(const char *path, int amode)
{
    struct stat st;

    return dfs_stat(path, &st);
}
