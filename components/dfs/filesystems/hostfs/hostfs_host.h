/* The host side of the simulator's host-directory file system: plain POSIX calls on the
 * Linux file system, kept apart from DFS's own types (its struct dirent and DIR collide with
 * the C library's). Every function returns >= 0 or a negative errno value. */
#ifndef HOSTFS_HOST_H__
#define HOSTFS_HOST_H__

#include <stddef.h>
#include <sys/types.h>
#include <sys/stat.h>

struct hostfs_handle;

/* Creates `root` (one level) if missing and checks it is a directory. */
int hostfs_host_prepare_root(const char *root);
/* Opens root+path with the C library's O_* flags (O_DIRECTORY|O_CREAT makes a directory);
 * refuses paths that leave root through symbolic links (-EACCES). */
int hostfs_host_open(const char *root, const char *path, int flags, struct hostfs_handle **h);
int hostfs_host_close(struct hostfs_handle *h);
int hostfs_host_is_dir(struct hostfs_handle *h);
long hostfs_host_size(struct hostfs_handle *h);
int hostfs_host_pread(struct hostfs_handle *h, void *buf, size_t n, off_t pos);
int hostfs_host_pwrite(struct hostfs_handle *h, const void *buf, size_t n, off_t pos);
int hostfs_host_sync(struct hostfs_handle *h);
/* Entry number `index` of a directory: 1 and its name, 0 at the end. "." and ".." skipped. */
int hostfs_host_readdir(struct hostfs_handle *h, long index, char *name, size_t size, int *is_dir);
int hostfs_host_unlink(const char *root, const char *path);
int hostfs_host_stat(const char *root, const char *path, struct stat *st);
int hostfs_host_rename(const char *root, const char *oldpath, const char *newpath);
int hostfs_host_statfs(const char *root, unsigned long *bsize, unsigned long *blocks,
                       unsigned long *bfree);

#endif /* HOSTFS_HOST_H__ */
