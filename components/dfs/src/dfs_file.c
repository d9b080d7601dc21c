/* DFS file layer: resolves paths to mounted file systems and dispatches to their operations.
 * Every function returns >= 0 or a negative errno value. */
#include "dfs_private.h"

/* Normalises `path` and finds its file system; on success *fullpath is rt_malloc()ed and the
 * DFS lock is HELD (the caller unlocks and frees). Returns 0 or a negative errno. */
static int file_resolve(const char *path, char **fullpath, struct dfs_filesystem **fs)
{
    *fullpath = dfs_normalize_path(RT_NULL, path);
    if (*fullpath == RT_NULL) {
        return -rt_get_errno();
    }
    dfs_lock();
    *fs = dfs_filesystem_lookup(*fullpath);
    if (*fs == RT_NULL) {
        dfs_unlock();
        rt_free(*fullpath);
        return -ENOENT;
    }
    return 0;
}

static void vnode_free(struct dfs_vnode *vnode)
{
    rt_free(vnode->path);
    rt_free(vnode->fullpath);
    rt_free(vnode);
}

static struct dfs_vnode *vnode_new(struct dfs_filesystem *fs, char *fullpath, int flags)
{
    struct dfs_vnode *vnode = rt_calloc(1, sizeof(*vnode));

    if (vnode == RT_NULL) {
        return RT_NULL;
    }
    vnode->path = rt_strdup(dfs_subdir(fs->path, fullpath));
    if (vnode->path == RT_NULL) {
        rt_free(vnode);
        return RT_NULL;
    }
    vnode->fullpath = fullpath;
    vnode->fs = fs;
    vnode->fops = fs->ops->fops;
    vnode->flags = flags;
    vnode->type = (flags & O_DIRECTORY) ? FT_DIRECTORY : FT_REGULAR;
    vnode->ref_count = 1;
    return vnode;
}

int dfs_file_open(struct dfs_file *fd, const char *path, int flags)
{
    struct dfs_filesystem *fs;
    struct dfs_vnode *vnode;
    char *fullpath;
    int result = file_resolve(path, &fullpath, &fs);

    if (result < 0) {
        return result;
    }
    vnode = vnode_new(fs, fullpath, flags);
    if (vnode == RT_NULL) {
        dfs_unlock();
        rt_free(fullpath);
        return -ENOMEM;
    }
    fd->vnode = vnode;
    fd->flags = flags;
    fd->pos = 0;
    result = vnode->fops->open ? vnode->fops->open(fd) : -ENOSYS;
    if (result < 0) {
        fd->vnode = RT_NULL;
        vnode_free(vnode);
    } else if (flags & O_APPEND) {
        fd->pos = (off_t)vnode->size;
    }
    dfs_unlock();
    return result < 0 ? result : 0;
}

/* Checks that fd is an open file; returns its vnode or RT_NULL. */
static struct dfs_vnode *file_vnode(struct dfs_file *fd)
{
    return (fd != RT_NULL && fd->magic == DFS_FD_MAGIC) ? fd->vnode : RT_NULL;
}

int dfs_file_close(struct dfs_file *fd)
{
    struct dfs_vnode *vnode = file_vnode(fd);
    int result;

    if (vnode == RT_NULL) {
        return -EBADF;
    }
    dfs_lock();
    result = vnode->fops->close ? vnode->fops->close(fd) : 0;
    fd->vnode = RT_NULL;
    vnode_free(vnode);
    dfs_unlock();
    return result < 0 ? result : 0;
}

int dfs_file_ioctl(struct dfs_file *fd, int cmd, void *args)
{
    struct dfs_vnode *vnode = file_vnode(fd);
    int result;

    if (vnode == RT_NULL) {
        return -EBADF;
    }
    dfs_lock();
    result = vnode->fops->ioctl ? vnode->fops->ioctl(fd, cmd, args) : -ENOSYS;
    dfs_unlock();
    return result;
}

int dfs_file_read(struct dfs_file *fd, void *buf, size_t len)
{
    struct dfs_vnode *vnode = file_vnode(fd);
    int result;

    if (vnode == RT_NULL || (fd->flags & O_ACCMODE) == O_WRONLY) {
        return -EBADF;
    }
    if (vnode->type == FT_DIRECTORY) {
        return -EISDIR;
    }
    dfs_lock();
    result = vnode->fops->read ? vnode->fops->read(fd, buf, len) : -ENOSYS;
    dfs_unlock();
    return result;
}

