/* Core modules (sys, gc, micropython), file objects over the HAL, and the
 * import machinery. */
#include "internal.h"

py_val py_run_code(py_ctx *ctx, py_code *co, py_dict *globals, py_dict *locals);

/* --- file objects ------------------------------------------------------------------- */

typedef struct py_file {
    py_obj base;
    rtpy_file handle; /* NULL for the standard streams */
    int fd;           /* 0, 1, 2 for standard streams, -1 otherwise */
    uint8_t binary, readable, writable, closed;
    py_val name;
    py_val mode;
} py_file;

const py_type py_type_textio;

static void check_open(py_ctx *ctx, py_file *f)
{
    if (f->closed) {
        py_raise(ctx, &py_type_ValueError, "I/O operation on closed file");
    }
}

py_val py_file_write(py_ctx *ctx, py_val file, const char *s, size_t n)
{
    if (py_type_of(file) != &py_type_textio) {
        py_val arg = py_str_new(ctx, s, n);
        return py_call_method(ctx, file, PY_Q_write, 1, &arg);
    }
    py_file *f = PY_PTR(file);
    check_open(ctx, f);
    const rtpy_hal *hal = ctx->hal;
    if (f->fd >= 1) {
        hal->write(hal->user, f->fd, s, n);
        return PY_MK_SMALL(n);
    }
    if (!f->writable || hal->file_write == NULL) {
        py_raise(ctx, &py_type_OSError, "not writable");
    }
    long r = hal->file_write(hal->user, f->handle, s, n);
    if (r < 0) {
        py_raise_oserror(ctx, (int)-r);
    }
    return PY_MK_SMALL(r);
}

static long file_read_raw(py_ctx *ctx, py_file *f, char *buf, size_t n)
{
    const rtpy_hal *hal = ctx->hal;
    long r;
    if (f->fd == 0) {
        r = hal->read ? hal->read(hal->user, buf, n) : 0;
    } else {
        if (!f->readable || hal->file_read == NULL) {
            py_raise(ctx, &py_type_OSError, "not readable");
        }
        r = hal->file_read(hal->user, f->handle, buf, n);
    }
    if (r < 0) {
        py_raise_oserror(ctx, (int)-r);
    }
    return r;
}

static py_val file_result(py_ctx *ctx, py_file *f, py_strbuf *b)
{
    return py_strbuf_finish(b, f->binary ? &py_type_bytes : &py_type_str);
}

static py_val file_read(py_ctx *ctx, size_t n_args, size_t n_kw, const py_val *args)
{
    py_file *f = PY_PTR(args[0]);
    check_open(ctx, f);
    intmax_t want = n_args > 1 && args[1] != PY_NONE ? py_int_get(ctx, args[1]) : -1;
    py_strbuf b;
    py_strbuf_init(ctx, &b, want > 0 && want < 4096 ? (size_t)want : 256);
    char buf[256];
    while (want < 0 || (intmax_t)b.len < want) {
        size_t chunk = sizeof(buf);
        if (want >= 0 && (size_t)(want - (intmax_t)b.len) < chunk) {
            chunk = (size_t)(want - (intmax_t)b.len);
        }
        long r = file_read_raw(ctx, f, buf, chunk);
        if (r <= 0) {
            break;
        }
        py_strbuf_add(&b, buf, (size_t)r);
        py_check_interrupt(ctx);
    }
    return file_result(ctx, f, &b);
}
static PY_FUN(file_read_obj, "read", 1, 2, file_read);

/* readinto(buf[, n]): reads up to len(buf) (or n) bytes into a bytearray; returns the count. */
static py_val file_readinto(py_ctx *ctx, size_t n_args, size_t n_kw, const py_val *args)
{
    py_file *f = PY_PTR(args[0]);
    size_t len, got = 0;
    char *dst;

    check_open(ctx, f);
    if (py_type_of(args[1]) != &py_type_bytearray) {
        py_raise(ctx, &py_type_TypeError,
                 "readinto() argument must be read-write bytes-like object, not %T", args[1]);
    }
    dst = (char *)py_str_get(ctx, args[1], &len); /* a bytearray's storage is mutable */
    if (n_args > 2 && (size_t)py_int_get(ctx, args[2]) < len) {
        len = (size_t)py_int_get(ctx, args[2]);
    }
    while (got < len) {
        long r = file_read_raw(ctx, f, dst + got, len - got);
        if (r <= 0) {
            break;
        }
        got += (size_t)r;
    }
    return PY_MK_SMALL(got);
}
static PY_FUN(file_readinto_obj, "readinto", 2, 3, file_readinto);

