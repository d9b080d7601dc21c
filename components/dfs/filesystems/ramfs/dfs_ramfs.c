/* RAM file system: a tree of nodes whose names, metadata and data all live in one small-mem
 * heap over the caller's pool, so a full disk is an allocation failure (ENOSPC), never a
 * kernel heap exhaustion. */
#include "dfs_ramfs.h"
#include "dfs_file.h"

struct ramfs_node {
    char name[RAMFS_NAME_MAX + 1];
    rt_bool_t is_dir;
    rt_bool_t unlinked; /* removed from the tree while still open */
    int open_count;     /* open files on it */
    struct ramfs_node *parent;
    rt_list_t sibling;  /* in parent->children */
    rt_list_t children; /* directories only */
    rt_uint8_t *data;   /* files only */
    rt_size_t size;
    rt_size_t capacity;
};

struct dfs_ramfs {
    rt_smem_t heap;
    rt_size_t pool_size;
    struct ramfs_node root;
};

struct dfs_ramfs *dfs_ramfs_create(rt_uint8_t *pool, rt_size_t size)
{
    struct dfs_ramfs *ramfs;
    rt_smem_t heap;

    if (pool == RT_NULL || size < 1024) {
        return RT_NULL;
    }
    heap = rt_smem_init("ramfs", pool, size);
    if (heap == RT_NULL) {
        return RT_NULL;
    }
    ramfs = rt_smem_alloc(heap, sizeof(*ramfs));
    if (ramfs == RT_NULL) {
        return RT_NULL;
    }
    rt_memset(ramfs, 0, sizeof(*ramfs));
    ramfs->heap = heap;
    ramfs->pool_size = size;
    ramfs->root.is_dir = RT_TRUE;
    rt_list_init(&ramfs->root.sibling);
    rt_list_init(&ramfs->root.children);
    return ramfs;
}

static struct ramfs_node *node_child(struct ramfs_node *dir, const char *name, rt_size_t len)
{
    rt_list_t *pos;

    rt_list_for_each(pos, &dir->children)
    {
        struct ramfs_node *n = rt_list_entry(pos, struct ramfs_node, sibling);

        if (rt_strlen(n->name) == len && rt_strncmp(n->name, name, len) == 0) {
            return n;
        }
    }
    return RT_NULL;
}

/* Walks `path` ("/a/b"). Returns the node, or RT_NULL with *err -ENOENT / -ENOTDIR. With
 * `last` non-NULL stops at the parent and points *last at the final component instead. */
static struct ramfs_node *node_walk(struct dfs_ramfs *ramfs, const char *path, const char **last,
                                    int *err)
{
    struct ramfs_node *node = &ramfs->root;

    while (*path == '/') {
        path++;
    }
    while (*path != '\0') {
        const char *end = path;

        while (*end != '\0' && *end != '/') {
            end++;
        }
        if (last != RT_NULL && *end == '\0') {
            *last = path;
            return node;
        }
        if (!node->is_dir) {
            *err = -ENOTDIR;
            return RT_NULL;
        }
        node = node_child(node, path, (rt_size_t)(end - path));
        if (node == RT_NULL) {
            *err = -ENOENT;
            return RT_NULL;
        }
        path = *end == '/' ? end + 1 : end;
    }
    if (last != RT_NULL) {
        *last = RT_NULL; /* the path names the root itself */
    }
    return node;
}

static struct ramfs_node *node_lookup(struct dfs_ramfs *ramfs, const char *path, int *err)
{
    return node_walk(ramfs, path, RT_NULL, err);
}

static void node_free(struct ramfs_node *node)
{
    if (node->data != RT_NULL) {
        rt_smem_free(node->data);
    }
    rt_smem_free(node);
}

/* Creates `path` (its parent must be an existing directory). Returns the node or RT_NULL with
 * *err set. */