int dfs_file_write(struct dfs_file *fd, const void *buf, size_t len)
{
    struct dfs_vnode *vnode = file_vnode(fd);
    int result;

    if (vnode == RT_NULL || (fd->flags & O_ACCMODE) == O_RDONLY) {
        return -EBADF;
    }
    if (vnode->type == FT_DIRECTORY) {
        return -EISDIR;
    }
    dfs_lock();
    if (fd->flags & O_APPEND) {
        fd->pos = (off_t)vnode->size; /* every append write goes to the current end */
    }
    result = vnode->fops->write ? vnode->fops->write(fd, buf, len) : -ENOSYS;
    dfs_unlock();
    return result;
}

int dfs_file_flush(struct dfs_file *fd)
{
    struct dfs_vnode *vnode = file_vnode(fd);
    int result;

    if (vnode == RT_NULL) {
        return -EBADF;
    }
    dfs_lock();
    result = vnode->fops->flush ? vnode->fops->flush(fd) : 0;
    dfs_unlock();
    return result;
}

int dfs_file_lseek(struct dfs_file *fd, off_t offset)
{
    struct dfs_vnode *vnode = file_vnode(fd);
    int result;

    if (vnode == RT_NULL) {
        return -EBADF;
    }
    if (offset < 0) {
        return -EINVAL;
    }
    dfs_lock();
    result = vnode->fops->lseek ? vnode->fops->lseek(fd, offset) : -ENOSYS;
    dfs_unlock();
    return result;
}

int dfs_file_getdents(struct dfs_file *fd, struct dirent *dirp, size_t nbytes)
{
    struct dfs_vnode *vnode = file_vnode(fd);
    int result;

    if (vnode == RT_NULL) {
        return -EBADF;
    }
    if (vnode->type != FT_DIRECTORY) {
        return -ENOTDIR;
    }
    dfs_lock();
    result = vnode->fops->getdents ? vnode->fops->getdents(fd, dirp, (rt_uint32_t)nbytes) : -ENOSYS;
    dfs_unlock();
    return result;
}

/* Runs one path operation on the file system holding `path`. */
static int file_path_op(const char *path, int (*op)(struct dfs_filesystem *, const char *, void *),
                        void *arg)
{
    struct dfs_filesystem *fs;
    char *fullpath;
    int result = file_resolve(path, &fullpath, &fs);

    if (result < 0) {
        return result;
    }
    result = op(fs, fullpath, arg);
    dfs_unlock();
    rt_free(fullpath);
    return result;
}

static int op_unlink(struct dfs_filesystem *fs, const char *fullpath, void *arg)
{
    if (rt_strcmp(fs->path, fullpath) == 0) {
        return -EBUSY; /* a mount point */
    }
    return fs->ops->unlink ? fs->ops->unlink(fs, dfs_subdir(fs->path, fullpath)) : -ENOSYS;
}

static int op_stat(struct dfs_filesystem *fs, const char *fullpath, void *arg)
{
    rt_memset(arg, 0, sizeof(struct stat));
    return fs->ops->stat ? fs->ops->stat(fs, dfs_subdir(fs->path, fullpath), arg) : -ENOSYS;
}

int dfs_file_unlink(const char *path)
{
    return file_path_op(path, op_unlink, RT_NULL);
}

int dfs_file_stat(const char *path, struct stat *buf)
{
    return file_path_op(path, op_stat, buf);
}

static int op_rename(struct dfs_filesystem *fs, const char *oldfull, void *arg)
{
    const char *newfull = arg;

    if (rt_strcmp(fs->path, oldfull) == 0 || rt_strcmp(fs->path, newfull) == 0) {
        return -EBUSY; /* a mount point cannot move */
    }
    if (dfs_filesystem_lookup(newfull) != fs) {
        return -EXDEV;
    }
    if (fs->ops->rename == RT_NULL) {
        return -ENOSYS;
    }
    return fs->ops->rename(fs, dfs_subdir(fs->path, oldfull), dfs_subdir(fs->path, newfull));
}

int dfs_file_rename(const char *oldpath, const char *newpath)
{
    char *newfull = dfs_normalize_path(RT_NULL, newpath);
    int result;

    if (newfull == RT_NULL) {
        return -rt_get_errno();
    }
    result = file_path_op(oldpath, op_rename, newfull);
    rt_free(newfull);
    return result;
}