static py_val file_readline(py_ctx *ctx, size_t n_args, size_t n_kw, const py_val *args)
{
    py_file *f = PY_PTR(args[0]);
    check_open(ctx, f);
    py_strbuf b;
    py_strbuf_init(ctx, &b, 64);
    char c;
    while (file_read_raw(ctx, f, &c, 1) == 1) {
        py_strbuf_addc(&b, c);
        if (c == '\n') {
            break;
        }
    }
    return file_result(ctx, f, &b);
}
static PY_FUN(file_readline_obj, "readline", 1, 2, file_readline);

static py_val file_readlines(py_ctx *ctx, size_t n_args, size_t n_kw, const py_val *args)
{
    py_val l = py_list_new(ctx, 0, NULL);
    for (;;) {
        py_val line = file_readline(ctx, 1, 0, args);
        size_t n;
        py_str_get(ctx, line, &n);
        if (n == 0) {
            return l;
        }
        py_list_append(ctx, l, line);
    }
}
static PY_FUN(file_readlines_obj, "readlines", 1, 2, file_readlines);

static py_val file_write(py_ctx *ctx, size_t n_args, size_t n_kw, const py_val *args)
{
    py_file *f = PY_PTR(args[0]);
    check_open(ctx, f);
    bool is_text = py_type_of(args[1]) == &py_type_str;
    if (f->binary == is_text) {
        py_raise(ctx, &py_type_TypeError,
                 f->binary ? "a bytes-like object is required, not '%s'"
                           : "write() argument must be str, not %s",
                 py_type_name(args[1]));
    }
    size_t n;
    const char *s = py_str_get(ctx, args[1], &n);
    py_file_write(ctx, args[0], s, n);
    return PY_MK_SMALL(is_text ? py_len(ctx, args[1]) : n);
}
static PY_FUN(file_write_obj, "write", 2, 2, file_write);

static py_val file_flush(py_ctx *ctx, size_t n_args, size_t n_kw, const py_val *args)
{
    return PY_NONE;
}
static PY_FUN(file_flush_obj, "flush", 1, 1, file_flush);

static py_val file_close(py_ctx *ctx, size_t n_args, size_t n_kw, const py_val *args)
{
    py_file *f = PY_PTR(args[0]);
    if (!f->closed && f->handle != NULL && ctx->hal->file_close != NULL) {
        ctx->hal->file_close(ctx->hal->user, f->handle);
        f->handle = NULL;
    }
    if (f->fd < 0) {
        f->closed = 1;
    }
    return PY_NONE;
}
static PY_FUN(file_close_obj, "close", 1, 1, file_close);

static py_val file_seek(py_ctx *ctx, size_t n_args, size_t n_kw, const py_val *args)
{
    py_file *f = PY_PTR(args[0]);
    check_open(ctx, f);
    if (f->handle == NULL || ctx->hal->file_seek == NULL) {
        py_raise(ctx, &py_type_OSError, "seek not supported");
    }
    long off = (long)py_int_get(ctx, args[1]);
    int whence = n_args > 2 ? (int)py_int_get(ctx, args[2]) : 0;
    long r = ctx->hal->file_seek(ctx->hal->user, f->handle, off, whence);
    if (r < 0) {
        py_raise_oserror(ctx, (int)-r);
    }
    return PY_MK_SMALL(r);
}
static PY_FUN(file_seek_obj, "seek", 2, 3, file_seek);

static py_val file_tell(py_ctx *ctx, size_t n_args, size_t n_kw, const py_val *args)
{
    py_val a[3] = {args[0], PY_MK_SMALL(0), PY_MK_SMALL(1)};
    return file_seek(ctx, 3, 0, a);
}
static PY_FUN(file_tell_obj, "tell", 1, 1, file_tell);

static py_val file_enter(py_ctx *ctx, size_t n_args, size_t n_kw, const py_val *args)
{
    return args[0];
}
static PY_FUN(file_enter_obj, "__enter__", 1, 1, file_enter);

static py_val file_exit(py_ctx *ctx, size_t n_args, size_t n_kw, const py_val *args)
{
    file_close(ctx, 1, 0, args);
    return PY_NONE;
}
static PY_FUN(file_exit_obj, "__exit__", 1, 4, file_exit);

static const py_attr_def file_locals[] = {
    {"read", PY_OBJV(&file_read_obj)},         {"readinto", PY_OBJV(&file_readinto_obj)},
    {"readline", PY_OBJV(&file_readline_obj)}, {"readlines", PY_OBJV(&file_readlines_obj)},
    {"write", PY_OBJV(&file_write_obj)},       {"flush", PY_OBJV(&file_flush_obj)},
    {"close", PY_OBJV(&file_close_obj)},       {"seek", PY_OBJV(&file_seek_obj)},
    {"tell", PY_OBJV(&file_tell_obj)},         {"__enter__", PY_OBJV(&file_enter_obj)},
    {"__exit__", PY_OBJV(&file_exit_obj)},     {NULL, 0},
};