static struct ramfs_node *node_create(struct dfs_ramfs *ramfs, const char *path, rt_bool_t is_dir,
                                      int *err)
{
    const char *name = RT_NULL;
    struct ramfs_node *parent = node_walk(ramfs, path, &name, err);
    struct ramfs_node *node;

    if (parent == RT_NULL) {
        return RT_NULL;
    }
    if (name == RT_NULL || !parent->is_dir) {
        *err = name == RT_NULL ? -EEXIST : -ENOTDIR;
        return RT_NULL;
    }
    if (rt_strlen(name) > RAMFS_NAME_MAX) {
        *err = -ENAMETOOLONG;
        return RT_NULL;
    }
    node = rt_smem_alloc(ramfs->heap, sizeof(*node));
    if (node == RT_NULL) {
        *err = -ENOSPC;
        return RT_NULL;
    }
    rt_memset(node, 0, sizeof(*node));
    rt_strncpy(node->name, name, RAMFS_NAME_MAX);
    node->is_dir = is_dir;
    node->parent = parent;
    rt_list_init(&node->children);
    rt_list_insert_before(&parent->children, &node->sibling);
    return node;
}

static struct dfs_ramfs *fs_ramfs(struct dfs_filesystem *fs)
{
    return (struct dfs_ramfs *)fs->data;
}

/* Finds or creates the node an open() names, applying O_CREAT, O_EXCL and O_DIRECTORY. */
static struct ramfs_node *open_node(struct dfs_ramfs *ramfs, const char *path, int flags, int *err)
{
    struct ramfs_node *node = node_lookup(ramfs, path, err);

    if (node == RT_NULL && *err == -ENOENT && (flags & O_CREAT)) {
        return node_create(ramfs, path, (flags & O_DIRECTORY) != 0, err);
    }
    if (node == RT_NULL) {
        return RT_NULL;
    }
    if ((flags & O_CREAT) && (flags & O_EXCL)) {
        *err = -EEXIST;
    } else if (node->is_dir && (flags & O_ACCMODE) != O_RDONLY) {
        *err = -EISDIR;
    } else if (!node->is_dir && (flags & O_DIRECTORY)) {
        *err = -ENOTDIR;
    } else {
        return node;
    }
    return RT_NULL;
}

static int ramfs_open(struct dfs_file *fd)
{
    struct dfs_vnode *vnode = fd->vnode;
    int err = 0;
    struct ramfs_node *node = open_node(fs_ramfs(vnode->fs), vnode->path, fd->flags, &err);

    if (node == RT_NULL) {
        return err;
    }
    if (!node->is_dir && (fd->flags & O_TRUNC) && (fd->flags & O_ACCMODE) != O_RDONLY) {
        node->size = 0;
    }
    node->open_count++;
    vnode->data = node;
    vnode->type = node->is_dir ? FT_DIRECTORY : FT_REGULAR;
    vnode->size = node->size;
    return 0;
}

static int ramfs_close(struct dfs_file *fd)
{
    struct ramfs_node *node = fd->vnode->data;

    if (--node->open_count == 0 && node->unlinked) {
        node_free(node);
    }
    return 0;
}

static int ramfs_read(struct dfs_file *fd, void *buf, size_t count)
{
    struct ramfs_node *node = fd->vnode->data;
    rt_size_t avail;

    if ((rt_size_t)fd->pos >= node->size) {
        return 0;
    }
    avail = node->size - (rt_size_t)fd->pos;
    if (count > avail) {
        count = avail;
    }
    rt_memcpy(buf, node->data + fd->pos, count);
    fd->pos += (off_t)count;
    return (int)count;
}

