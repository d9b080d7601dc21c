/* DFS file objects: the layer below the POSIX calls (RT-Thread DFS v1 compatible). */
#ifndef DFS_FILE_H__
#define DFS_FILE_H__

#include "dfs_fs.h"

#ifdef __cplusplus
extern "C" {
#endif

#define DFS_FD_MAGIC 0xfdfd

/* What a file system keeps about an opened path. */
struct dfs_vnode {
    rt_uint16_t type;                /* FT_REGULAR, FT_DIRECTORY ... */
    int ref_count;                   /* open files using it */
    char *path;                      /* path inside the file system, starting with "/" */
    char *fullpath;                  /* absolute path */
    rt_uint32_t flags;               /* open flags */
    size_t size;                     /* file size, kept by the file system */
    void *data;                      /* the file system's per-file state */
    const struct dfs_file_ops *fops; /* operations */
    struct dfs_filesystem *fs;       /* the file system it lives on */
};

/* An open file (what a descriptor names). */
struct dfs_file {
    rt_uint16_t magic;       /* DFS_FD_MAGIC while in use */
    rt_uint32_t flags;       /* open flags */
    int ref_count;           /* descriptor references */
    off_t pos;               /* current offset */
    struct dfs_vnode *vnode; /* the opened file */
    void *data;              /* the file system's per-descriptor state */
};

/* Each returns >= 0 on success or a negative errno value, like the file-system operations.
 * Thread context; they take dfs_lock() themselves. */
int dfs_file_open(struct dfs_file *fd, const char *path, int flags);
int dfs_file_close(struct dfs_file *fd);
int dfs_file_ioctl(struct dfs_file *fd, int cmd, void *args);
int dfs_file_read(struct dfs_file *fd, void *buf, size_t len);
int dfs_file_write(struct dfs_file *fd, const void *buf, size_t len);
int dfs_file_flush(struct dfs_file *fd);
int dfs_file_lseek(struct dfs_file *fd, off_t offset);
int dfs_file_getdents(struct dfs_file *fd, struct dirent *dirp, size_t nbytes);
int dfs_file_unlink(const char *path);
int dfs_file_stat(const char *path, struct stat *buf);
int dfs_file_rename(const char *oldpath, const char *newpath);

/* Descriptor table. fd_new() returns a descriptor number (>= DFS_STDIO_OFFSET) or -ENFILE;
 * fd_get() the open file of a descriptor (RT_NULL if none); fd_release() frees the slot. */
int fd_new(void);
struct dfs_file *fd_get(int fd);
void fd_release(int fd);
/* Number of open files on `fs` (unmount refuses while it is not 0). */
int dfs_file_count_on(struct dfs_filesystem *fs);

#ifdef __cplusplus
}
#endif

#endif /* DFS_FILE_H__ */