static py_val file_iternext(py_ctx *ctx, py_val self)
{
    py_val line = file_readline(ctx, 1, 0, &self);
    size_t n;
    py_str_get(ctx, line, &n);
    return n == 0 ? PY_STOP : line;
}

static void file_print(py_ctx *ctx, py_print *p, py_val self, int kind)
{
    py_file *f = PY_PTR(self);
    py_printf(ctx, p, "<_io.%s name=%r mode=%r>", f->binary ? "BufferedIOBase" : "TextIOWrapper",
              f->name, f->mode);
}

static bool file_attr(py_ctx *ctx, py_val self, py_qstr name, int op, py_val *value)
{
    py_file *f = PY_PTR(self);
    if (op != PY_ATTR_LOAD) {
        return false;
    }
    switch (name) {
    case PY_Q_closed: *value = PY_BOOL(f->closed); return true;
    case PY_Q_name: *value = f->name; return true;
    case PY_Q_mode: *value = f->mode; return true;
    }
    return false;
}

const py_type py_type_textio = {
    {&py_type_type}, "TextIOWrapper",   PY_TF_ITER_SELF,           NULL,
    file_print,      .attr = file_attr, .iternext = file_iternext, .locals = file_locals,
};

py_val py_std_stream(py_ctx *ctx, int fd, const char *name, const char *mode)
{
    py_file *f = py_obj_new(ctx, &py_type_textio, sizeof(py_file));
    f->fd = fd;
    f->readable = fd == 0;
    f->writable = fd != 0;
    f->name = py_str_from_cstr(ctx, name);
    f->mode = py_str_from_cstr(ctx, mode);
    return PY_VAL(f);
}

py_val py_open(py_ctx *ctx, size_t n_args, size_t n_kw, const py_val *args)
{
    static const py_arg_spec spec[] = {{PY_Q_file, PY_ARG_REQUIRED, PY_NULL},
                                       {PY_Q_mode, 0, PY_NULL},
                                       {PY_Q_buffering, 0, PY_NONE},
                                       {PY_Q_encoding, 0, PY_NONE},
                                       {PY_Q_errors, 0, PY_NONE},
                                       {PY_Q_newline, 0, PY_NONE}};
    py_val a[6];
    py_parse_args(ctx, n_args, n_kw, args, spec, 6, a);
    size_t pn, mn = 1;
    const char *path = py_str_get(ctx, a[0], &pn);
    const char *mode = a[1] == PY_NULL ? "r" : py_str_get(ctx, a[1], &mn);
    char m[8] = {0};
    bool binary = false, plus = false;
    char kind = 0;
    for (size_t i = 0; i < mn; i++) {
        char c = mode[i];
        if (c == 'b') {
            binary = true;
        } else if (c == '+') {
            plus = true;
        } else if (c == 't') {
        } else if ((c == 'r' || c == 'w' || c == 'a' || c == 'x') && kind == 0) {
            kind = c;
        } else {
            py_raise(ctx, &py_type_ValueError, "invalid mode: '%s'", mode);
        }
    }
    if (kind == 0) {
        py_raise(ctx, &py_type_ValueError,
                 "Must have exactly one of create/read/write/append mode and at most one plus");
    }
    m[0] = kind;
    size_t k = 1;
    if (plus) {
        m[k++] = '+';
    }
    if (binary) {
        m[k++] = 'b';
    }
    const rtpy_hal *hal = ctx->hal;
    if (hal->file_open == NULL) {
        py_raise_oserror(ctx, 2);
    }
    char small[128];
    char *cpath = pn < sizeof(small) ? small : py_alloc_raw(ctx, pn + 1);
    path = py_str_get(ctx, a[0], &pn);
    memcpy(cpath, path, pn);
    cpath[pn] = 0;
    if (strlen(cpath) != pn) {
        py_raise(ctx, &py_type_ValueError, "embedded null byte");
    }
    py_file *f = py_obj_new(ctx, &py_type_textio, sizeof(py_file));
    int err = 0;
    rtpy_file h = hal->file_open(hal->user, cpath, m, &err);
    if (h == NULL) {
        py_val eargs[3] = {PY_MK_SMALL(err ? err : 2), PY_NULL, a[0]};
        eargs[1] = py_str_from_cstr(ctx, err == 13   ? "Permission denied"
                                         : err == 21 ? "Is a directory"
                                         : err == 17 ? "File exists"
                                                     : "No such file or directory");
        py_raise_obj(ctx, py_exc_new(ctx, &py_type_OSError, 3, eargs));
    }
    f->handle = h;
    f->fd = -1;
    f->binary = binary;
    f->readable = kind == 'r' || plus;
    f->writable = kind != 'r' || plus;
    f->name = a[0];
    f->mode = py_str_from_cstr(ctx, m);
    py_list_append(ctx, ctx->open_files, PY_VAL(f));
    return PY_VAL(f);
}

