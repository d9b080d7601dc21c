/* The io module's in-memory streams: StringIO and BytesIO. Both keep one
 * growable buffer and a byte position; StringIO converts to and from
 * character positions (as CPython reports them) when its text is not ASCII. */
#include <string.h>

#include "modutil.h"

typedef struct mio_obj {
    py_obj base;
    char *buf;
    size_t len, cap, pos; /* bytes */
    bool closed;
    bool multibyte; /* StringIO holds non-ASCII text: positions need converting */
} mio_obj;

extern const py_type io_StringIO_type, io_BytesIO_type;

static bool is_bytes_io(py_val self)
{
    for (const py_type *t = py_type_of(self); t; t = t->base_type) {
        if (t == &io_BytesIO_type) {
            return true;
        }
    }
    return false;
}

static mio_obj *open_self(py_ctx *ctx, py_val self)
{
    mio_obj *o = PY_PTR(self);
    if (o->closed) {
        py_raise(ctx, &py_type_ValueError,
                 is_bytes_io(self) ? "I/O operation on closed file."
                                   : "I/O operation on closed file");
    }
    return o;
}

static void reserve(py_ctx *ctx, mio_obj *o, size_t need)
{
    if (need <= o->cap) {
        return;
    }
    size_t cap = o->cap ? o->cap : 16;
    while (cap < need) {
        cap *= 2;
    }
    char *b = py_alloc_raw(ctx, cap);
    if (o->len) {
        memcpy(b, o->buf, o->len);
    }
    o->buf = b;
    o->cap = cap;
}

/* Data of a write() argument: str for StringIO, bytes-like for BytesIO. */
static const char *data_arg(py_ctx *ctx, py_val self, py_val v, size_t *len)
{
    const py_type *t = py_type_of(v);
    if (is_bytes_io(self)) {
        if (t != &py_type_bytes && t != &py_type_bytearray) {
            py_raise(ctx, &py_type_TypeError, "a bytes-like object is required, not '%s'", t->name);
        }
    } else if (t != &py_type_str) {
        py_raise(ctx, &py_type_TypeError, "string argument expected, got '%s'", t->name);
    }
    return py_str_get(ctx, v, len);
}

static void write_at(py_ctx *ctx, mio_obj *o, const char *s, size_t n)
{
    if (!n) {
        return;
    }
    reserve(ctx, o, o->pos + n);
    if (o->pos > o->len) {
        memset(o->buf + o->len, 0, o->pos - o->len); /* writing past the end pads */
    }
    memcpy(o->buf + o->pos, s, n);
    for (size_t i = 0; i < n && !o->multibyte; i++) {
        o->multibyte = (unsigned char)s[i] >= 0x80;
    }
    o->pos += n;
    if (o->pos > o->len) {
        o->len = o->pos;
    }
}

/* Current read position (the buffer is NULL until the first write). */
static const char *at_pos(const mio_obj *o)
{
    return o->buf ? o->buf + o->pos : "";
}

static py_val make_result(py_ctx *ctx, py_val self, const char *s, size_t n)
{
    s = n ? s : ""; /* an empty stream has no buffer yet */
    return is_bytes_io(self) ? py_bytes_new(ctx, s, n) : py_str_new(ctx, s, n);
}

static py_val mio_make_new(py_ctx *ctx, const py_type *type, size_t n, size_t nk,
                           const py_val *args)
{
    const py_arg_spec spec[] = {
        {py_qstr_from_cstr(ctx, type == &io_BytesIO_type ? "initial_bytes" : "initial_value"), 0,
         PY_NONE},
        {py_qstr_from_cstr(ctx, "newline"), 0, PY_NONE},
    };
    py_val v[2];
    py_parse_args(ctx, n, nk, args, spec, type == &io_BytesIO_type ? 1 : 2, v);
    mio_obj *o = py_obj_new(ctx, type, sizeof(mio_obj));
    py_val self = PY_VAL(o);
    if (v[0] != PY_NONE) {
        size_t len;
        const char *s = data_arg(ctx, self, v[0], &len);
        write_at(ctx, o, s, len);
        o->pos = 0;
    }
    return self;
}

