/* DFS file-system types and the mount table. */
#include "dfs_private.h"

static const struct dfs_filesystem_ops *dfs_types[DFS_FILESYSTEM_TYPES_MAX];
static struct dfs_filesystem dfs_mounts[DFS_FILESYSTEMS_MAX];

const struct dfs_filesystem_ops *dfs_find_type(const char *name)
{
    int i;

    for (i = 0; i < DFS_FILESYSTEM_TYPES_MAX; i++) {
        if (dfs_types[i] != RT_NULL && rt_strcmp(dfs_types[i]->name, name) == 0) {
            return dfs_types[i];
        }
    }
    return RT_NULL;
}

int dfs_register(const struct dfs_filesystem_ops *ops)
{
    int i, result = -ENOSPC;

    dfs_lock();
    if (dfs_find_type(ops->name) != RT_NULL) {
        result = -EEXIST;
    } else {
        for (i = 0; i < DFS_FILESYSTEM_TYPES_MAX; i++) {
            if (dfs_types[i] == RT_NULL) {
                dfs_types[i] = ops;
                result = 0;
                break;
            }
        }
    }
    dfs_unlock();
    return dfs_posix_result(result);
}

/* Length of the mount point `mnt` when it contains `path`, else -1. */
static int mount_match(const char *mnt, const char *path)
{
    int len = (int)rt_strlen(mnt);

    if (len == 1) {
        return 1; /* "/" holds everything */
    }
    if (rt_strncmp(mnt, path, len) != 0 || (path[len] != '\0' && path[len] != '/')) {
        return -1;
    }
    return len;
}

struct dfs_filesystem *dfs_filesystem_lookup(const char *path)
{
    struct dfs_filesystem *best = RT_NULL;
    int i, best_len = 0;

    for (i = 0; i < DFS_FILESYSTEMS_MAX; i++) {
        int len;

        if (dfs_mounts[i].ops == RT_NULL) {
            continue;
        }
        len = mount_match(dfs_mounts[i].path, path);
        if (len > best_len) {
            best = &dfs_mounts[i];
            best_len = len;
        }
    }
    return best;
}

const char *dfs_subdir(const char *directory, const char *filename)
{
    size_t len = rt_strlen(directory);

    if (len == 1) {
        return filename;
    }
    return filename[len] == '\0' ? "/" : filename + len;
}

void dfs_filesystem_foreach(int (*fn)(struct dfs_filesystem *fs, void *arg), void *arg)
{
    int i;

    dfs_lock();
    for (i = 0; i < DFS_FILESYSTEMS_MAX; i++) {
        if (dfs_mounts[i].ops != RT_NULL && fn(&dfs_mounts[i], arg) != 0) {
            break;
        }
    }
    dfs_unlock();
}

/* Checks that `path` can become a mount point: "/" always can, anything else must be an
 * existing directory that is not a mount point yet. Returns 0 or a negative errno. */
static int mount_point_check(const char *path)
{
    struct dfs_filesystem *fs = dfs_filesystem_lookup(path);
    struct stat st;

    if (fs != RT_NULL && rt_strcmp(fs->path, path) == 0) {
        return -EBUSY;
    }
    if (rt_strcmp(path, "/") == 0) {
        return 0;
    }
    if (dfs_file_stat(path, &st) < 0 || !S_ISDIR(st.st_mode)) {
        return -ENOTDIR;
    }
    return 0;
}

static struct dfs_filesystem *mount_slot(void)
{
    int i;

    for (i = 0; i < DFS_FILESYSTEMS_MAX; i++) {
        if (dfs_mounts[i].ops == RT_NULL) {
            return &dfs_mounts[i];
        }
    }
    return RT_NULL;
}

/* The mount itself, with the lock held and `fullpath` owned by the caller on failure. */
static int mount_locked(rt_device_t dev, char *fullpath, const char *type, unsigned long rwflag,
                        const void *data)
{
    const struct dfs_filesystem_ops *ops = dfs_find_type(type);
    struct dfs_filesystem *fs;
    int result;

    if (ops == RT_NULL || ops->mount == RT_NULL) {
        return -ENODEV;
    }
    result = mount_point_check(fullpath);
    if (result < 0) {
        return result;
    }
    fs = mount_slot();
    if (fs == RT_NULL) {
        return -ENOSPC;
    }
    fs->dev_id = dev;
    fs->path = fullpath;
    fs->data = RT_NULL;
    result = ops->mount(fs, rwflag, data);
    if (result >= 0) {
        fs->ops = ops; /* publish only a working mount */
    }
    return result;
}

int dfs_mount(const char *device_name, const char *path, const char *filesystemtype,
              unsigned long rwflag, const void *data)
{
    rt_device_t dev = RT_NULL;
    char *fullpath;
    int result;

    if (device_name != RT_NULL && (dev = rt_device_find(device_name)) == RT_NULL) {
        return dfs_fail(ENODEV);
    }
    fullpath = dfs_normalize_path(RT_NULL, path);
    if (fullpath == RT_NULL) {
        return -1;
    }
    dfs_lock();
    result = mount_locked(dev, fullpath, filesystemtype, rwflag, data);
    dfs_unlock();
    if (result < 0) {
        rt_free(fullpath);
        return dfs_fail(-result);
    }
    return 0;
}

int dfs_unmount(const char *specialfile)
{
    struct dfs_filesystem *fs;
    char *fullpath = dfs_normalize_path(RT_NULL, specialfile);
    int result = -ENOENT;

    if (fullpath == RT_NULL) {
        return -1;
    }
    dfs_lock();
    fs = dfs_filesystem_lookup(fullpath);
    if (fs != RT_NULL && rt_strcmp(fs->path, fullpath) == 0) {
        result = dfs_file_count_on(fs) > 0 ? -EBUSY : 0;
        if (result == 0 && fs->ops->unmount != RT_NULL) {
            result = fs->ops->unmount(fs);
        }
        if (result >= 0) {
            rt_free(fs->path);
            rt_memset(fs, 0, sizeof(*fs));
        }
    }
    dfs_unlock();
    rt_free(fullpath);
    return dfs_posix_result(result < 0 ? result : 0);
}

int dfs_mkfs(const char *fs_name, const char *device_name)
{
    const struct dfs_filesystem_ops *ops;
    rt_device_t dev = device_name ? rt_device_find(device_name) : RT_NULL;
    int result;

    if (device_name != RT_NULL && dev == RT_NULL) {
        return dfs_fail(ENODEV);
    }
    dfs_lock();
    ops = dfs_find_type(fs_name);
    if (ops == RT_NULL) {
        result = -ENODEV;
    } else {
        result = ops->mkfs ? ops->mkfs(dev, fs_name) : -ENOSYS;
    }
    dfs_unlock();
    return dfs_posix_result(result < 0 ? result : 0);
}

int dfs_statfs(const char *path, struct statfs *buffer)
{
    struct dfs_filesystem *fs;
    char *fullpath = dfs_normalize_path(RT_NULL, path);
    int result;

    if (fullpath == RT_NULL) {
        return -1;
    }
    dfs_lock();
    fs = dfs_filesystem_lookup(fullpath);
    if (fs == RT_NULL) {
        result = -ENOENT;
    } else {
        result = fs->ops->statfs ? fs->ops->statfs(fs, buffer) : -ENOSYS;
    }
    dfs_unlock();
    rt_free(fullpath);
    return dfs_posix_result(result < 0 ? result : 0);
}