void py_close_all_files(py_ctx *ctx)
{
    if (ctx->open_files == PY_NULL) {
        return;
    }
    py_list *l = PY_PTR(ctx->open_files);
    for (size_t i = 0; i < l->len; i++) {
        py_file *f = PY_PTR(l->items[i]);
        if (!f->closed && f->handle != NULL && ctx->hal->file_close != NULL) {
            ctx->hal->file_close(ctx->hal->user, f->handle);
            f->handle = NULL;
            f->closed = 1;
        }
    }
    l->len = 0;
}

/* --- sys ---------------------------------------------------------------------------- */

static py_val sys_exit(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    py_raise_obj(ctx, py_exc_new(ctx, &py_type_SystemExit, n, args));
}
static PY_FUN(sys_exit_obj, "exit", 0, 1, sys_exit);

static py_val sys_print_exception(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    py_strbuf b;
    py_strbuf_init(ctx, &b, 128);
    py_print_exception(ctx, &b.p, args[0]);
    py_val file = n > 1 ? args[1] : ctx->sys_stdout;
    py_file_write(ctx, file, b.buf + sizeof(py_str_obj), b.len);
    return PY_NONE;
}
static PY_FUN(sys_print_exception_obj, "print_exception", 1, 2, sys_print_exception);

static py_val sys_getrecursionlimit(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return PY_MK_SMALL(PY_MAX_DEPTH);
}
static PY_FUN(sys_getrecursionlimit_obj, "getrecursionlimit", 0, 0, sys_getrecursionlimit);

static py_val sys_exc_info(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    py_val e = ctx->cur_exc;
    py_val t[3] = {PY_NONE, PY_NONE, PY_NONE};
    if (e != PY_NULL && e != PY_NONE) {
        t[0] = PY_VAL(py_type_of(e));
        t[1] = e;
        t[2] = ((py_exc *)e)->traceback;
    }
    return py_tuple_new(ctx, 3, t);
}
static PY_FUN(sys_exc_info_obj, "exc_info", 0, 0, sys_exc_info);

static py_val sys_intern(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    size_t len;
    const char *s = py_str_get(ctx, args[0], &len);
    return PY_MK_QSTR(py_qstr_from(ctx, s, len));
}
static PY_FUN(sys_intern_obj, "intern", 1, 1, sys_intern);

static const py_attr_def sys_attrs[] = {
    {"exit", PY_OBJV(&sys_exit_obj)},
    {"print_exception", PY_OBJV(&sys_print_exception_obj)},
    {"getrecursionlimit", PY_OBJV(&sys_getrecursionlimit_obj)},
    {"exc_info", PY_OBJV(&sys_exc_info_obj)},
    {"intern", PY_OBJV(&sys_intern_obj)},
    {NULL, 0},
};

/* sys.version_info: a tuple with major/minor/micro attributes */
static bool version_attr(py_ctx *ctx, py_val self, py_qstr name, int op, py_val *value)
{
    py_tuple *t = PY_PTR(self);
    if (op != PY_ATTR_LOAD) {
        return false;
    }
    if (name == PY_Q_major || name == PY_Q_minor || name == PY_Q_micro) {
        *value = t->items[name == PY_Q_major ? 0 : name == PY_Q_minor ? 1 : 2];
        return true;
    }
    return false;
}

static const py_type version_info_type = {{&py_type_type},
                                          "version_info",
                                          0,
                                          NULL,
                                          NULL,
                                          .attr = version_attr,
                                          .base_type = &py_type_tuple};