static py_val mio_write(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    mio_obj *o = open_self(ctx, a[0]);
    size_t len;
    const char *s = data_arg(ctx, a[0], a[1], &len);
    write_at(ctx, o, s, len);
    if (is_bytes_io(a[0])) {
        return py_int_from(ctx, (intmax_t)len);
    }
    return py_int_from(ctx, (intmax_t)py_len(ctx, a[1]));
}
static PY_FUN(mio_write_obj, "write", 2, 2, mio_write);

static py_val mio_writelines(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    py_val it = py_iter(ctx, a[1]), item;
    while ((item = py_next(ctx, it)) != PY_STOP) {
        py_val args[2] = {a[0], item};
        mio_write(ctx, 2, 0, args);
    }
    return PY_NONE;
}
static PY_FUN(mio_writelines_obj, "writelines", 2, 2, mio_writelines);

/* Optional size argument: None or negative means "all". */
static size_t size_arg(py_ctx *ctx, size_t n, const py_val *a, size_t all)
{
    if (n < 2 || a[1] == PY_NONE) {
        return all;
    }
    intmax_t s = py_int_get(ctx, a[1]);
    return s < 0 || (uintmax_t)s > all ? all : (size_t)s;
}

/* Bytes in [pos, pos + count chars): StringIO counts characters. */
static size_t span_chars(py_val self, const mio_obj *o, size_t count)
{
    if (is_bytes_io(self)) {
        return count;
    }
    size_t b = o->pos;
    for (size_t c = 0; c < count && b < o->len; c++) {
        b++;
        while (b < o->len && ((unsigned char)o->buf[b] & 0xc0) == 0x80) {
            b++;
        }
    }
    return b - o->pos;
}

static py_val mio_read(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    mio_obj *o = open_self(ctx, a[0]);
    size_t avail = o->pos < o->len ? o->len - o->pos : 0;
    size_t want = size_arg(ctx, n, a, avail);
    size_t nb = want == avail ? avail : span_chars(a[0], o, want);
    nb = nb > avail ? avail : nb;
    py_val r = make_result(ctx, a[0], at_pos(o), nb);
    o->pos += nb;
    return r;
}
static PY_FUN(mio_read_obj, "read", 1, 2, mio_read);

static py_val readline(py_ctx *ctx, py_val self, size_t limit_chars)
{
    mio_obj *o = open_self(ctx, self);
    size_t avail = o->pos < o->len ? o->len - o->pos : 0;
    const char *nl = avail ? memchr(at_pos(o), '\n', avail) : NULL;
    size_t nb = nl ? (size_t)(nl - at_pos(o)) + 1 : avail;
    size_t lim = span_chars(self, o, limit_chars);
    nb = nb > lim ? lim : nb;
    py_val r = make_result(ctx, self, at_pos(o), nb);
    o->pos += nb;
    return r;
}

static py_val mio_readline(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return readline(ctx, a[0], size_arg(ctx, n, a, SIZE_MAX));
}
static PY_FUN(mio_readline_obj, "readline", 1, 2, mio_readline);

static py_val mio_readlines(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    py_val list = py_list_new(ctx, 0, NULL);
    size_t hint = size_arg(ctx, n, a, 0), total = 0;
    for (;;) {
        py_val line = readline(ctx, a[0], SIZE_MAX);
        size_t len = py_len(ctx, line);
        if (!len) {
            return list;
        }
        py_list_append(ctx, list, line);
        total += len;
        if (hint && total >= hint) {
            return list;
        }
    }
}
static PY_FUN(mio_readlines_obj, "readlines", 1, 2, mio_readlines);

static py_val mio_getvalue(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    mio_obj *o = open_self(ctx, a[0]);
    return make_result(ctx, a[0], o->buf, o->len);
}
static PY_FUN(mio_getvalue_obj, "getvalue", 1, 1, mio_getvalue);

