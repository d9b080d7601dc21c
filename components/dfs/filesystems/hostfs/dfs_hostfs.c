/* Host-directory file system of the simulator: a folder of the host mounted into DFS. Paths
 * arrive normalised (no "..") and the host side refuses symbolic links out of the folder. */
#include "dfs_file.h"
#include "hostfs_host.h"

static const char *fs_root(struct dfs_filesystem *fs)
{
    return (const char *)fs->data;
}

static int hostfs_open(struct dfs_file *fd)
{
    struct dfs_vnode *vnode = fd->vnode;
    struct hostfs_handle *h;
    long size;
    /* DFS positions every write itself (append included), so the host must not. */
    int result = hostfs_host_open(fs_root(vnode->fs), vnode->path, fd->flags & ~O_APPEND, &h);

    if (result < 0) {
        return result;
    }
    size = hostfs_host_size(h);
    vnode->data = h;
    vnode->type = hostfs_host_is_dir(h) ? FT_DIRECTORY : FT_REGULAR;
    vnode->size = size > 0 ? (size_t)size : 0;
    return 0;
}

static int hostfs_close(struct dfs_file *fd)
{
    return hostfs_host_close(fd->vnode->data);
}

static int hostfs_read(struct dfs_file *fd, void *buf, size_t count)
{
    int n = hostfs_host_pread(fd->vnode->data, buf, count, fd->pos);

    if (n > 0) {
        fd->pos += n;
    }
    return n;
}

static int hostfs_write(struct dfs_file *fd, const void *buf, size_t count)
{
    int n = hostfs_host_pwrite(fd->vnode->data, buf, count, fd->pos);

    if (n > 0) {
        fd->pos += n;
        if ((size_t)fd->pos > fd->vnode->size) {
            fd->vnode->size = (size_t)fd->pos;
        }
    }
    return n;
}

static int hostfs_flush(struct dfs_file *fd)
{
    return hostfs_host_sync(fd->vnode->data);
}

static int hostfs_lseek(struct dfs_file *fd, off_t offset)
{
    fd->pos = offset;
    return (int)offset;
}

static int hostfs_getdents(struct dfs_file *fd, struct dirent *dirp, rt_uint32_t count)
{
    rt_uint32_t max = count / sizeof(struct dirent), filled = 0;

    while (filled < max) {
        int is_dir = 0;
        struct dirent *d = &dirp[filled];
        int r = hostfs_host_readdir(fd->vnode->data, (long)fd->pos, d->d_name, sizeof(d->d_name),
                                    &is_dir);

        if (r <= 0) {
            if (r < 0 && filled == 0) {
                return r;
            }
            break;
        }
        d->d_type = is_dir ? DT_DIR : DT_REG;
        d->d_namlen = (rt_uint8_t)rt_strlen(d->d_name);
        d->d_reclen = (rt_uint16_t)sizeof(struct dirent);
        fd->pos++;
        filled++;
    }
    return (int)(filled * sizeof(struct dirent));
}

static int hostfs_unlink(struct dfs_filesystem *fs, const char *path)
{
    return hostfs_host_unlink(fs_root(fs), path);
}

static int hostfs_stat(struct dfs_filesystem *fs, const char *path, struct stat *st)
{
    return hostfs_host_stat(fs_root(fs), path, st);
}

static int hostfs_rename(struct dfs_filesystem *fs, const char *oldpath, const char *newpath)
{
    return hostfs_host_rename(fs_root(fs), oldpath, newpath);
}

static int hostfs_statfs(struct dfs_filesystem *fs, struct statfs *buf)
{
    unsigned long bsize, blocks, bfree;
    int r = hostfs_host_statfs(fs_root(fs), &bsize, &blocks, &bfree);

    if (r == 0) {
        buf->f_bsize = bsize;
        buf->f_blocks = blocks;
        buf->f_bfree = bfree;
    }
    return r;
}

/* `data` is the host folder (a string); it is copied. */
static int hostfs_mount(struct dfs_filesystem *fs, unsigned long rwflag, const void *data)
{
    int r;

    if (data == RT_NULL) {
        return -EINVAL;
    }
    r = hostfs_host_prepare_root(data);
    if (r < 0) {
        return r;
    }
    fs->data = rt_strdup(data);
    return fs->data ? 0 : -ENOMEM;
}

static int hostfs_unmount(struct dfs_filesystem *fs)
{
    rt_free(fs->data);
    fs->data = RT_NULL;
    return 0;
}

static const struct dfs_file_ops hostfs_fops = {
    .open = hostfs_open,
    .close = hostfs_close,
    .read = hostfs_read,
    .write = hostfs_write,
    .flush = hostfs_flush,
    .lseek = hostfs_lseek,
    .getdents = hostfs_getdents,
};

static const struct dfs_filesystem_ops hostfs_ops = {
    .name = "hostfs",
    .fops = &hostfs_fops,
    .mount = hostfs_mount,
    .unmount = hostfs_unmount,
    .statfs = hostfs_statfs,
    .unlink = hostfs_unlink,
    .stat = hostfs_stat,
    .rename = hostfs_rename,
};

int dfs_hostfs_init(void)
{
    return dfs_register(&hostfs_ops);
}
INIT_COMPONENT_EXPORT(dfs_hostfs_init);