/* Makes room for `need` bytes of data; the pool running out is ENOSPC. */
static int node_reserve(struct dfs_ramfs *ramfs, struct ramfs_node *node, rt_size_t need)
{
    rt_size_t cap = node->capacity ? node->capacity : 32;
    rt_uint8_t *data;

    if (need <= node->capacity) {
        return 0;
    }
    while (cap < need) {
        cap *= 2;
    }
    data = node->data ? rt_smem_realloc(ramfs->heap, node->data, cap)
                      : rt_smem_alloc(ramfs->heap, cap);
    if (data == RT_NULL && cap > need) { /* no room to grow ahead: try the exact size */
        cap = need;
        data = node->data ? rt_smem_realloc(ramfs->heap, node->data, cap)
                          : rt_smem_alloc(ramfs->heap, cap);
    }
    if (data == RT_NULL) {
        return -ENOSPC;
    }
    node->data = data;
    node->capacity = cap;
    return 0;
}

static int ramfs_write(struct dfs_file *fd, const void *buf, size_t count)
{
    struct ramfs_node *node = fd->vnode->data;
    rt_size_t pos = (rt_size_t)fd->pos;
    int result = node_reserve(fs_ramfs(fd->vnode->fs), node, pos + count);

    if (result < 0) {
        return result;
    }
    if (pos > node->size) {
        rt_memset(node->data + node->size, 0, pos - node->size); /* a hole reads as zeros */
    }
    rt_memcpy(node->data + pos, buf, count);
    fd->pos += (off_t)count;
    if (pos + count > node->size) {
        node->size = pos + count;
    }
    fd->vnode->size = node->size;
    return (int)count;
}

static int ramfs_lseek(struct dfs_file *fd, off_t offset)
{
    fd->pos = offset;
    return (int)offset;
}

static int ramfs_getdents(struct dfs_file *fd, struct dirent *dirp, rt_uint32_t count)
{
    struct ramfs_node *dir = fd->vnode->data;
    rt_uint32_t max = count / sizeof(struct dirent), index = 0, filled = 0;
    rt_list_t *pos;

    rt_list_for_each(pos, &dir->children)
    {
        struct ramfs_node *n = rt_list_entry(pos, struct ramfs_node, sibling);

        if (filled == max) {
            break;
        }
        if (index++ < (rt_uint32_t)fd->pos) {
            continue; /* returned by an earlier call */
        }
        dirp[filled].d_type = n->is_dir ? DT_DIR : DT_REG;
        dirp[filled].d_namlen = (rt_uint8_t)rt_strlen(n->name);
        dirp[filled].d_reclen = (rt_uint16_t)sizeof(struct dirent);
        rt_strncpy(dirp[filled].d_name, n->name, sizeof(dirp[filled].d_name));
        filled++;
    }
    fd->pos += (off_t)filled;
    return (int)(filled * sizeof(struct dirent));
}

/* Takes a node out of the tree; it is freed now or at its last close. */
static void node_detach(struct ramfs_node *node)
{
    rt_list_remove(&node->sibling);
    if (node->open_count > 0) {
        node->unlinked = RT_TRUE;
    } else {
        node_free(node);
    }
}

static int ramfs_unlink(struct dfs_filesystem *fs, const char *path)
{
    int err = 0;
    struct ramfs_node *node = node_lookup(fs_ramfs(fs), path, &err);

    if (node == RT_NULL) {
        return err;
    }
    if (node == &fs_ramfs(fs)->root) {
        return -EBUSY;
    }
    if (node->is_dir && !rt_list_isempty(&node->children)) {
        return -ENOTEMPTY;
    }
    node_detach(node);
    return 0;
}

static int ramfs_stat(struct dfs_filesystem *fs, const char *path, struct stat *st)
{
    int err = 0;
    struct ramfs_node *node = node_lookup(fs_ramfs(fs), path, &err);

    if (node == RT_NULL) {
        return err;
    }
    st->st_mode = node->is_dir ? (S_IFDIR | 0755) : (S_IFREG | 0644);
    st->st_size = (off_t)node->size;
    st->st_nlink = 1;
    return 0;
}

static rt_bool_t node_is_within(struct ramfs_node *node, struct ramfs_node *ancestor)
{
    for (; node != RT_NULL; node = node->parent) {
        if (node == ancestor) {
            return RT_TRUE;
        }
    }
    return RT_FALSE;
}

