/* DFS internals shared by its source files. */
#ifndef DFS_PRIVATE_H__
#define DFS_PRIVATE_H__

#include "dfs_file.h"

/* Sets the thread's errno to `err` (a positive errno value) and returns -1: the POSIX way of
 * failing, used by every public call that returns int. */
rt_inline int dfs_fail(int err)
{
    rt_set_errno(err);
    return -1;
}

/* Like dfs_fail() for the negative codes the file layer returns; passes >= 0 through. */
rt_inline int dfs_posix_result(int result)
{
    return result < 0 ? dfs_fail(-result) : result;
}

/* The registered type called `name`, or RT_NULL. Call with dfs_lock() held. */
const struct dfs_filesystem_ops *dfs_find_type(const char *name);

/* Sets the working directory (absolute, normalised; the caller checked it is a directory). */
void dfs_set_working_dir(const char *path);

#endif /* DFS_PRIVATE_H__ */
