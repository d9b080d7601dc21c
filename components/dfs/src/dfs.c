/* DFS core: the lock, path normalisation, the working directory and the descriptor table. */
#include "dfs_private.h"

static struct rt_mutex dfs_mutex;
static rt_bool_t dfs_ready;
static char dfs_cwd[DFS_PATH_MAX + 1] = "/";
static struct dfs_file dfs_fd_table[DFS_FD_MAX];

int dfs_init(void)
{
    if (!dfs_ready) {
        rt_mutex_init(&dfs_mutex, "dfs", RT_IPC_FLAG_PRIO);
        dfs_ready = RT_TRUE;
    }
    return 0;
}
INIT_PREV_EXPORT(dfs_init);

void dfs_lock(void)
{
    dfs_init(); /* boards may mount from INIT_BOARD_EXPORT, before our own init ran */
    rt_mutex_take(&dfs_mutex, RT_WAITING_FOREVER);
}

void dfs_unlock(void)
{
    rt_mutex_release(&dfs_mutex);
}

const char *dfs_get_working_dir(void)
{
    return dfs_cwd;
}

/* Appends one path component to out (which holds an absolute path of olen bytes), resolving
 * "." and "..". Returns the new length, or -1 when the result would not fit. */
static int path_push(char *out, int olen, const char *comp, int clen)
{
    if (clen == 0 || (clen == 1 && comp[0] == '.')) {
        return olen;
    }
    if (clen == 2 && comp[0] == '.' && comp[1] == '.') {
        while (olen > 1 && out[olen - 1] != '/') {
            olen--;
        }
        return olen > 1 ? olen - 1 : 1; /* drop the slash too, except the root's */
    }
    if (olen + (olen > 1) + clen > DFS_PATH_MAX) {
        return -1;
    }
    if (olen > 1) {
        out[olen++] = '/';
    }
    rt_memcpy(out + olen, comp, clen);
    return olen + clen;
}

/* Adds every component of `path` to out; returns the new length or -1 (too long). */
static int path_push_all(char *out, int olen, const char *path)
{
    while (*path != '\0' && olen >= 0) {
        const char *end = path;

        while (*end != '\0' && *end != '/') {
            end++;
        }
        olen = path_push(out, olen, path, (int)(end - path));
        path = *end == '/' ? end + 1 : end;
    }
    return olen;
}

char *dfs_normalize_path(const char *directory, const char *filename)
{
    char *out;
    int len = 1;

    if (filename == RT_NULL || filename[0] == '\0') {
        rt_set_errno(EINVAL);
        return RT_NULL;
    }
    out = rt_malloc(DFS_PATH_MAX + 1);
    if (out == RT_NULL) {
        rt_set_errno(ENOMEM);
        return RT_NULL;
    }
    out[0] = '/';
    if (filename[0] != '/') {
        len = path_push_all(out, len, directory ? directory : dfs_cwd);
    }
    if (len >= 0) {
        len = path_push_all(out, len, filename);
    }
    if (len < 0) {
        rt_free(out);
        rt_set_errno(ENAMETOOLONG);
        return RT_NULL;
    }
    out[len] = '\0';
    return out;
}

/* Sets the working directory to an absolute, normalised path (dfs_chdir checks it exists). */
void dfs_set_working_dir(const char *path)
{
    rt_strncpy(dfs_cwd, path, DFS_PATH_MAX);
    dfs_cwd[DFS_PATH_MAX] = '\0';
}

int fd_new(void)
{
    int i, fd = -ENFILE;

    dfs_lock();
    for (i = 0; i < DFS_FD_MAX; i++) {
        if (dfs_fd_table[i].magic != DFS_FD_MAGIC) {
            rt_memset(&dfs_fd_table[i], 0, sizeof(dfs_fd_table[i]));
            dfs_fd_table[i].magic = DFS_FD_MAGIC;
            dfs_fd_table[i].ref_count = 1;
            fd = i + DFS_STDIO_OFFSET;
            break;
        }
    }
    dfs_unlock();
    return fd;
}

struct dfs_file *fd_get(int fd)
{
    int i = fd - DFS_STDIO_OFFSET;

    if (i < 0 || i >= DFS_FD_MAX || dfs_fd_table[i].magic != DFS_FD_MAGIC) {
        return RT_NULL;
    }
    return &dfs_fd_table[i];
}

void fd_release(int fd)
{
    struct dfs_file *file = fd_get(fd);

    if (file != RT_NULL) {
        dfs_lock();
        file->magic = 0;
        file->vnode = RT_NULL;
        dfs_unlock();
    }
}

int dfs_file_count_on(struct dfs_filesystem *fs)
{
    int i, count = 0;

    for (i = 0; i < DFS_FD_MAX; i++) {
        struct dfs_file *f = &dfs_fd_table[i];

        if (f->magic == DFS_FD_MAGIC && f->vnode != RT_NULL && f->vnode->fs == fs) {
            count++;
        }
    }
    return count;
}
