/* DFS, the device file system: configuration, directory and statfs types, core API
 * (RT-Thread DFS v1 compatible names and semantics). */
#ifndef DFS_H__
#define DFS_H__

#include <rtthread.h>
#include <sys/types.h>
#include <sys/stat.h>
#include <fcntl.h>
#include <unistd.h> /* SEEK_SET...: newlib has them here, not in fcntl.h */
#include <errno.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef DFS_FILESYSTEMS_MAX
#define DFS_FILESYSTEMS_MAX 4 /* mount points in use at once */
#endif
#ifndef DFS_FILESYSTEM_TYPES_MAX
#define DFS_FILESYSTEM_TYPES_MAX 4 /* registered file-system types */
#endif
#ifndef DFS_FD_MAX
#define DFS_FD_MAX 16 /* open files (and directories) at once */
#endif
#ifndef DFS_PATH_MAX
#define DFS_PATH_MAX 256 /* longest absolute path, bytes, without the NUL */
#endif
#ifndef DFS_STDIO_OFFSET
#define DFS_STDIO_OFFSET 3 /* first descriptor number: 0..2 are the standard streams */
#endif

/* File types of a vnode. */
#define FT_REGULAR   0
#define FT_SOCKET    1
#define FT_DIRECTORY 2
#define FT_USER      3
#define FT_DEVICE    4

/* Directory entry types (struct dirent.d_type). */
#define DT_UNKNOWN 0x00
#define DT_REG     0x01
#define DT_DIR     0x02

#ifndef O_DIRECTORY
#define O_DIRECTORY 0x200000 /* newlib lacks it; only DFS interprets it there */
#endif

struct dirent {
    rt_uint8_t d_type;             /* DT_REG or DT_DIR */
    rt_uint8_t d_namlen;           /* length of d_name, without the NUL */
    rt_uint16_t d_reclen;          /* size of this record */
    char d_name[DFS_PATH_MAX + 1]; /* NUL-terminated entry name */
};

struct statfs {
    rt_size_t f_bsize;  /* block size */
    rt_size_t f_blocks; /* total blocks */
    rt_size_t f_bfree;  /* free blocks */
};

/** Initialises DFS (done once by an INIT_PREV_EXPORT; later calls do nothing). Returns 0. */
int dfs_init(void);

/**
 * Normalises `filename` against `directory` (or the working directory when RT_NULL): the
 * result is absolute, without "." and ".." components or repeated slashes, and rt_malloc()ed
 * (the caller frees it). Returns RT_NULL with errno ENAMETOOLONG when longer than
 * DFS_PATH_MAX, ENOMEM without memory, EINVAL for an empty name. Thread context.
 */
char *dfs_normalize_path(const char *directory, const char *filename);

/** The working directory (absolute, never RT_NULL). Shared by all threads, as in DFS v1. */
const char *dfs_get_working_dir(void);

/** Serialises DFS operations; recursive. Thread context. */
void dfs_lock(void);
void dfs_unlock(void);

#ifdef __cplusplus
}
#endif

#endif /* DFS_H__ */
