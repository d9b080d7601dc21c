/* Helpers shared by the built-in modules (see modutil.h). */
#include "modutil.h"

#include <stdarg.h>
#include <string.h>

void mb_init(py_ctx *ctx, mod_buf *b, size_t cap)
{
    b->cap = cap < 16 ? 16 : cap;
    b->data = py_alloc_raw(ctx, b->cap);
    b->len = 0;
}

static void mb_grow(py_ctx *ctx, mod_buf *b, size_t n)
{
    if (b->len + n <= b->cap) {
        return;
    }
    size_t cap = b->cap * 2;
    while (cap < b->len + n) {
        cap *= 2;
    }
    b->data = py_realloc(ctx, b->data, b->cap, cap);
    b->cap = cap;
}

void mb_add(py_ctx *ctx, mod_buf *b, const void *s, size_t n)
{
    mb_grow(ctx, b, n);
    memcpy(b->data + b->len, s, n);
    b->len += n;
}

void mb_addc(py_ctx *ctx, mod_buf *b, char c)
{
    mb_grow(ctx, b, 1);
    b->data[b->len++] = c;
}

void mb_adds(py_ctx *ctx, mod_buf *b, const char *s)
{
    mb_add(ctx, b, s, strlen(s));
}

void mb_add_val(py_ctx *ctx, mod_buf *b, py_val v, int kind)
{
    size_t n;
    py_val s = kind == PY_PRINT_REPR ? py_repr(ctx, v) : py_to_str(ctx, v);
    const char *p = py_str_get(ctx, s, &n);
    mb_add(ctx, b, p, n);
}

py_val mb_to_str(py_ctx *ctx, const mod_buf *b)
{
    return py_str_new(ctx, b->data, b->len);
}

py_val mb_to_bytes(py_ctx *ctx, const mod_buf *b)
{
    return py_bytes_new(ctx, b->data, b->len);
}

const char *mod_bytes_get(py_ctx *ctx, py_val v, size_t *len)
{
    const py_type *t = py_type_of(v);
    if (t != &py_type_bytes && t != &py_type_bytearray) {
        py_raise(ctx, &py_type_TypeError, "a bytes-like object is required, not '%s'", t->name);
    }
    return py_str_get(ctx, v, len);
}

char *mod_bytearray_data(py_ctx *ctx, py_val v, size_t *len)
{
    const py_type *t = py_type_of(v);
    if (t != &py_type_bytearray) {
        py_raise(ctx, &py_type_TypeError, "argument must be read-write bytes-like object, not %s",
                 t->name);
    }
    /* py_str_get returns the bytearray's own storage. */
    return (char *)py_str_get(ctx, v, len);
}

void mod_get_items(py_ctx *ctx, py_val seq, size_t *n, py_val **items)
{
    for (const py_type *t = py_type_of(seq); t; t = t->base_type) {
        if (t == &py_type_tuple) {
            py_tuple *tp = PY_PTR(seq);
            *n = tp->len;
            *items = tp->items;
            return;
        }
        if (t == &py_type_list) {
            py_list *l = PY_PTR(seq);
            *n = l->len;
            *items = l->items;
            return;
        }
    }
    py_raise(ctx, &py_type_TypeError, "expected tuple/list, got %s", py_type_of(seq)->name);
}

typedef struct buf_sink {
    py_ctx *ctx;
    mod_buf *b;
} buf_sink;

static void sink_write(void *data, const char *s, size_t len)
{
    buf_sink *k = data;
    mb_add(k->ctx, k->b, s, len);
}

py_val mod_format(py_ctx *ctx, const char *fmt, ...)
{
    mod_buf b;
    mb_init(ctx, &b, 64);
    buf_sink k = {ctx, &b};
    py_print p = {&k, sink_write};
    va_list ap;
    va_start(ap, fmt);
    py_vprintf(ctx, &p, fmt, ap);
    va_end(ap);
    return mb_to_str(ctx, &b);
}

_Noreturn void mod_raise_attrs(py_ctx *ctx, const py_type *type, py_val msg, size_t n,
                               const char *const *names, const py_val *values)
{
    py_val exc = py_exc_new(ctx, type, 1, &msg);
    for (size_t i = 0; i < n; i++) {
        py_setattr(ctx, exc, py_qstr_from_cstr(ctx, names[i]), values[i]);
    }
    py_raise_obj(ctx, exc);
}

/* A plain-tuple copy of a tuple subtype instance (other values unchanged). */
static py_val plain_tuple(py_ctx *ctx, py_val v)
{
    const py_type *t = py_type_of(v);
    if (t == &py_type_tuple || !py_isinstance(ctx, v, &py_type_tuple)) {
        return v;
    }
    size_t n;
    py_val *items;
    mod_get_items(ctx, v, &n, &items);
    return py_tuple_new(ctx, n, items);
}

py_val mod_tuple_binary(py_ctx *ctx, int op, py_val a, py_val b)
{
    return py_binary_op(ctx, op, plain_tuple(ctx, a), plain_tuple(ctx, b));
}