static bool is_cont(char c)
{
    return ((unsigned char)c & 0xc0) == 0x80;
}

/* StringIO character position <-> byte offset (past the end: 1 byte each). */
static size_t char_to_byte(const mio_obj *o, size_t c)
{
    if (!o->multibyte) {
        return c;
    }
    size_t b = 0;
    for (; c > 0 && b < o->len; c--) {
        b++;
        while (b < o->len && is_cont(o->buf[b])) {
            b++;
        }
    }
    return b + c;
}

static size_t byte_to_char(const mio_obj *o, size_t b)
{
    if (!o->multibyte) {
        return b;
    }
    size_t c = 0, end = b < o->len ? b : o->len;
    for (size_t i = 0; i < end; i++) {
        c += !is_cont(o->buf[i]);
    }
    return c + (b - end);
}

static size_t to_chars(py_val self, const mio_obj *o, size_t b)
{
    return is_bytes_io(self) ? b : byte_to_char(o, b);
}

static size_t to_bytes(py_val self, const mio_obj *o, size_t c)
{
    return is_bytes_io(self) ? c : char_to_byte(o, c);
}

static py_val mio_seek(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    mio_obj *o = open_self(ctx, a[0]);
    intmax_t off = py_int_get(ctx, a[1]), whence = n > 2 ? py_int_get(ctx, a[2]) : 0;
    if (whence < 0 || whence > 2) {
        py_raise(ctx, &py_type_ValueError, "invalid whence (%d, should be 0, 1 or 2)", (int)whence);
    }
    if (!is_bytes_io(a[0]) && whence && off) {
        py_raise(ctx, &py_type_OSError, "Can't do nonzero cur-relative seeks");
    }
    if (whence == 0 && off < 0) {
        py_raise(ctx, &py_type_ValueError,
                 is_bytes_io(a[0]) ? "negative seek value %ld" : "Negative seek position %ld",
                 (long)off);
    }
    intmax_t base = whence == 0   ? 0
                    : whence == 1 ? (intmax_t)to_chars(a[0], o, o->pos)
                                  : (intmax_t)to_chars(a[0], o, o->len);
    intmax_t pos = base + off;
    o->pos = to_bytes(a[0], o, pos < 0 ? 0 : (size_t)pos);
    return py_int_from(ctx, pos < 0 ? 0 : pos);
}
static PY_FUN(mio_seek_obj, "seek", 2, 3, mio_seek);

static py_val mio_tell(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    mio_obj *o = open_self(ctx, a[0]);
    return py_int_from(ctx, (intmax_t)to_chars(a[0], o, o->pos));
}
static PY_FUN(mio_tell_obj, "tell", 1, 1, mio_tell);

static py_val mio_truncate(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    mio_obj *o = open_self(ctx, a[0]);
    intmax_t size =
        n > 1 && a[1] != PY_NONE ? py_int_get(ctx, a[1]) : (intmax_t)to_chars(a[0], o, o->pos);
    if (size < 0) {
        py_raise(ctx, &py_type_ValueError,
                 is_bytes_io(a[0]) ? "negative size value %ld" : "Negative size value %ld",
                 (long)size);
    }
    size_t bytes = to_bytes(a[0], o, (size_t)size);
    if (bytes < o->len) {
        o->len = bytes;
    }
    return py_int_from(ctx, size);
}
static PY_FUN(mio_truncate_obj, "truncate", 1, 2, mio_truncate);

static py_val mio_close(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    mio_obj *o = PY_PTR(a[0]);
    o->closed = true;
    return PY_NONE;
}
static PY_FUN(mio_close_obj, "close", 1, 1, mio_close);

static py_val mio_flush(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    open_self(ctx, a[0]);
    return PY_NONE;
}
static PY_FUN(mio_flush_obj, "flush", 1, 1, mio_flush);

