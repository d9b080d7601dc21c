/* The os module: file-system access through the port HAL (no OS headers in
 * the interpreter). Functions whose HAL callback is missing raise
 * OSError(ENOSYS) rather than guess. stat() works with the basic HAL (type + size via
 * open/seek) and uses the richer stat callback when the port has one. */
#include <string.h>

#include "modutil.h"
#include "rtpy.h"

#define E_NOENT 2
#define E_NOSYS 38

#define S_IFDIR 0040000
#define S_IFREG 0100000

static const rtpy_hal *hal(py_ctx *ctx)
{
    const rtpy_hal *h = py_hal(ctx);
    if (!h) {
        py_raise_oserror(ctx, E_NOSYS);
    }
    return h;
}

static const char *path_arg(py_ctx *ctx, py_val v)
{
    size_t len;
    const py_type *t = py_type_of(v);
    if (t != &py_type_str && t != &py_type_bytes) {
        py_raise(ctx, &py_type_TypeError,
                 "stat: path should be string, bytes or os.PathLike, not %s", t->name);
    }
    const char *s = py_str_get(ctx, v, &len);
    if (memchr(s, 0, len)) {
        py_raise(ctx, &py_type_ValueError, "embedded null byte");
    }
    return s;
}

#ifdef RTPY_HAL_FS
static void check(py_ctx *ctx, int rc)
{
    if (rc < 0) {
        py_raise_oserror(ctx, -rc);
    }
}
#endif

/* ---- stat ------------------------------------------------------------------ */

enum {
    ST_MODE,
    ST_INO,
    ST_DEV,
    ST_NLINK,
    ST_UID,
    ST_GID,
    ST_SIZE,
    ST_ATIME,
    ST_MTIME,
    ST_CTIME,
    ST_N
};

static const char *const st_names[ST_N] = {"st_mode",  "st_ino",  "st_dev",  "st_nlink",
                                           "st_uid",   "st_gid",  "st_size", "st_atime",
                                           "st_mtime", "st_ctime"};

extern const py_type os_stat_result_type;

/* Size of a regular file by seeking to its end. */
static long file_size(py_ctx *ctx, const rtpy_hal *h, const char *path)
{
    if (!h->file_open || !h->file_seek || !h->file_close) {
        return 0;
    }
    int err = 0;
    rtpy_file f = h->file_open(h->user, path, "rb", &err);
    if (!f) {
        return 0;
    }
    long size = h->file_seek(h->user, f, 0, 2);
    h->file_close(h->user, f);
    return size < 0 ? 0 : size;
}

static py_val make_stat(py_ctx *ctx, const py_val *fields)
{
    py_val t = py_tuple_new(ctx, ST_N, fields);
    ((py_obj *)PY_PTR(t))->type = &os_stat_result_type;
    return t;
}

static py_val os_stat(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    const rtpy_hal *h = hal(ctx);
    const char *path = path_arg(ctx, a[0]);
    py_val f[ST_N];
    for (int i = 0; i < ST_N; i++) {
        f[i] = PY_MK_SMALL(0);
    }
#ifdef RTPY_HAL_FS
    if (h->stat2) {
        rtpy_stat st;
        check(ctx, h->stat2(h->user, path, &st));
        f[ST_MODE] = py_int_from(ctx, st.mode);
        f[ST_SIZE] = py_int_from_u(ctx, st.size);
        f[ST_ATIME] = py_float_new(ctx, (py_float_t)st.atime);
        f[ST_MTIME] = py_float_new(ctx, (py_float_t)st.mtime);
        f[ST_CTIME] = py_float_new(ctx, (py_float_t)st.ctime);
        f[ST_NLINK] = PY_MK_SMALL(1);
        return make_stat(ctx, f);
    }
#endif
    if (!h->stat) {
        py_raise_oserror(ctx, E_NOSYS);
    }
    int kind = h->stat(h->user, path);
    if (kind == 0) {
        py_raise_oserror(ctx, E_NOENT);
    }
    f[ST_MODE] = PY_MK_SMALL(kind == 2 ? S_IFDIR | 0755 : S_IFREG | 0644);
    f[ST_NLINK] = PY_MK_SMALL(1);
    f[ST_SIZE] = py_int_from(ctx, kind == 1 ? file_size(ctx, h, path) : 0);
    return make_stat(ctx, f);
}
static PY_FUN(os_stat_obj, "stat", 1, 1, os_stat);