static void sys_init(py_ctx *ctx, py_val m)
{
    py_module_set(ctx, m, "argv", ctx->sys_argv);
    py_module_set(ctx, m, "path", ctx->sys_path);
    py_module_set(ctx, m, "modules", PY_VAL(ctx->modules));
    py_module_set(ctx, m, "stdin", ctx->sys_stdin);
    py_module_set(ctx, m, "stdout", ctx->sys_stdout);
    py_module_set(ctx, m, "stderr", ctx->sys_stderr);
    py_module_set(ctx, m, "version", py_str_from_cstr(ctx, "3.4.0; rtpy 1.0"));
    py_val vi[3] = {PY_MK_SMALL(3), PY_MK_SMALL(4), PY_MK_SMALL(0)};
    py_val vt = py_tuple_new(ctx, 3, vi);
    ((py_obj *)vt)->type = &version_info_type;
    py_module_set(ctx, m, "version_info", vt);
    py_val impl = py_module_new(ctx, py_qstr_from_cstr(ctx, "implementation"));
    py_module_set(ctx, impl, "name", py_str_from_cstr(ctx, "micropython"));
    py_val iv[3] = {PY_MK_SMALL(1), PY_MK_SMALL(22), PY_MK_SMALL(0)};
    py_module_set(ctx, impl, "version", py_tuple_new(ctx, 3, iv));
    py_module_set(ctx, impl, "_machine", py_str_from_cstr(ctx, "rtpy"));
    py_module_set(ctx, m, "implementation", impl);
    const char *plat = ctx->hal->platform ? ctx->hal->platform : "rtpy";
    py_module_set(ctx, m, "platform", py_str_from_cstr(ctx, plat));
    py_module_set(ctx, m, "maxsize", py_int_from(ctx, INTPTR_MAX));
    uint16_t probe = 1;
    py_module_set(ctx, m, "byteorder",
                  py_str_from_cstr(ctx, *(uint8_t *)&probe == 1 ? "little" : "big"));
}

const py_module_def py_mod_sys = {"sys", sys_attrs, sys_init};

/* --- gc ------------------------------------------------------------------------------ */

void py_gc_stats(py_ctx *ctx, size_t *total, size_t *used);

static py_val gc_collect(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    py_gc_collect(ctx);
    return PY_NONE;
}
static py_val gc_enable(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    ctx->gc.disabled = 0;
    return PY_NONE;
}
static py_val gc_disable(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    ctx->gc.disabled = 1;
    return PY_NONE;
}
static py_val gc_isenabled(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return PY_BOOL(!ctx->gc.disabled);
}
static py_val gc_mem_free(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    size_t total, used;
    py_gc_stats(ctx, &total, &used);
    return py_int_from(ctx, (intmax_t)(total - used));
}
static py_val gc_mem_alloc(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    size_t total, used;
    py_gc_stats(ctx, &total, &used);
    return py_int_from(ctx, (intmax_t)used);
}
static py_val gc_threshold(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    if (n == 0) {
        return ctx->gc.threshold ? py_int_from(ctx, (intmax_t)(ctx->gc.threshold * PY_BLOCK))
                                 : PY_MK_SMALL(-1);
    }
    intmax_t t = py_int_get(ctx, args[0]);
    ctx->gc.threshold = t < 0 ? 0 : (size_t)t / PY_BLOCK;
    return PY_NONE;
}
static PY_FUN(gc_collect_obj, "collect", 0, 1, gc_collect);
static PY_FUN(gc_enable_obj, "enable", 0, 0, gc_enable);
static PY_FUN(gc_disable_obj, "disable", 0, 0, gc_disable);
static PY_FUN(gc_isenabled_obj, "isenabled", 0, 0, gc_isenabled);
static PY_FUN(gc_mem_free_obj, "mem_free", 0, 0, gc_mem_free);
static PY_FUN(gc_mem_alloc_obj, "mem_alloc", 0, 0, gc_mem_alloc);
static PY_FUN(gc_threshold_obj, "threshold", 0, 1, gc_threshold);

static const py_attr_def gc_attrs[] = {
    {"collect", PY_OBJV(&gc_collect_obj)},     {"enable", PY_OBJV(&gc_enable_obj)},
    {"disable", PY_OBJV(&gc_disable_obj)},     {"isenabled", PY_OBJV(&gc_isenabled_obj)},
    {"mem_free", PY_OBJV(&gc_mem_free_obj)},   {"mem_alloc", PY_OBJV(&gc_mem_alloc_obj)},
    {"threshold", PY_OBJV(&gc_threshold_obj)}, {NULL, 0},
};

const py_module_def py_mod_gc = {"gc", gc_attrs, NULL};

/* --- micropython ---------------------------------------------------------------------- */