/* Checks whether `node` may move to `newparent`/`name`, replacing `target` (or RT_NULL). */
static int rename_check(struct ramfs_node *node, struct ramfs_node *newparent,
                        struct ramfs_node *target, const char *name)
{
    if (!newparent->is_dir) {
        return -ENOTDIR;
    }
    if (rt_strlen(name) > RAMFS_NAME_MAX) {
        return -ENAMETOOLONG;
    }
    if (node->is_dir && node_is_within(newparent, node)) {
        return -EINVAL; /* a directory cannot move into itself */
    }
    if (target == RT_NULL || target == node) {
        return 0;
    }
    if (target->is_dir != node->is_dir) {
        return target->is_dir ? -EISDIR : -ENOTDIR;
    }
    return (target->is_dir && !rt_list_isempty(&target->children)) ? -ENOTEMPTY : 0;
}

static int ramfs_rename(struct dfs_filesystem *fs, const char *oldpath, const char *newpath)
{
    struct dfs_ramfs *ramfs = fs_ramfs(fs);
    const char *name = RT_NULL;
    int err = 0;
    struct ramfs_node *node = node_lookup(ramfs, oldpath, &err);
    struct ramfs_node *newparent, *target;

    if (node == RT_NULL) {
        return err;
    }
    newparent = node_walk(ramfs, newpath, &name, &err);
    if (newparent == RT_NULL || name == RT_NULL || node == &ramfs->root) {
        return newparent == RT_NULL ? err : -EBUSY;
    }
    target = newparent->is_dir ? node_child(newparent, name, rt_strlen(name)) : RT_NULL;
    err = rename_check(node, newparent, target, name);
    if (err < 0 || target == node) {
        return err;
    }
    if (target != RT_NULL) {
        node_detach(target);
    }
    rt_list_remove(&node->sibling);
    rt_strncpy(node->name, name, RAMFS_NAME_MAX);
    node->parent = newparent;
    rt_list_insert_before(&newparent->children, &node->sibling);
    return 0;
}

static int ramfs_statfs(struct dfs_filesystem *fs, struct statfs *buf)
{
    struct dfs_ramfs *ramfs = fs_ramfs(fs);

    buf->f_bsize = 512;
    buf->f_blocks = ramfs->heap->total / 512;
    buf->f_bfree = (ramfs->heap->total - ramfs->heap->used) / 512;
    return 0;
}

static int ramfs_mount(struct dfs_filesystem *fs, unsigned long rwflag, const void *data)
{
    if (data == RT_NULL) {
        return -EINVAL;
    }
    fs->data = (void *)data;
    return 0;
}

void dfs_ramfs_destroy(struct dfs_ramfs *ramfs)
{
    if (ramfs != RT_NULL) {
        rt_smem_detach(ramfs->heap); /* everything, ramfs itself included, lived in it */
    }
}

static int ramfs_unmount(struct dfs_filesystem *fs)
{
    dfs_ramfs_destroy(fs_ramfs(fs));
    fs->data = RT_NULL;
    return 0;
}

static const struct dfs_file_ops ramfs_fops = {
    .open = ramfs_open,
    .close = ramfs_close,
    .read = ramfs_read,
    .write = ramfs_write,
    .lseek = ramfs_lseek,
    .getdents = ramfs_getdents,
};

static const struct dfs_filesystem_ops ramfs_ops = {
    .name = "ram",
    .fops = &ramfs_fops,
    .mount = ramfs_mount,
    .unmount = ramfs_unmount,
    .statfs = ramfs_statfs,
    .unlink = ramfs_unlink,
    .stat = ramfs_stat,
    .rename = ramfs_rename,
};

int dfs_ramfs_init(void)
{
    return dfs_register(&ramfs_ops);
}
INIT_COMPONENT_EXPORT(dfs_ramfs_init);
