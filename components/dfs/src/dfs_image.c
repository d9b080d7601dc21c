/* Seeds a writable file system from files built into the image. */
#include "dfs_image.h"
#include "dfs_posix.h"

static int seed_file(const char *path, const struct dfs_image_entry *e)
{
    int fd = dfs_open(path, O_WRONLY | O_CREAT | O_EXCL);
    ssize_t n;

    if (fd < 0) {
        return rt_get_errno() == EEXIST ? 0 : -1;
    }
    n = dfs_write(fd, e->data, e->size);
    dfs_close(fd);
    return n == (ssize_t)e->size ? 1 : -1;
}

static int seed_entry(const char *root, const struct dfs_image_entry *e)
{
    char *path = dfs_normalize_path(root, e->path + 1);
    int result;

    if (path == RT_NULL) {
        return -1;
    }
    if (e->data == RT_NULL) {
        result = dfs_mkdir(path, 0755) == 0 ? 1 : (rt_get_errno() == EEXIST ? 0 : -1);
    } else {
        result = seed_file(path, e);
    }
    rt_free(path);
    return result;
}

int dfs_image_seed(const char *root, const struct dfs_image_entry *image)
{
    int written = 0, failed = 0, err = 0;

    for (; image->path != RT_NULL; image++) {
        int r = seed_entry(root, image);

        if (r < 0) {
            failed++;
            err = rt_get_errno();
        } else {
            written += r;
        }
    }
    if (failed) {
        rt_set_errno(err);
        return -1;
    }
    return written;
}