static py_val mp_const(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return args[0];
}
static py_val mp_opt_level(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return n == 0 ? PY_MK_SMALL(0) : PY_NONE;
}
static py_val mp_mem_info(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    size_t total, used;
    py_gc_stats(ctx, &total, &used);
    py_strbuf b;
    py_strbuf_init(ctx, &b, 96);
    py_printf(ctx, &b.p, "stack: %zu out of %zu\nGC: total: %zu, used: %zu, free: %zu\n", (size_t)0,
              ctx->cstack_limit, total, used, total - used);
    py_file_write(ctx, ctx->sys_stdout, b.buf + sizeof(py_str_obj), b.len);
    return PY_NONE;
}
static py_val mp_qstr_info(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    py_strbuf b;
    py_strbuf_init(ctx, &b, 64);
    py_printf(ctx, &b.p, "qstr pool: n_qstr=%d, n_static=%d\n", (int)ctx->n_qstr, (int)PY_Q__COUNT);
    py_file_write(ctx, ctx->sys_stdout, b.buf + sizeof(py_str_obj), b.len);
    return PY_NONE;
}
static py_val mp_heap_lock(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    ctx->gc.locked++;
    return PY_NONE;
}
static py_val mp_heap_unlock(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    if (ctx->gc.locked > 0) {
        ctx->gc.locked--;
    }
    return PY_MK_SMALL(ctx->gc.locked);
}
static py_val mp_heap_locked(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return PY_MK_SMALL(ctx->gc.locked);
}
static py_val mp_schedule(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    if (rtpy_schedule(ctx, args[0], args[1]) != RTPY_OK) {
        py_raise(ctx, &py_type_RuntimeError, "schedule queue full");
    }
    return PY_NONE;
}
static py_val mp_kbd_intr(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return PY_NONE;
}
static py_val mp_stack_use(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    char probe;
    return PY_MK_SMALL(ctx->cstack_base - &probe);
}
static PY_FUN(mp_const_obj, "const", 1, 1, mp_const);
static PY_FUN(mp_opt_level_obj, "opt_level", 0, 1, mp_opt_level);
static PY_FUN(mp_mem_info_obj, "mem_info", 0, 1, mp_mem_info);
static PY_FUN(mp_qstr_info_obj, "qstr_info", 0, 1, mp_qstr_info);
static PY_FUN(mp_heap_lock_obj, "heap_lock", 0, 0, mp_heap_lock);
static PY_FUN(mp_heap_unlock_obj, "heap_unlock", 0, 0, mp_heap_unlock);
static PY_FUN(mp_heap_locked_obj, "heap_locked", 0, 0, mp_heap_locked);
static PY_FUN(mp_schedule_obj, "schedule", 2, 2, mp_schedule);
static PY_FUN(mp_kbd_intr_obj, "kbd_intr", 1, 1, mp_kbd_intr);
static PY_FUN(mp_stack_use_obj, "stack_use", 0, 0, mp_stack_use);

static const py_attr_def mp_attrs[] = {
    {"const", PY_OBJV(&mp_const_obj)},
    {"opt_level", PY_OBJV(&mp_opt_level_obj)},
    {"mem_info", PY_OBJV(&mp_mem_info_obj)},
    {"qstr_info", PY_OBJV(&mp_qstr_info_obj)},
    {"heap_lock", PY_OBJV(&mp_heap_lock_obj)},
    {"heap_unlock", PY_OBJV(&mp_heap_unlock_obj)},
    {"heap_locked", PY_OBJV(&mp_heap_locked_obj)},
    {"schedule", PY_OBJV(&mp_schedule_obj)},
    {"kbd_intr", PY_OBJV(&mp_kbd_intr_obj)},
    {"stack_use", PY_OBJV(&mp_stack_use_obj)},
    {NULL, 0},
};

const py_module_def py_mod_micropython = {"micropython", mp_attrs, NULL};

/* --- import ---------------------------------------------------------------------------- */

static const py_module_def *const core_modules[] = {&py_mod_sys, &py_mod_gc, &py_mod_micropython,
                                                    NULL};

static const py_module_def *find_def(const py_module_def *const *table, const char *name, size_t n)
{
    if (table == NULL) {
        return NULL;
    }
    for (size_t i = 0; table[i] != NULL; i++) {
        const char *mn = table[i]->name;
        if (strlen(mn) == n && memcmp(mn, name, n) == 0) {
            return table[i];
        }
    }
    return NULL;
}

static const py_module_def *builtin_def(py_ctx *ctx, const char *name, size_t n)
{
    /* the port's modules take precedence over the generic ones */
    const py_module_def *d = find_def(core_modules, name, n);
    if (d == NULL) {
        d = find_def(ctx->hal->modules, name, n);
    }
    if (d == NULL) {
        d = find_def(py_ext_modules, name, n);
    }
    if (d == NULL && n > 1 && name[0] == 'u') {
        return builtin_def(ctx, name + 1, n - 1);
    }
    return d;
}

static py_val load_builtin(py_ctx *ctx, py_qstr q, const py_module_def *d)
{
    py_val m = py_module_new(ctx, q);
    py_module *mp = PY_PTR(m);
    py_dict_store(ctx, ctx->modules, PY_MK_QSTR(q), m);
    for (size_t i = 0; d->attrs[i].name != NULL; i++) {
        py_dict_store_q(ctx, mp->globals, py_qstr_from_cstr(ctx, d->attrs[i].name),
                        d->attrs[i].value);
    }
    if (d->init != NULL) {
        d->init(ctx, m);
    }
    return m;
}

