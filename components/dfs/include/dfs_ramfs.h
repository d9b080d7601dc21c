/* RAM file system: files and directories in a fixed memory pool (ENOSPC when it is full). */
#ifndef DFS_RAMFS_H__
#define DFS_RAMFS_H__

#include "dfs_fs.h"

#ifndef RAMFS_NAME_MAX
#define RAMFS_NAME_MAX 32 /* longest file or directory name, bytes */
#endif

struct dfs_ramfs;

/**
 * Creates an empty RAM file system inside `pool` (`size` bytes, all of which it may use; the
 * pool must stay valid while mounted). Mount it with
 * `dfs_mount(RT_NULL, path, "ram", 0, ramfs)`. Returns RT_NULL when the pool is too small
 * (under 1 KB) or RT_NULL. Thread context.
 */
struct dfs_ramfs *dfs_ramfs_create(rt_uint8_t *pool, rt_size_t size);

/** Registers the "ram" type (done by an INIT_COMPONENT_EXPORT). Returns 0 or -1. */
int dfs_ramfs_init(void);

#endif /* DFS_RAMFS_H__ */