static void stat_print(py_ctx *ctx, py_print *p, py_val self, int kind)
{
    py_tuple *t = PY_PTR(self);
    py_print_str(p, "os.stat_result(");
    for (int i = 0; i < ST_N; i++) {
        py_printf(ctx, p, "%s%s=%r", i ? ", " : "", st_names[i], t->items[i]);
    }
    py_print_str(p, ")");
}

static bool stat_attr(py_ctx *ctx, py_val self, py_qstr name, int op, py_val *value)
{
    const char *s = py_qstr_str(ctx, name, NULL);
    for (int i = 0; op == PY_ATTR_LOAD && i < ST_N; i++) {
        if (!strcmp(s, st_names[i])) {
            *value = ((py_tuple *)PY_PTR(self))->items[i];
            return true;
        }
    }
    return false;
}

const py_type os_stat_result_type = {
    {&py_type_type},
    "stat_result",
    0,
    NULL,
    stat_print,
    .attr = stat_attr,
    .base_type = &py_type_tuple,
    .binary_op = mod_tuple_binary,
};

/* ---- directories and files ------------------------------------------------ */

#ifdef RTPY_HAL_FS
typedef struct dir_collect {
    py_ctx *ctx;
    py_val list;
    bool with_type; /* ilistdir: (name, type, inode) tuples */
} dir_collect;

static int collect_entry(void *arg, const char *name, int is_dir)
{
    dir_collect *c = arg;
    py_val v = py_str_from_cstr(c->ctx, name);
    if (c->with_type) {
        py_val t[3] = {v, PY_MK_SMALL(is_dir ? S_IFDIR : S_IFREG), PY_MK_SMALL(0)};
        v = py_tuple_new(c->ctx, 3, t);
    }
    py_list_append(c->ctx, c->list, v);
    return 0;
}

static py_val list_dir(py_ctx *ctx, size_t n, const py_val *a, bool with_type)
{
    const rtpy_hal *h = hal(ctx);
    if (!h->listdir) {
        py_raise_oserror(ctx, E_NOSYS);
    }
    dir_collect c = {ctx, py_list_new(ctx, 0, NULL), with_type};
    check(ctx, h->listdir(h->user, n ? path_arg(ctx, a[0]) : ".", collect_entry, &c));
    return c.list;
}

#define PATH_FN(name, field)                                                   \
    static py_val os_##name(py_ctx *ctx, size_t n, size_t nk, const py_val *a) \
    {                                                                          \
        const rtpy_hal *h = hal(ctx);                                          \
        if (!h->field) {                                                       \
            py_raise_oserror(ctx, E_NOSYS);                                    \
        }                                                                      \
        check(ctx, h->field(h->user, path_arg(ctx, a[0])));                    \
        return PY_NONE;                                                        \
    }

PATH_FN(mkdir, mkdir)
PATH_FN(rmdir, rmdir)
PATH_FN(remove, remove)
PATH_FN(chdir, chdir)

static py_val os_rename(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    const rtpy_hal *h = hal(ctx);
    if (!h->rename) {
        py_raise_oserror(ctx, E_NOSYS);
    }
    check(ctx, h->rename(h->user, path_arg(ctx, a[0]), path_arg(ctx, a[1])));
    return PY_NONE;
}

static py_val os_getcwd(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    const rtpy_hal *h = hal(ctx);
    if (!h->getcwd) {
        py_raise_oserror(ctx, E_NOSYS);
    }
    char buf[256];
    check(ctx, h->getcwd(h->user, buf, sizeof buf));
    buf[sizeof buf - 1] = 0;
    return py_str_from_cstr(ctx, buf);
}