static char *read_file(py_ctx *ctx, const char *path, size_t *len)
{
    const rtpy_hal *hal = ctx->hal;
    int err = 0;
    rtpy_file f = hal->file_open ? hal->file_open(hal->user, path, "rb", &err) : NULL;
    if (f == NULL) {
        return NULL;
    }
    size_t cap = 1024, n = 0;
    char *buf = py_gc_alloc(ctx, cap, false);
    while (buf != NULL) {
        if (n == cap) {
            char *nb = py_gc_alloc(ctx, cap * 2, false);
            if (nb != NULL) {
                memcpy(nb, buf, n);
            }
            buf = nb;
            cap *= 2;
            if (buf == NULL) {
                break;
            }
        }
        long r = hal->file_read(hal->user, f, buf + n, cap - n);
        if (r <= 0) {
            break;
        }
        n += (size_t)r;
    }
    hal->file_close(hal->user, f);
    if (buf == NULL) {
        py_raise(ctx, &py_type_MemoryError, NULL);
    }
    *len = n;
    return buf;
}

py_val py_exec_module_file(py_ctx *ctx, py_val module, const char *path)
{
    size_t len;
    char *src = read_file(ctx, path, &len);
    if (src == NULL) {
        py_raise_oserror(ctx, 2);
    }
    py_qstr file = py_qstr_from_cstr(ctx, path);
    py_code *co = py_compile(ctx, src, len, file, RTPY_MODE_FILE);
    py_module *m = PY_PTR(module);
    py_dict_store_q(ctx, m->globals, PY_Q___file__, PY_MK_QSTR(file));
    return py_run_code(ctx, co, m->globals, NULL);
}

/* Search sys.path for name (slashes for dots): "name.py" or "name/__init__.py". */
static bool find_source(py_ctx *ctx, py_val paths, const char *rel, size_t rn, py_strbuf *out,
                        bool *is_pkg)
{
    const rtpy_hal *hal = ctx->hal;
    if (hal->stat == NULL) {
        return false;
    }
    size_t np;
    py_val *items;
    py_get_items(ctx, paths, &np, &items);
    for (size_t i = 0; i < np; i++) {
        size_t dn;
        if (!py_is_str(items[i])) {
            continue;
        }
        const char *dir = py_str_get(ctx, items[i], &dn);
        py_strbuf_init(ctx, out, dn + rn + 16);
        if (dn > 0) {
            dir = py_str_get(ctx, items[i], &dn);
            py_strbuf_add(out, dir, dn);
            py_strbuf_addc(out, '/');
        }
        py_strbuf_add(out, rel, rn);
        size_t base = out->len;
        py_strbuf_add(out, "/__init__.py", 13);
        char *s = out->buf + sizeof(py_str_obj);
        if (hal->stat(hal->user, s) == 1) {
            out->len = base + 12;
            *is_pkg = true;
            return true;
        }
        out->len = base;
        py_strbuf_add(out, ".py", 4);
        s = out->buf + sizeof(py_str_obj);
        if (hal->stat(hal->user, s) == 1) {
            out->len = base + 3;
            *is_pkg = false;
            return true;
        }
    }
    return false;
}

/* Run a freshly registered module; on failure drop it from sys.modules. */
static void exec_new_module(py_ctx *ctx, py_qstr full, py_val m, py_val pathv)
{
    py_jmp j;
    if (py_try(ctx, &j) == 0) {
        size_t pl;
        const char *ps = py_str_get(ctx, pathv, &pl);
        py_exec_module_file(ctx, m, ps);
        py_try_end(ctx, &j);
    } else {
        py_dict_remove(ctx, ctx->modules, PY_MK_QSTR(full), NULL);
        py_raise_obj(ctx, j.exc);
    }
}

