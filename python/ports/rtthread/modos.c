/* Module os (also uos) over DFS, as MicroPython's: listdir, ilistdir, stat, statvfs, mkdir,
 * remove, rename, rmdir, getcwd, chdir, sync, uname, mount, umount. Errors raise OSError
 * with the errno value. */
#include "port_mod.h"
#include <dfs_fs.h>
#include <dfs_posix.h>
#include <dfs_ramfs.h>

#define S_IFDIR_MP 0x4000 /* MicroPython's type codes in ilistdir/stat */
#define S_IFREG_MP 0x8000

static _Noreturn void raise_errno(py_ctx *ctx)
{
    py_raise_oserror(ctx, (int)rt_get_errno());
}

static const char *path_arg(py_ctx *ctx, size_t n, const py_val *a)
{
    return n > 0 ? port_str(ctx, a[0]) : dfs_get_working_dir();
}

/* A directory's entries as records "type byte, name, NUL" in GC memory. Natives must not hold
 * a descriptor across calls that may raise, so: count (no allocation), allocate (may raise,
 * nothing open), then fill (nothing allocated). Returns the bytes used in *buf. */
static rt_size_t read_entries(py_ctx *ctx, const char *path, char **buf)
{
    rt_size_t need = 0, used = 0;
    struct dirent *e;
    DIR *d = dfs_opendir(path);

    if (d == RT_NULL) {
        raise_errno(ctx);
    }
    while ((e = dfs_readdir(d)) != RT_NULL) {
        need += (rt_size_t)e->d_namlen + 2;
    }
    dfs_closedir(d);
    *buf = py_alloc_raw(ctx, need + 1);
    d = dfs_opendir(path);
    while (d != RT_NULL && (e = dfs_readdir(d)) != RT_NULL && used + e->d_namlen + 2 <= need) {
        (*buf)[used++] = (char)e->d_type;
        rt_memcpy(*buf + used, e->d_name, (rt_size_t)e->d_namlen + 1);
        used += (rt_size_t)e->d_namlen + 1;
    }
    if (d != RT_NULL) {
        dfs_closedir(d);
    }
    return used;
}

/* Calls fn(ctx, type, name, arg) for each entry of a directory. */
static void each_entry(py_ctx *ctx, const char *path,
                       void (*fn)(py_ctx *, int, const char *, py_val), py_val arg)
{
    char *buf;
    rt_size_t len = read_entries(ctx, path, &buf), i = 0;

    while (i < len) {
        fn(ctx, buf[i], buf + i + 1, arg);
        i += rt_strlen(buf + i + 1) + 2;
    }
}

static void add_name(py_ctx *ctx, int type, const char *name, py_val list)
{
    py_list_append(ctx, list, py_str_from_cstr(ctx, name));
}

static py_val os_listdir(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    py_val list = py_list_new(ctx, 0, NULL);

    each_entry(ctx, path_arg(ctx, n, a), add_name, list);
    return list;
}
static PY_FUN(os_listdir_obj, "listdir", 0, 1, os_listdir);

static void add_tuple(py_ctx *ctx, int type, const char *name, py_val list)
{
    py_val t[4] = {py_str_from_cstr(ctx, name),
                   PY_MK_SMALL(type == DT_DIR ? S_IFDIR_MP : S_IFREG_MP), PY_MK_SMALL(0),
                   PY_MK_SMALL(0)};

    py_list_append(ctx, list, py_tuple_new(ctx, 4, t));
}

/* ilistdir(): an iterator of (name, type, inode, size) as MicroPython's. */
static py_val os_ilistdir(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    py_val list = py_list_new(ctx, 0, NULL);

    each_entry(ctx, path_arg(ctx, n, a), add_tuple, list);
    return py_iter(ctx, list);
}
static PY_FUN(os_ilistdir_obj, "ilistdir", 0, 1, os_ilistdir);

static py_val os_stat(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    struct stat st;
    py_val t[10];
    int i;

    if (dfs_stat(port_str(ctx, a[0]), &st) != 0) {
        raise_errno(ctx);
    }
    for (i = 0; i < 10; i++) {
        t[i] = PY_MK_SMALL(0);
    }
    t[0] = PY_MK_SMALL(S_ISDIR(st.st_mode) ? S_IFDIR_MP : S_IFREG_MP);
    t[6] = py_int_from(ctx, (intmax_t)st.st_size);
    t[7] = t[8] = t[9] = py_int_from(ctx, (intmax_t)st.st_mtime);
    return py_tuple_new(ctx, 10, t);
}
static PY_FUN(os_stat_obj, "stat", 1, 1, os_stat);