static py_val os_urandom(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    const rtpy_hal *h = hal(ctx);
    intmax_t len = py_int_get(ctx, a[0]);
    if (len < 0) {
        py_raise(ctx, &py_type_ValueError, "negative argument not allowed");
    }
    if (!h->urandom) {
        py_raise_oserror(ctx, E_NOSYS);
    }
    py_str_obj *b = py_str_alloc(ctx, &py_type_bytes, (size_t)len);
    check(ctx, h->urandom(h->user, b->data, (size_t)len));
    return py_str_finish(ctx, b);
}
#else
/* Ports without the file-system HAL: these raise OSError(ENOSYS). */
static py_val os_nosys(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    py_raise_oserror(ctx, E_NOSYS);
}
#define os_mkdir   os_nosys
#define os_rmdir   os_nosys
#define os_remove  os_nosys
#define os_chdir   os_nosys
#define os_rename  os_nosys
#define os_urandom os_nosys

static py_val list_dir(py_ctx *ctx, size_t n, const py_val *a, bool with_type)
{
    py_raise_oserror(ctx, E_NOSYS);
}

#define os_getcwd  os_nosys
#endif

static PY_FUN(os_mkdir_obj, "mkdir", 1, 2, os_mkdir);
static PY_FUN(os_rmdir_obj, "rmdir", 1, 1, os_rmdir);
static PY_FUN(os_remove_obj, "remove", 1, 1, os_remove);
static PY_FUN(os_chdir_obj, "chdir", 1, 1, os_chdir);
static PY_FUN(os_rename_obj, "rename", 2, 2, os_rename);
static PY_FUN(os_urandom_obj, "urandom", 1, 1, os_urandom);
static PY_FUN(os_getcwd_obj, "getcwd", 0, 0, os_getcwd);

static py_val os_listdir(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return list_dir(ctx, n, a, false);
}
static PY_FUN(os_listdir_obj, "listdir", 0, 1, os_listdir);

static py_val os_ilistdir(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return py_iter(ctx, list_dir(ctx, n, a, true));
}
static PY_FUN(os_ilistdir_obj, "ilistdir", 0, 1, os_ilistdir);

/* ---- os.path (posixpath semantics; an object with the functions as
 * methods, since modules are flat here) ------------------------------------ */

static const char *text_arg(py_ctx *ctx, py_val v, size_t *len)
{
    const py_type *t = py_type_of(v);
    if (t != &py_type_str && t != &py_type_bytes) {
        py_raise(ctx, &py_type_TypeError, "expected str, bytes or os.PathLike object, not %s",
                 t->name);
    }
    return py_str_get(ctx, v, len);
}

static py_val same_kind(py_ctx *ctx, py_val like, const char *s, size_t n)
{
    s = n ? s : "";
    return py_type_of(like) == &py_type_bytes ? py_bytes_new(ctx, s, n) : py_str_new(ctx, s, n);
}

/* Index after the last '/', and the head length without trailing slashes
 * (unless the head is all slashes). */
static size_t split_at(const char *s, size_t n, size_t *head)
{
    size_t i = n;
    while (i > 0 && s[i - 1] != '/') {
        i--;
    }
    size_t h = i;
    while (h > 0 && s[h - 1] == '/') {
        h--;
    }
    *head = h ? h : i; /* "///x" keeps its slashes */
    return i;
}

static py_val op_split(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    size_t len, head;
    const char *s = text_arg(ctx, a[1], &len);
    size_t i = split_at(s, len, &head);
    py_val t[2] = {same_kind(ctx, a[1], s, head), same_kind(ctx, a[1], s + i, len - i)};
    return py_tuple_new(ctx, 2, t);
}
static PY_FUN(op_split_obj, "split", 2, 2, op_split);

static py_val op_basename(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    size_t len, head;
    const char *s = text_arg(ctx, a[1], &len);
    size_t i = split_at(s, len, &head);
    return same_kind(ctx, a[1], s + i, len - i);
}
static PY_FUN(op_basename_obj, "basename", 2, 2, op_basename);

