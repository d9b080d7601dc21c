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
 * pool must stay valid until it is unmounted or destroyed). Mount it with
 * `dfs_mount(RT_NULL, path, "ram", 0, ramfs)`. Returns RT_NULL when the pool is too small
 * (under 1 KB) or RT_NULL. Thread context.
 */
struct dfs_ramfs *dfs_ramfs_create(rt_uint8_t *pool, rt_size_t size);

/**
 * Releases a RAM file system that is not mounted (dfs_unmount() releases a mounted one: a
 * RAM disk's contents end with its mount). The pool may then be reused. Thread context.
 */
void dfs_ramfs_destroy(struct dfs_ramfs *ramfs);

/** Registers the "ram" type (done by an INIT_COMPONENT_EXPORT). Returns 0 or -1. */
int dfs_ramfs_init(void);

#endif /* DFS_RAMFS_H__ */