static py_val os_statvfs(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    struct statfs sf;
    py_val t[10];

    if (dfs_statfs(port_str(ctx, a[0]), &sf) != 0) {
        raise_errno(ctx);
    }
    t[0] = t[1] = py_int_from_u(ctx, sf.f_bsize);
    t[2] = py_int_from_u(ctx, sf.f_blocks);
    t[3] = t[4] = py_int_from_u(ctx, sf.f_bfree);
    t[5] = t[6] = t[7] = t[8] = PY_MK_SMALL(0);
    t[9] = PY_MK_SMALL(DFS_PATH_MAX);
    return py_tuple_new(ctx, 10, t);
}
static PY_FUN(os_statvfs_obj, "statvfs", 1, 1, os_statvfs);

/* The one-path calls: mkdir, remove, rmdir, chdir. */
static py_val path_call(py_ctx *ctx, py_val path, int (*fn)(const char *))
{
    if (fn(port_str(ctx, path)) != 0) {
        raise_errno(ctx);
    }
    return PY_NONE;
}

static int mkdir_default(const char *path)
{
    return dfs_mkdir(path, 0755);
}

static py_val os_mkdir(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return path_call(ctx, a[0], mkdir_default);
}
static PY_FUN(os_mkdir_obj, "mkdir", 1, 2, os_mkdir);

static py_val os_remove(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return path_call(ctx, a[0], dfs_unlink);
}
static PY_FUN(os_remove_obj, "remove", 1, 1, os_remove);

static py_val os_rmdir(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return path_call(ctx, a[0], dfs_rmdir);
}
static PY_FUN(os_rmdir_obj, "rmdir", 1, 1, os_rmdir);

static py_val os_chdir(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return path_call(ctx, a[0], dfs_chdir);
}
static PY_FUN(os_chdir_obj, "chdir", 1, 1, os_chdir);

static py_val os_rename(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    if (dfs_rename(port_str(ctx, a[0]), port_str(ctx, a[1])) != 0) {
        raise_errno(ctx);
    }
    return PY_NONE;
}
static PY_FUN(os_rename_obj, "rename", 2, 2, os_rename);

static py_val os_getcwd(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return py_str_from_cstr(ctx, dfs_get_working_dir());
}
static PY_FUN(os_getcwd_obj, "getcwd", 0, 0, os_getcwd);

static py_val os_sync(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return PY_NONE; /* every write reaches the file system at once (no write-back cache) */
}
static PY_FUN(os_sync_obj, "sync", 0, 0, os_sync);

/* uname(): (sysname, nodename, release, version, machine), MicroPython's field order. */
static py_val os_uname(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    char release[16];
    py_val t[5];

    rt_snprintf(release, sizeof(release), "%d.%d.%d", RT_VERSION_MAJOR, RT_VERSION_MINOR,
                RT_VERSION_PATCH);
    t[0] = py_str_from_cstr(ctx, "rt-thread");
    t[1] = py_str_from_cstr(ctx, "rt-thread");
    t[2] = py_str_from_cstr(ctx, release);
    t[3] = py_str_from_cstr(ctx, "rtlang " PY_PORT_VERSION " on " RTL_BOARD_NAME);
    t[4] = py_str_from_cstr(ctx, RTL_BOARD_NAME " with " RTL_CPU_NAME);
    return py_tuple_new(ctx, 5, t);
}
static PY_FUN(os_uname_obj, "uname", 0, 0, os_uname);

/* RAM disks mounted from Python own their pool until umount(). */
struct ram_mount {
    char *path; /* normalised mount point, rt_malloc()ed */
    void *pool;
};
static struct ram_mount ram_mounts[DFS_FILESYSTEMS_MAX];

static struct ram_mount *ram_slot(void)
{
    int i;