static py_val op_dirname(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    size_t len, head;
    const char *s = text_arg(ctx, a[1], &len);
    split_at(s, len, &head);
    return same_kind(ctx, a[1], s, head);
}
static PY_FUN(op_dirname_obj, "dirname", 2, 2, op_dirname);

static py_val op_join(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    mod_buf b;
    mb_init(ctx, &b, 64);
    for (size_t k = 1; k < n; k++) {
        size_t len;
        const char *s = text_arg(ctx, a[k], &len);
        if (len && s[0] == '/') {
            b.len = 0; /* an absolute component restarts the path */
        } else if (b.len && b.data[b.len - 1] != '/') {
            mb_addc(ctx, &b, '/');
        }
        mb_add(ctx, &b, s, len);
    }
    return same_kind(ctx, a[1], b.data, b.len);
}
static PY_FUN(op_join_obj, "join", 2, PY_ARGS_VAR, op_join);

static py_val op_splitext(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    size_t len, head;
    const char *s = text_arg(ctx, a[1], &len);
    size_t base = split_at(s, len, &head), dot = len;
    for (size_t i = len; i-- > base;) {
        if (s[i] == '.') {
            dot = i;
            break;
        }
    }
    /* A leading run of dots (".bashrc") is not an extension. */
    size_t first = base;
    while (first < dot && s[first] == '.') {
        first++;
    }
    if (dot == len || first == dot) {
        dot = len;
    }
    py_val t[2] = {same_kind(ctx, a[1], s, dot), same_kind(ctx, a[1], s + dot, len - dot)};
    return py_tuple_new(ctx, 2, t);
}
static PY_FUN(op_splitext_obj, "splitext", 2, 2, op_splitext);

static py_val op_isabs(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    size_t len;
    const char *s = text_arg(ctx, a[1], &len);
    return PY_BOOL(len && s[0] == '/');
}
static PY_FUN(op_isabs_obj, "isabs", 2, 2, op_isabs);

/* normpath: collapse "//", "." and "name/.." (posixpath rules). */
static py_val op_normpath(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    size_t len;
    const char *s = text_arg(ctx, a[1], &len);
    if (!len) {
        return same_kind(ctx, a[1], ".", 1);
    }
    size_t lead = s[0] == '/' ? (len > 1 && s[1] == '/' && (len == 2 || s[2] != '/') ? 2 : 1) : 0;
    /* comps: (offset, length) of kept components */
    size_t *comp = py_alloc_raw(ctx, (len / 2 + 2) * 2 * sizeof(size_t)), nc = 0;
    for (size_t i = 0; i < len;) {
        while (i < len && s[i] == '/') {
            i++;
        }
        size_t st = i;
        while (i < len && s[i] != '/') {
            i++;
        }
        size_t cl = i - st;
        if (!cl || (cl == 1 && s[st] == '.')) {
            continue;
        }
        bool dotdot = cl == 2 && s[st] == '.' && s[st + 1] == '.';
        bool prev_dotdot = nc && comp[2 * nc - 1] == 2 && s[comp[2 * nc - 2]] == '.' &&
                           s[comp[2 * nc - 2] + 1] == '.';
        if (dotdot && !((!lead && !nc) || prev_dotdot)) {
            if (nc) {
                nc--; /* "name/.." cancels; "/.." stays "/" */
            }
            continue;
        }
        comp[2 * nc] = st;
        comp[2 * nc + 1] = cl;
        nc++;
    }
    mod_buf b;
    mb_init(ctx, &b, len + 2);
    mb_add(ctx, &b, "//", lead);
    for (size_t k = 0; k < nc; k++) {
        if (k) {
            mb_addc(ctx, &b, '/');
        }
        mb_add(ctx, &b, s + comp[2 * k], comp[2 * k + 1]);
    }
    if (!b.len) {
        mb_addc(ctx, &b, '.');
    }
    return same_kind(ctx, a[1], b.data, b.len);
}
static PY_FUN(op_normpath_obj, "normpath", 2, 2, op_normpath);

