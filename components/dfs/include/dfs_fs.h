/* DFS file-system types and mount points (RT-Thread DFS v1 compatible). */
#ifndef DFS_FS_H__
#define DFS_FS_H__

#include "dfs.h"

#ifdef __cplusplus
extern "C" {
#endif

struct dfs_filesystem;
struct dfs_file;

/* File operations of a file-system type. Each returns >= 0 on success, or a negative errno
 * value (-ENOENT ...). read/write return byte counts; lseek the new position; getdents the
 * bytes of struct dirent records filled (0 at the end). */
struct dfs_file_ops {
    int (*open)(struct dfs_file *fd);
    int (*close)(struct dfs_file *fd);
    int (*ioctl)(struct dfs_file *fd, int cmd, void *args);
    int (*read)(struct dfs_file *fd, void *buf, size_t count);
    int (*write)(struct dfs_file *fd, const void *buf, size_t count);
    int (*flush)(struct dfs_file *fd);
    int (*lseek)(struct dfs_file *fd, off_t offset);
    int (*getdents)(struct dfs_file *fd, struct dirent *dirp, rt_uint32_t count);
};

/* A file-system type. Paths given to unlink/stat/rename are relative to the mount point and
 * start with "/". Missing operations make the call fail with -ENOSYS. */
struct dfs_filesystem_ops {
    const char *name;
    rt_uint32_t flags;
    const struct dfs_file_ops *fops;
    int (*mount)(struct dfs_filesystem *fs, unsigned long rwflag, const void *data);
    int (*unmount)(struct dfs_filesystem *fs);
    int (*mkfs)(rt_device_t dev_id, const char *fs_name);
    int (*statfs)(struct dfs_filesystem *fs, struct statfs *buf);
    int (*unlink)(struct dfs_filesystem *fs, const char *pathname);
    int (*stat)(struct dfs_filesystem *fs, const char *filename, struct stat *buf);
    int (*rename)(struct dfs_filesystem *fs, const char *oldpath, const char *newpath);
};

/* A mounted file system. */
struct dfs_filesystem {
    rt_device_t dev_id;                   /* block device, or RT_NULL */
    char *path;                           /* absolute mount point */
    const struct dfs_filesystem_ops *ops; /* its type */
    void *data;                           /* the file system's own state */
};

/**
 * Registers a file-system type. Returns 0, -1 with errno EEXIST when the name is taken or
 * ENOSPC when DFS_FILESYSTEM_TYPES_MAX types exist. Thread context (or INIT_* functions).
 */
int dfs_register(const struct dfs_filesystem_ops *ops);

/**
 * Mounts a file system of type `filesystemtype` at `path` (an existing directory, or "/"),
 * on block device `device_name` (RT_NULL for none); `data` goes to the type's mount().
 * Returns 0, or -1 with errno: ENODEV (unknown type or device), EBUSY (path already
 * mounted), ENOTDIR (no such directory), ENOSPC (DFS_FILESYSTEMS_MAX reached), or the
 * type's error. Thread context.
 */
int dfs_mount(const char *device_name, const char *path, const char *filesystemtype,
              unsigned long rwflag, const void *data);

/** Unmounts the file system at `specialfile`. Returns 0, or -1 with errno ENOENT (not a mount
 * point) or EBUSY (files still open on it). Thread context. */
int dfs_unmount(const char *specialfile);

/** Formats block device `device_name` with `fs_name`. Returns 0, or -1 with errno ENODEV or
 * ENOSYS. Thread context. */
int dfs_mkfs(const char *fs_name, const char *device_name);

/** Fills `buffer` for the file system holding `path`. Returns 0, or -1 with errno. */
int dfs_statfs(const char *path, struct statfs *buffer);

/** The mounted file system holding absolute `path` (longest matching mount point), or
 * RT_NULL. Call with dfs_lock() held when the result is used afterwards. */
struct dfs_filesystem *dfs_filesystem_lookup(const char *path);

/** Path of `fullpath` inside file system `fs` (starting with "/"); points into fullpath. */
const char *dfs_subdir(const char *directory, const char *filename);

/** Calls `fn` for every mount point with `arg` (for `mount` and `df`); stops when it returns
 * non-zero. Thread context. */
void dfs_filesystem_foreach(int (*fn)(struct dfs_filesystem *fs, void *arg), void *arg);

#ifdef __cplusplus
}
#endif

#endif /* DFS_FS_H__ */