    for (i = 0; i < DFS_FILESYSTEMS_MAX; i++) {
        if (ram_mounts[i].pool == RT_NULL) {
            return &ram_mounts[i];
        }
    }
    return RT_NULL;
}

/* Mounts a RAM disk of `size` bytes at `path`; 0, or -1 with errno. */
static int ram_mount(const char *path, rt_size_t size)
{
    struct ram_mount *slot = ram_slot();
    struct dfs_ramfs *ramfs;
    int err = ENOMEM;

    if (slot == RT_NULL || (slot->pool = rt_malloc(size)) == RT_NULL) {
        rt_set_errno(ENOMEM);
        return -1;
    }
    slot->path = dfs_normalize_path(RT_NULL, path);
    if (slot->path == RT_NULL) {
        err = (int)rt_get_errno();
        goto fail;
    }
    ramfs = dfs_ramfs_create(slot->pool, size);
    if (ramfs == RT_NULL) {
        goto fail;
    }
    if (dfs_mount(RT_NULL, slot->path, "ram", 0, ramfs) == 0) {
        return 0;
    }
    err = (int)rt_get_errno();
    dfs_ramfs_destroy(ramfs); /* never mounted: ours to release */
fail:
    rt_free(slot->path);
    rt_free(slot->pool);
    slot->path = slot->pool = RT_NULL;
    rt_set_errno(err);
    return -1;
}

/* mount(fstype, path, arg=None): for "ram", arg is the RAM disk's size in bytes (8192 when
 * omitted); for other types, the name of the block device (None: none). */
static py_val os_mount(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    const char *type = port_str(ctx, a[0]), *path = port_str(ctx, a[1]);
    py_val arg = n > 2 ? a[2] : PY_NONE;
    int r;

    if (rt_strcmp(type, "ram") == 0) {
        intmax_t size = arg == PY_NONE ? 8192 : py_int_get(ctx, arg);

        if (size < 1024 || size > 16 * 1024 * 1024) {
            py_raise(ctx, &py_type_ValueError, "RAM disk size out of range");
        }
        r = ram_mount(path, (rt_size_t)size);
    } else {
        r = dfs_mount(arg == PY_NONE ? RT_NULL : port_str(ctx, arg), path, type, 0, RT_NULL);
    }
    if (r != 0) {
        raise_errno(ctx);
    }
    return PY_NONE;
}
static PY_FUN(os_mount_obj, "mount", 2, 3, os_mount);

static py_val os_umount(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    const char *path = port_str(ctx, a[0]);
    char *full = dfs_normalize_path(RT_NULL, path);
    int i;

    if (full == RT_NULL || dfs_unmount(full) != 0) {
        rt_free(full);
        raise_errno(ctx);
    }
    for (i = 0; i < DFS_FILESYSTEMS_MAX; i++) {
        if (ram_mounts[i].pool != RT_NULL && rt_strcmp(ram_mounts[i].path, full) == 0) {
            rt_free(ram_mounts[i].path);
            rt_free(ram_mounts[i].pool);
            ram_mounts[i].path = ram_mounts[i].pool = RT_NULL;
        }
    }
    rt_free(full);
    return PY_NONE;
}
static PY_FUN(os_umount_obj, "umount", 1, 1, os_umount);

static const py_attr_def os_attrs[] = {
    {"listdir", PY_OBJV(&os_listdir_obj)},
    {"ilistdir", PY_OBJV(&os_ilistdir_obj)},
    {"stat", PY_OBJV(&os_stat_obj)},
    {"statvfs", PY_OBJV(&os_statvfs_obj)},
    {"mkdir", PY_OBJV(&os_mkdir_obj)},
    {"remove", PY_OBJV(&os_remove_obj)},
    {"rmdir", PY_OBJV(&os_rmdir_obj)},
    {"rename", PY_OBJV(&os_rename_obj)},
    {"getcwd", PY_OBJV(&os_getcwd_obj)},
    {"chdir", PY_OBJV(&os_chdir_obj)},
    {"sync", PY_OBJV(&os_sync_obj)},
    {"uname", PY_OBJV(&os_uname_obj)},
    {"mount", PY_OBJV(&os_mount_obj)},
    {"umount", PY_OBJV(&os_umount_obj)},
    {NULL, 0},
};

const py_module_def port_mod_os = {"os", os_attrs, NULL};