/* 0 missing, 1 file, 2 directory (the basic HAL's stat). */
static int path_kind(py_ctx *ctx, py_val p)
{
    const rtpy_hal *h = hal(ctx);
    size_t len;
    const char *s = text_arg(ctx, p, &len);
    return h->stat && !memchr(s, 0, len) ? h->stat(h->user, s) : 0;
}

static py_val op_exists(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return PY_BOOL(path_kind(ctx, a[1]) != 0);
}
static PY_FUN(op_exists_obj, "exists", 2, 2, op_exists);

static py_val op_isfile(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return PY_BOOL(path_kind(ctx, a[1]) == 1);
}
static PY_FUN(op_isfile_obj, "isfile", 2, 2, op_isfile);

static py_val op_isdir(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return PY_BOOL(path_kind(ctx, a[1]) == 2);
}
static PY_FUN(op_isdir_obj, "isdir", 2, 2, op_isdir);

static py_val op_getsize(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    py_val st = os_stat(ctx, 1, 0, a + 1);
    return ((py_tuple *)PY_PTR(st))->items[ST_SIZE];
}
static PY_FUN(op_getsize_obj, "getsize", 2, 2, op_getsize);

static const py_attr_def ospath_locals[] = {
    {"join", PY_OBJV(&op_join_obj)},         {"split", PY_OBJV(&op_split_obj)},
    {"basename", PY_OBJV(&op_basename_obj)}, {"dirname", PY_OBJV(&op_dirname_obj)},
    {"splitext", PY_OBJV(&op_splitext_obj)}, {"isabs", PY_OBJV(&op_isabs_obj)},
    {"normpath", PY_OBJV(&op_normpath_obj)}, {"exists", PY_OBJV(&op_exists_obj)},
    {"isfile", PY_OBJV(&op_isfile_obj)},     {"isdir", PY_OBJV(&op_isdir_obj)},
    {"getsize", PY_OBJV(&op_getsize_obj)},   {NULL, 0},
};

static void ospath_print(py_ctx *ctx, py_print *p, py_val self, int kind)
{
    py_print_str(p, "<module 'posixpath'>");
}

static const py_type os_path_type = {{&py_type_type},        "posixpath", 0, NULL, ospath_print,
                                     .locals = ospath_locals};

static const py_attr_def os_attrs[] = {
    {"stat", PY_OBJV(&os_stat_obj)},
    {"listdir", PY_OBJV(&os_listdir_obj)},
    {"ilistdir", PY_OBJV(&os_ilistdir_obj)},
    {"getcwd", PY_OBJV(&os_getcwd_obj)},
    {"chdir", PY_OBJV(&os_chdir_obj)},
    {"mkdir", PY_OBJV(&os_mkdir_obj)},
    {"rmdir", PY_OBJV(&os_rmdir_obj)},
    {"remove", PY_OBJV(&os_remove_obj)},
    {"unlink", PY_OBJV(&os_remove_obj)},
    {"rename", PY_OBJV(&os_rename_obj)},
    {"urandom", PY_OBJV(&os_urandom_obj)},
    {"stat_result", PY_OBJV(&os_stat_result_type)},
    {NULL, 0},
};

static void os_init(py_ctx *ctx, py_val module)
{
    py_module_set(ctx, module, "sep", py_str_from_cstr(ctx, "/"));
    py_module_set(ctx, module, "curdir", py_str_from_cstr(ctx, "."));
    py_module_set(ctx, module, "pardir", py_str_from_cstr(ctx, ".."));
    py_module_set(ctx, module, "linesep", py_str_from_cstr(ctx, "\n"));
    py_module_set(ctx, module, "name", py_str_from_cstr(ctx, "posix"));
    py_module_set(ctx, module, "path", PY_VAL(py_obj_new(ctx, &os_path_type, sizeof(py_obj))));
}

const py_module_def py_mod_os = {"os", os_attrs, os_init};
