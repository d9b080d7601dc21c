/* POSIX file API over DFS. On the host simulator the C library's own open/read/... must keep
 * working for the simulator itself, so these are named dfs_open, dfs_read ... everywhere;
 * every call returns -1 and sets the thread's errno (rt_get_errno()) on failure, like POSIX.
 * Thread context only. Do not include <dirent.h> of the C library in the same file: DIR and
 * struct dirent here are DFS's own (as in RT-Thread). */
#ifndef DFS_POSIX_H__
#define DFS_POSIX_H__

#include "dfs_file.h"

#ifdef __cplusplus
extern "C" {
#endif

/* An open directory stream. */
typedef struct {
    int fd;        /* descriptor of the directory */
    int num;       /* bytes of records in buf */
    int cur;       /* offset of the next record in buf */
    char buf[512]; /* records read ahead with getdents */
} DIR;

/* Opens `file` with O_RDONLY/O_WRONLY/O_RDWR and O_CREAT, O_TRUNC, O_APPEND, O_EXCL; returns
 * a descriptor, or -1 with errno ENOENT, EEXIST, EISDIR, ENFILE, ENAMETOOLONG, ENOSPC ... */
int dfs_open(const char *file, int flags, ...);
/* Closes a descriptor: 0, or -1 with errno EBADF. */
int dfs_close(int fd);
/* Reads/writes up to len bytes at the current offset; returns the count (0 at end of file),
 * or -1 with errno EBADF, EISDIR, ENOSPC, EINVAL. */
ssize_t dfs_read(int fd, void *buf, size_t len);
ssize_t dfs_write(int fd, const void *buf, size_t len);
/* Moves the offset (SEEK_SET/CUR/END); returns it, or -1 with errno EBADF or EINVAL. */
off_t dfs_lseek(int fd, off_t offset, int whence);
/* Flushes buffered data: 0, or -1 with errno EBADF. */
int dfs_fsync(int fd);
/* Removes a file (not a directory: EISDIR): 0, or -1 with errno. */
int dfs_unlink(const char *pathname);
/* Renames within one file system (EXDEV across mounts): 0, or -1 with errno. */
int dfs_rename(const char *oldpath, const char *newpath);
/* Fills st_mode (S_IFREG/S_IFDIR and permission bits), st_size, st_mtime; 0 or -1. */
int dfs_stat(const char *file, struct stat *buf);
int dfs_fstat(int fd, struct stat *buf);
/* Creates / removes an (empty: ENOTEMPTY) directory: 0, or -1 with errno. */
int dfs_mkdir(const char *path, mode_t mode);
int dfs_rmdir(const char *path);
/* Directory streams; readdir returns RT_NULL at the end (errno unchanged) or on error. */
DIR *dfs_opendir(const char *name);
struct dirent *dfs_readdir(DIR *d);
void dfs_rewinddir(DIR *d);
int dfs_closedir(DIR *d);
/* Working directory: getcwd copies it into buf (RT_NULL with errno ERANGE if too small). */
char *dfs_getcwd(char *buf, size_t size);
int dfs_chdir(const char *path);
/* 0 when `path` exists (modes are not checked), else -1 with errno ENOENT. */
int dfs_access(const char *path, int amode);

#ifdef __cplusplus
}
#endif

#endif /* DFS_POSIX_H__ */