/* Import one fully qualified module name whose parent is already imported. */
static py_val import_one(py_ctx *ctx, py_qstr full, py_val parent)
{
    py_dict_entry *e = py_dict_lookup_q(ctx, ctx->modules, full);
    if (e != NULL) {
        return e->value;
    }
    size_t n;
    const char *name = py_qstr_str(ctx, full, &n);
    if (parent == PY_NULL) {
        const py_module_def *d = builtin_def(ctx, name, n);
        if (d != NULL) {
            py_val m = load_builtin(ctx, full, d);
            return m;
        }
    }
    py_val paths = ctx->sys_path;
    if (parent != PY_NULL) {
        paths = py_getattr_opt(ctx, parent, PY_Q___path__);
        if (paths == PY_NULL) {
            return PY_NULL;
        }
    }
    /* relative file name: for submodules only the last component */
    const char *rel = name;
    size_t rn = n;
    if (parent != PY_NULL) {
        const char *dot = name + n;
        while (dot > name && dot[-1] != '.') {
            dot--;
        }
        rel = dot;
        rn = n - (size_t)(dot - name);
    }
    py_strbuf path;
    bool is_pkg = false;
    if (!find_source(ctx, paths, rel, rn, &path, &is_pkg)) {
        return PY_NULL;
    }
    py_val pathv = py_strbuf_finish(&path, &py_type_str);
    py_val m = py_module_new(ctx, full);
    py_module *mp = PY_PTR(m);
    if (is_pkg) {
        size_t pl;
        const char *ps = py_str_get(ctx, pathv, &pl);
        py_val dir = py_str_new(ctx, ps, pl - 12);
        py_dict_store_q(ctx, mp->globals, PY_Q___path__, py_list_new(ctx, 1, &dir));
    }
    py_dict_store(ctx, ctx->modules, PY_MK_QSTR(full), m);
    exec_new_module(ctx, full, m, pathv);
    if (parent != PY_NULL) {
        const char *dot = name + n;
        while (dot > name && dot[-1] != '.') {
            dot--;
        }
        py_setattr(ctx, parent, py_qstr_from(ctx, dot, n - (size_t)(dot - name)), m);
    }
    return m;
}

static py_qstr resolve_relative(py_ctx *ctx, py_qstr name, int level)
{
    py_frame *f = ctx->frame;
    py_dict *g = f ? f->globals : NULL;
    py_dict_entry *e = g ? py_dict_lookup_q(ctx, g, PY_Q___name__) : NULL;
    if (e == NULL || !py_is_str(e->value)) {
        py_raise(ctx, &py_type_ImportError,
                 "attempted relative import with no known parent package");
    }
    size_t pn;
    const char *pkg = py_str_get(ctx, e->value, &pn);
    bool is_pkg = py_dict_lookup_q(ctx, g, PY_Q___path__) != NULL;
    int up = is_pkg ? level - 1 : level;
    for (int i = 0; i < up; i++) {
        while (pn > 0 && pkg[pn - 1] != '.') {
            pn--;
        }
        if (pn == 0) {
            py_raise(ctx, &py_type_ImportError,
                     "attempted relative import beyond top-level package");
        }
        pn--;
    }
    if (pn == 0) {
        py_raise(ctx, &py_type_ImportError,
                 "attempted relative import with no known parent package");
    }
    size_t nn;
    const char *ns = py_qstr_str(ctx, name, &nn);
    py_strbuf b;
    py_strbuf_init(ctx, &b, pn + nn + 1);
    size_t full_len;
    pkg = py_str_get(ctx, e->value, &full_len);
    py_strbuf_add(&b, pkg, pn);
    if (nn > 0) {
        py_strbuf_addc(&b, '.');
        ns = py_qstr_str(ctx, name, &nn);
        py_strbuf_add(&b, ns, nn);
    }
    return py_qstr_from(ctx, b.buf + sizeof(py_str_obj), b.len);
}

py_val py_import(py_ctx *ctx, py_qstr name, py_val fromlist, int level)
{
    if (level > 0) {
        name = resolve_relative(ctx, name, level);
    }
    size_t n;
    const char *s = py_qstr_str(ctx, name, &n);
    if (n == 0) {
        py_raise(ctx, &py_type_ValueError, "Empty module name");
    }
    py_val top = PY_NULL, cur = PY_NULL;
    size_t pos = 0;
    while (pos <= n) {
        s = py_qstr_str(ctx, name, &n);
        const char *dot = memchr(s + pos, '.', n - pos);
        size_t end = dot ? (size_t)(dot - s) : n;
        py_qstr part = py_qstr_from(ctx, s, end);
        py_val m = import_one(ctx, part, cur);
        if (m == PY_NULL) {
            py_val nm = PY_MK_QSTR(part);
            py_val e = py_exc_new(ctx, &py_type_ModuleNotFoundError, 0, NULL);
            py_strbuf b;
            py_strbuf_init(ctx, &b, 32);
            py_printf(ctx, &b.p, "No module named '%S'", nm);
            py_val msg = py_strbuf_finish(&b, &py_type_str);
            ((py_exc *)e)->args = PY_PTR(py_tuple_new(ctx, 1, &msg));
            py_raise_obj(ctx, e);
        }
        if (top == PY_NULL) {
            top = m;
        }
        cur = m;
        pos = end + 1;
    }
    bool want_leaf = fromlist != PY_NONE && fromlist != PY_NULL && py_truthy(ctx, fromlist);
    return want_leaf || level > 0 ? cur : top;
}