static py_val mio_true(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    open_self(ctx, a[0]);
    return PY_TRUE;
}
static PY_FUN(mio_readable_obj, "readable", 1, 1, mio_true);
static PY_FUN(mio_writable_obj, "writable", 1, 1, mio_true);
static PY_FUN(mio_seekable_obj, "seekable", 1, 1, mio_true);

static py_val mio_enter(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    open_self(ctx, a[0]);
    return a[0];
}
static PY_FUN(mio_enter_obj, "__enter__", 1, 1, mio_enter);

static py_val mio_exit(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return mio_close(ctx, 1, 0, a);
}
static PY_FUN(mio_exit_obj, "__exit__", 1, 4, mio_exit);

static py_val mio_iternext(py_ctx *ctx, py_val self)
{
    py_val line = readline(ctx, self, SIZE_MAX);
    return py_len(ctx, line) ? line : PY_STOP;
}

static py_val mio_getiter(py_ctx *ctx, py_val self)
{
    open_self(ctx, self);
    return self;
}

static bool mio_attr(py_ctx *ctx, py_val self, py_qstr name, int op, py_val *value)
{
    if (op == PY_ATTR_LOAD && !strcmp(py_qstr_str(ctx, name, NULL), "closed")) {
        *value = PY_BOOL(((mio_obj *)PY_PTR(self))->closed);
        return true;
    }
    return false;
}

static void mio_print(py_ctx *ctx, py_print *p, py_val self, int kind)
{
    py_printf(ctx, p, "<_io.%s object at %x>", py_type_of(self)->name, (unsigned)(uintptr_t)self);
}

static const py_attr_def mio_locals[] = {
    {"write", PY_OBJV(&mio_write_obj)},
    {"writelines", PY_OBJV(&mio_writelines_obj)},
    {"read", PY_OBJV(&mio_read_obj)},
    {"readline", PY_OBJV(&mio_readline_obj)},
    {"readlines", PY_OBJV(&mio_readlines_obj)},
    {"getvalue", PY_OBJV(&mio_getvalue_obj)},
    {"seek", PY_OBJV(&mio_seek_obj)},
    {"tell", PY_OBJV(&mio_tell_obj)},
    {"truncate", PY_OBJV(&mio_truncate_obj)},
    {"close", PY_OBJV(&mio_close_obj)},
    {"flush", PY_OBJV(&mio_flush_obj)},
    {"readable", PY_OBJV(&mio_readable_obj)},
    {"writable", PY_OBJV(&mio_writable_obj)},
    {"seekable", PY_OBJV(&mio_seekable_obj)},
    {"__enter__", PY_OBJV(&mio_enter_obj)},
    {"__exit__", PY_OBJV(&mio_exit_obj)},
    {NULL, 0},
};

const py_type io_StringIO_type = {
    {&py_type_type},
    "StringIO",
    PY_TF_BASETYPE | PY_TF_ITER_SELF,
    mio_make_new,
    mio_print,
    .attr = mio_attr,
    .getiter = mio_getiter,
    .iternext = mio_iternext,
    .locals = mio_locals,
    .inst_size = sizeof(mio_obj),
};

const py_type io_BytesIO_type = {
    {&py_type_type},
    "BytesIO",
    PY_TF_BASETYPE | PY_TF_ITER_SELF,
    mio_make_new,
    mio_print,
    .attr = mio_attr,
    .getiter = mio_getiter,
    .iternext = mio_iternext,
    .locals = mio_locals,
    .inst_size = sizeof(mio_obj),
};

static const py_attr_def io_attrs[] = {
    {"StringIO", PY_OBJV(&io_StringIO_type)},
    {"BytesIO", PY_OBJV(&io_BytesIO_type)},
    {"SEEK_SET", PY_MK_SMALL(0)},
    {"SEEK_CUR", PY_MK_SMALL(1)},
    {"SEEK_END", PY_MK_SMALL(2)},
    {NULL, 0},
};

const py_module_def py_mod_io = {"io", io_attrs, NULL};
