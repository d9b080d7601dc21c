/* The struct module: conversion between Python values and C structs
 * represented as bytes (all CPython format characters and byte orders). */
#include <math.h>
#include <stdint.h>
#include <string.h>

#include "modutil.h"

MOD_EXC(struct_error_type, "error", &py_type_Exception);
#define STRUCT_ERROR MOD_EXC_REF(struct_error_type, &py_type_ValueError)

typedef struct st_fmt {
    const char *p, *end;
    int native, little;
} st_fmt;

static int host_little(void)
{
    const uint16_t one = 1;
    return *(const unsigned char *)&one;
}

static void st_begin(py_ctx *ctx, py_val fmt, st_fmt *f)
{
    size_t len;
    if (py_type_of(fmt) != &py_type_str && py_type_of(fmt) != &py_type_bytes) {
        py_raise(ctx, &py_type_TypeError,
                 "Struct() argument 1 must be a str or bytes object, not %s",
                 py_type_of(fmt)->name);
    }
    f->p = py_str_get(ctx, fmt, &len);
    f->end = f->p + len;
    char c = len ? *f->p : '@';
    bool order = len && strchr("@=<>!", c);
    f->native = c == '@' || !order;
    f->little = c == '<' || ((c == '=' || f->native) && host_little());
    if (order) {
        f->p++; /* the byte-order character */
    }
}

/* Item size; 0 for characters that are not formats in this mode. */
static size_t st_size(char code, int native)
{
    switch (code) {
    case 'x':
    case 'c':
    case 'b':
    case 'B':
    case '?':
    case 's':
    case 'p': return 1;
    case 'h':
    case 'H':
    case 'e': return 2;
    case 'i':
    case 'I':
    case 'f': return 4;
    case 'l':
    case 'L': return native ? sizeof(long) : 4;
    case 'q':
    case 'Q':
    case 'd': return 8;
    case 'n':
    case 'N': return native ? sizeof(size_t) : 0;
    case 'P': return native ? sizeof(void *) : 0;
    default: return 0;
    }
}

static int is_space(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

/* Next "<count><code>" item; 0 at the end of the format. */
static int st_next(py_ctx *ctx, st_fmt *f, size_t *count, char *code)
{
    while (f->p < f->end && is_space(*f->p)) {
        f->p++;
    }
    if (f->p == f->end) {
        return 0;
    }
    size_t n = 1;
    if (*f->p >= '0' && *f->p <= '9') {
        for (n = 0; f->p < f->end && *f->p >= '0' && *f->p <= '9'; f->p++) {
            if (n > (SIZE_MAX / 4 - 9) / 10) {
                py_raise(ctx, STRUCT_ERROR, "total struct size too long");
            }
            n = n * 10 + (size_t)(*f->p - '0');
        }
        if (f->p == f->end) {
            py_raise(ctx, STRUCT_ERROR, "repeat count given without format specifier");
        }
    }
    *code = *f->p++;
    if (!st_size(*code, f->native)) {
        py_raise(ctx, STRUCT_ERROR, "bad char in struct format");
    }
    *count = n;
    return 1;
}

/* Native mode aligns items to their size. */
static size_t st_align(const st_fmt *f, char code, size_t off)
{
    size_t sz = st_size(code, f->native);
    if (!f->native || sz == 1) {
        return off;
    }
    return (off + sz - 1) / sz * sz;
}

static size_t st_item_bytes(const st_fmt *f, char code, size_t count)
{
    size_t sz = st_size(code, f->native);
    if (code != 's' && code != 'p' && count > (SIZE_MAX / 4) / sz) {
        return SIZE_MAX / 4;
    }
    return code == 's' || code == 'p' ? count : count * sz;
}

/* calcsize, and the number of values the format takes. */
static size_t st_calcsize(py_ctx *ctx, py_val fmt, size_t *nvalues)
{
    st_fmt f;
    size_t size = 0, n = 0, count;
    char code;
    st_begin(ctx, fmt, &f);
    while (st_next(ctx, &f, &count, &code)) {
        size = st_align(&f, code, size) + st_item_bytes(&f, code, count);
        if (size >= SIZE_MAX / 4) {
            py_raise(ctx, STRUCT_ERROR, "total struct size too long");
        }
        n += code == 'x' ? 0 : (code == 's' || code == 'p') ? 1 : count;
    }
    if (nvalues) {
        *nvalues = n;
    }
    return size;
}

/* ---- scalar encoding -------------------------------------------------------- */

static void put_uint(unsigned char *p, uint64_t v, size_t size, int little)
{
    for (size_t i = 0; i < size; i++) {
        p[little ? i : size - 1 - i] = (unsigned char)(v >> (8 * i));
    }
}

static uint64_t get_uint(const unsigned char *p, size_t size, int little)
{
    uint64_t v = 0;
    for (size_t i = 0; i < size; i++) {
        v |= (uint64_t)p[little ? i : size - 1 - i] << (8 * i);
    }
    return v;
}

/* CPython's messages differ between its big-endian and little-endian/native
 * packers; `neg` is set for negative values given to unsigned codes. */
static _Noreturn void range_error(py_ctx *ctx, char code, size_t size, bool big, bool neg)
{
    switch (code) {
    case 'b': py_raise(ctx, STRUCT_ERROR, "byte format requires -128 <= number <= 127");
    case 'B': py_raise(ctx, STRUCT_ERROR, "ubyte format requires 0 <= number <= 255");
    case 'h':
        py_raise(ctx, STRUCT_ERROR,
                 big ? "'h' format requires -32768 <= number <= 32767"
                     : "short format requires -32768 <= number <= 32767");
    case 'H':
        if (!big) {
            py_raise(ctx, STRUCT_ERROR, "ushort format requires 0 <= number <= 65535");
        }
        if (!neg) {
            py_raise(ctx, STRUCT_ERROR, "'H' format requires 0 <= number <= 65535");
        }
        break;
    default: break;
    }
    if (size == 4 && (code == 'i' || code == 'l')) {
        py_raise(ctx, STRUCT_ERROR, "'%c' format requires -2147483648 <= number <= 2147483647",
                 code);
    }
    if (size == 4 && !neg) {
        py_raise(ctx, STRUCT_ERROR, "'%c' format requires 0 <= number <= 4294967295", code);
    }
    py_raise(ctx, STRUCT_ERROR,
             big && size == 8 ? "int too large to convert" : "argument out of range");
}

/* Unsigned 64-bit value of an int beyond intmax_t (0 <= v < 2**64). */
static bool big_u64(py_ctx *ctx, py_val v, uint64_t *out)
{
    py_val lim = py_int_from_u(ctx, UINT64_MAX);
    if (py_truthy(ctx, py_binary_op(ctx, PY_OP_LT, v, PY_MK_SMALL(0))) ||
        py_truthy(ctx, py_binary_op(ctx, PY_OP_GT, v, lim))) {
        return false;
    }
    py_val hi = py_binary_op(ctx, PY_OP_RSHIFT, v, PY_MK_SMALL(32));
    py_val lo = py_binary_op(ctx, PY_OP_AND, v, py_int_from(ctx, 0xffffffff));
    *out = (uint64_t)py_int_get(ctx, hi) << 32 | (uint64_t)py_int_get(ctx, lo);
    return true;
}

static uint64_t pack_int(py_ctx *ctx, py_val v, char code, size_t size, bool big)
{
    int is_unsigned = code >= 'A' && code <= 'Z';
    intmax_t x;
    if (!py_is_int(v)) {
        py_raise(ctx, STRUCT_ERROR, "required argument is not an integer");
    }
    if (!py_int_get_checked(ctx, v, &x)) {
        uint64_t u;
        /* B (and little-endian H) convert through a C long in CPython. */
        bool via_long = code == 'B' || (code == 'H' && !big);
        if (is_unsigned && !via_long && big_u64(ctx, v, &u)) {
            if (size == 8) {
                return u;
            }
            range_error(ctx, code, size, big, false); /* fits an unsigned long */
        }
        /* beyond a C long: CPython fails before its range checks */
        py_raise(ctx, STRUCT_ERROR,
                 big && size == 8 ? "int too large to convert" : "argument out of range");
    }
    if (is_unsigned) {
        if (x < 0 || (size < 8 && (uintmax_t)x >> (8 * size))) {
            range_error(ctx, code, size, big, x < 0);
        }
        return (uint64_t)x;
    }
    if (size < 8) {
        intmax_t lim = (intmax_t)1 << (8 * size - 1);
        if (x < -lim || x >= lim) {
            range_error(ctx, code, size, big, false);
        }
    }
    return (uint64_t)x;
}

static py_val unpack_int(py_ctx *ctx, uint64_t u, char code, size_t size)
{
    if (code >= 'A' && code <= 'Z') {
        return py_int_from_u(ctx, u);
    }
    if (size < 8 && (u >> (8 * size - 1)) & 1) {
        u |= ~(uint64_t)0 << (8 * size); /* sign-extend */
    }
    return py_int_from(ctx, (intmax_t)(int64_t)u);
}

/* IEEE half precision, rounding half to even. */
static bool to_half(double x, uint16_t *out)
{
    uint16_t sign = signbit(x) ? 0x8000 : 0;
    double a = fabs(x);
    if (isnan(x)) {
        *out = sign | 0x7e00;
        return true;
    }
    if (isinf(a) || a == 0) {
        *out = sign | (a == 0 ? 0 : 0x7c00);
        return true;
    }
    int e;
    frexp(a, &e);
    int exp = e - 1; /* a = 1.f * 2**exp */
    if (exp < -14) {
        /* subnormal: units of 2**-24; rounding may reach the first normal */
        *out = sign | (uint16_t)rint(ldexp(a, 24));
        return true;
    }
    double m = rint(ldexp(a, 10 - exp)); /* in [1024, 2048] */
    if (m == 2048) {
        m = 1024;
        exp++;
    }
    if (exp > 15) {
        return false;
    }
    *out = sign | (uint16_t)((exp + 15) << 10) | (uint16_t)((int)m - 1024);
    return true;
}

static double from_half(uint16_t h)
{
    int exp = (h >> 10) & 0x1f, mant = h & 0x3ff;
    double v;
    if (exp == 0) {
        v = ldexp(mant, -24);
    } else if (exp == 31) {
        v = mant ? NAN : INFINITY;
    } else {
        v = ldexp(mant + 1024, exp - 25);
    }
    return (h & 0x8000) ? -v : v;
}

static uint64_t pack_float(py_ctx *ctx, py_val v, char code, int native)
{
    double x = (double)py_float_get(ctx, v);
    if (code == 'd') {
        uint64_t u;
        memcpy(&u, &x, 8);
        return u;
    }
    if (code == 'f') {
        /* Out of float range: native mode casts to an infinity, standard
         * mode raises (as CPython); a direct cast would be undefined. */
        int big = isfinite(x) && fabs(x) >= 3.4028235677973366e38;
        if (big && !native) {
            py_raise(ctx, &py_type_OverflowError, "float too large to pack with f format");
        }
        float f = big ? (float)copysign(INFINITY, x) : (float)x;
        uint32_t u;
        memcpy(&u, &f, 4);
        return u;
    }
    uint16_t h;
    if (!to_half(x, &h)) {
        py_raise(ctx, &py_type_OverflowError, "float too large to pack with e format");
    }
    return h;
}

static py_val unpack_float(py_ctx *ctx, uint64_t u, char code)
{
    if (code == 'd') {
        double d;
        memcpy(&d, &u, 8);
        return py_float_new(ctx, (py_float_t)d);
    }
    if (code == 'f') {
        uint32_t w = (uint32_t)u;
        float f;
        memcpy(&f, &w, 4);
        return py_float_new(ctx, (py_float_t)f);
    }
    return py_float_new(ctx, (py_float_t)from_half((uint16_t)u));
}

/* ---- items --------------------------------------------------------------- */

static void pack_string(py_ctx *ctx, unsigned char *p, py_val v, char code, size_t count)
{
    size_t len;
    const py_type *t = py_type_of(v);
    if (t != &py_type_bytes && t != &py_type_bytearray) {
        py_raise(ctx, STRUCT_ERROR, "argument for '%c' must be a bytes object", code);
    }
    const char *s = py_str_get(ctx, v, &len);
    memset(p, 0, count);
    if (code == 'p') {
        if (!count) {
            return;
        }
        len = len > count - 1 ? count - 1 : len;
        len = len > 255 ? 255 : len;
        *p++ = (unsigned char)len;
    }
    memcpy(p, s, len > count ? count : len);
}

static void pack_scalar(py_ctx *ctx, const st_fmt *f, unsigned char *p, py_val v, char code)
{
    size_t size = st_size(code, f->native);
    uint64_t u;
    if (code == 'c') {
        size_t len;
        if (py_type_of(v) != &py_type_bytes && py_type_of(v) != &py_type_bytearray) {
            py_raise(ctx, STRUCT_ERROR, "char format requires a bytes object of length 1");
        }
        const char *s = py_str_get(ctx, v, &len);
        if (len != 1) {
            py_raise(ctx, STRUCT_ERROR, "char format requires a bytes object of length 1");
        }
        *p = (unsigned char)*s;
        return;
    }
    if (code == '?') {
        *p = py_truthy(ctx, v);
        return;
    }
    if (code == 'e' || code == 'f' || code == 'd') {
        u = pack_float(ctx, v, code, f->native);
    } else {
        u = pack_int(ctx, v, code, size, !f->little);
    }
    put_uint(p, u, size, f->little);
}

/* Packs values[0..n) into out (calcsize bytes, zero-filled by the caller). */
static void st_pack(py_ctx *ctx, py_val fmt, unsigned char *out, size_t n, const py_val *values)
{
    st_fmt f;
    size_t off = 0, count, vi = 0;
    char code;
    st_begin(ctx, fmt, &f);
    while (st_next(ctx, &f, &count, &code)) {
        off = st_align(&f, code, off);
        if (code == 's' || code == 'p') {
            pack_string(ctx, out + off, values[vi++], code, count);
            off += count;
            continue;
        }
        size_t size = st_size(code, f.native);
        for (size_t i = 0; i < count; i++, off += size) {
            if (code != 'x') {
                pack_scalar(ctx, &f, out + off, values[vi++], code);
            }
        }
    }
    (void)n;
}

static py_val unpack_scalar(py_ctx *ctx, const st_fmt *f, const unsigned char *p, char code)
{
    size_t size = st_size(code, f->native);
    switch (code) {
    case 'c': return py_bytes_new(ctx, p, 1);
    case '?': return PY_BOOL(*p != 0);
    case 'e':
    case 'f':
    case 'd': return unpack_float(ctx, get_uint(p, size, f->little), code);
    default: return unpack_int(ctx, get_uint(p, size, f->little), code, size);
    }
}

static py_val st_unpack(py_ctx *ctx, py_val fmt, const unsigned char *in)
{
    size_t nvalues, off = 0, count, vi = 0;
    st_calcsize(ctx, fmt, &nvalues);
    py_val tuple = py_tuple_new(ctx, nvalues, NULL);
    py_tuple *t = PY_PTR(tuple);
    st_fmt f;
    char code;
    st_begin(ctx, fmt, &f);
    while (st_next(ctx, &f, &count, &code)) {
        off = st_align(&f, code, off);
        if (code == 's' || code == 'p') {
            size_t len = count;
            const unsigned char *s = in + off;
            if (code == 'p' && count) {
                len = *s < count - 1 ? *s : count - 1;
                s++;
            }
            t->items[vi++] = py_bytes_new(ctx, s, code == 'p' && !count ? 0 : len);
            off += count;
            continue;
        }
        size_t size = st_size(code, f.native);
        for (size_t i = 0; i < count; i++, off += size) {
            if (code != 'x') {
                t->items[vi++] = unpack_scalar(ctx, &f, in + off, code);
            }
        }
    }
    return tuple;
}

/* ---- module functions ---------------------------------------------------------- */

static py_val do_pack(py_ctx *ctx, py_val fmt, size_t n, const py_val *values)
{
    size_t nvalues, size = st_calcsize(ctx, fmt, &nvalues);
    if (n != nvalues) {
        py_raise(ctx, STRUCT_ERROR, "pack expected %lu items for packing (got %lu)",
                 (unsigned long)nvalues, (unsigned long)n);
    }
    py_str_obj *b = py_str_alloc(ctx, &py_type_bytes, size);
    memset(b->data, 0, size);
    st_pack(ctx, fmt, (unsigned char *)b->data, n, values);
    return py_str_finish(ctx, b);
}

static py_val do_unpack(py_ctx *ctx, py_val fmt, py_val buffer)
{
    size_t len, size = st_calcsize(ctx, fmt, NULL);
    const char *data = mod_bytes_get(ctx, buffer, &len);
    if (len != size) {
        py_raise(ctx, STRUCT_ERROR, "unpack requires a buffer of %lu bytes", (unsigned long)size);
    }
    return st_unpack(ctx, fmt, (const unsigned char *)data);
}

/* Resolves a (possibly negative) offset into a buffer of len bytes. */
static size_t buffer_offset(py_ctx *ctx, py_val offset, size_t len)
{
    intmax_t off = py_int_get(ctx, offset);
    if (off < 0) {
        if ((uintmax_t)-off > len) {
            py_raise(ctx, STRUCT_ERROR, "offset %ld out of range for %lu-byte buffer", (long)off,
                     (unsigned long)len);
        }
        off += (intmax_t)len;
    }
    return (size_t)off;
}

static py_val do_unpack_from(py_ctx *ctx, py_val fmt, py_val buffer, py_val offset)
{
    size_t len, size = st_calcsize(ctx, fmt, NULL);
    const char *data = mod_bytes_get(ctx, buffer, &len);
    size_t off = buffer_offset(ctx, offset, len);
    if (off > len || len - off < size) {
        py_raise(ctx, STRUCT_ERROR,
                 "unpack_from requires a buffer of at least %lu bytes for unpacking %lu bytes at "
                 "offset %lu (actual buffer size is %lu)",
                 (unsigned long)(size + off), (unsigned long)size, (unsigned long)off,
                 (unsigned long)len);
    }
    return st_unpack(ctx, fmt, (const unsigned char *)data + off);
}

static py_val do_pack_into(py_ctx *ctx, py_val fmt, size_t n, const py_val *args)
{
    size_t nvalues, len, size = st_calcsize(ctx, fmt, &nvalues);
    if (n < 2 || n - 2 != nvalues) {
        py_raise(ctx, STRUCT_ERROR, "pack_into expected %lu items for packing (got %lu)",
                 (unsigned long)nvalues, (unsigned long)(n < 2 ? 0 : n - 2));
    }
    char *data = mod_bytearray_data(ctx, args[0], &len);
    size_t off = buffer_offset(ctx, args[1], len);
    if (off > len || len - off < size) {
        py_raise(ctx, STRUCT_ERROR,
                 "pack_into requires a buffer of at least %lu bytes for packing %lu bytes at "
                 "offset %lu (actual buffer size is %lu)",
                 (unsigned long)(size + off), (unsigned long)size, (unsigned long)off,
                 (unsigned long)len);
    }
    /* Pack into a temporary first so a failing value leaves the buffer as is. */
    py_str_obj *tmp = py_str_alloc(ctx, &py_type_bytes, size);
    memset(tmp->data, 0, size);
    st_pack(ctx, fmt, (unsigned char *)tmp->data, n - 2, args + 2);
    data = mod_bytearray_data(ctx, args[0], &len);
    memcpy(data + off, tmp->data, size);
    return PY_NONE;
}

static py_val do_iter_unpack(py_ctx *ctx, py_val fmt, py_val buffer)
{
    size_t len, size = st_calcsize(ctx, fmt, NULL);
    const char *data = mod_bytes_get(ctx, buffer, &len);
    if (size == 0) {
        py_raise(ctx, STRUCT_ERROR, "cannot iteratively unpack with a struct of length 0");
    }
    if (len % size) {
        py_raise(ctx, STRUCT_ERROR,
                 "iterative unpacking requires a buffer of a multiple of %lu bytes",
                 (unsigned long)size);
    }
    py_val list = py_list_new(ctx, 0, NULL);
    for (size_t off = 0; off < len; off += size) {
        data = mod_bytes_get(ctx, buffer, &len);
        py_list_append(ctx, list, st_unpack(ctx, fmt, (const unsigned char *)data + off));
    }
    return py_iter(ctx, list);
}

static py_val struct_calcsize(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return py_int_from(ctx, (intmax_t)st_calcsize(ctx, a[0], NULL));
}
static PY_FUN(struct_calcsize_obj, "calcsize", 1, 1, struct_calcsize);

static py_val struct_pack(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return do_pack(ctx, a[0], n - 1, a + 1);
}
static PY_FUN(struct_pack_obj, "pack", 1, PY_ARGS_VAR, struct_pack);

static py_val struct_unpack(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return do_unpack(ctx, a[0], a[1]);
}
static PY_FUN(struct_unpack_obj, "unpack", 2, 2, struct_unpack);

static py_val struct_pack_into(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return do_pack_into(ctx, a[0], n - 1, a + 1);
}
static PY_FUN(struct_pack_into_obj, "pack_into", 3, PY_ARGS_VAR, struct_pack_into);

/* unpack_from(fmt, buffer, offset=0) and the method form (self first). */
static py_val unpack_from_args(py_ctx *ctx, size_t n, size_t nk, const py_val *args, py_val *fmt)
{
    const py_arg_spec spec[] = {
        {0, PY_ARG_REQUIRED, 0},
        {py_qstr_from_cstr(ctx, "buffer"), PY_ARG_REQUIRED, 0},
        {py_qstr_from_cstr(ctx, "offset"), 0, PY_MK_SMALL(0)},
    };
    py_val v[3];
    py_parse_args(ctx, n, nk, args, spec, 3, v);
    return do_unpack_from(ctx, fmt ? *fmt : v[0], v[1], v[2]);
}

static py_val struct_unpack_from(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return unpack_from_args(ctx, n, nk, a, NULL);
}
static PY_FUN_KWARGS(struct_unpack_from_obj, "unpack_from", 2, struct_unpack_from);

static py_val struct_iter_unpack(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return do_iter_unpack(ctx, a[0], a[1]);
}
static PY_FUN(struct_iter_unpack_obj, "iter_unpack", 2, 2, struct_iter_unpack);

/* ---- struct.Struct ---------------------------------------------------------- */

typedef struct st_obj {
    py_obj base;
    py_val format;
    size_t size;
} st_obj;

extern const py_type struct_Struct_type;

static py_val st_make_new(py_ctx *ctx, const py_type *type, size_t n, size_t nk, const py_val *args)
{
    py_check_nargs(ctx, n + nk, 1, 1);
    py_val fmt = args[0];
    size_t size = st_calcsize(ctx, fmt, NULL);
    st_obj *o = py_obj_new(ctx, type, sizeof(st_obj));
    if (py_type_of(fmt) == &py_type_bytes) {
        size_t len;
        const char *s = py_str_get(ctx, fmt, &len);
        fmt = py_str_new(ctx, s, len);
    }
    o->format = fmt;
    o->size = size;
    return PY_VAL(o);
}

static bool st_attr(py_ctx *ctx, py_val self, py_qstr name, int op, py_val *value)
{
    st_obj *o = PY_PTR(self);
    const char *s = py_qstr_str(ctx, name, NULL);
    if (op != PY_ATTR_LOAD) {
        return false;
    }
    if (!strcmp(s, "format")) {
        *value = o->format;
        return true;
    }
    if (!strcmp(s, "size")) {
        *value = py_int_from(ctx, (intmax_t)o->size);
        return true;
    }
    return false;
}

static py_val self_fmt(py_val self)
{
    return ((st_obj *)PY_PTR(self))->format;
}

static py_val stm_pack(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return do_pack(ctx, self_fmt(a[0]), n - 1, a + 1);
}
static PY_FUN(stm_pack_obj, "pack", 1, PY_ARGS_VAR, stm_pack);

static py_val stm_unpack(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return do_unpack(ctx, self_fmt(a[0]), a[1]);
}
static PY_FUN(stm_unpack_obj, "unpack", 2, 2, stm_unpack);

static py_val stm_pack_into(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return do_pack_into(ctx, self_fmt(a[0]), n - 1, a + 1);
}
static PY_FUN(stm_pack_into_obj, "pack_into", 3, PY_ARGS_VAR, stm_pack_into);

static py_val stm_unpack_from(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    py_val fmt = self_fmt(a[0]);
    return unpack_from_args(ctx, n, nk, a, &fmt);
}
static PY_FUN_KWARGS(stm_unpack_from_obj, "unpack_from", 2, stm_unpack_from);

static py_val stm_iter_unpack(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return do_iter_unpack(ctx, self_fmt(a[0]), a[1]);
}
static PY_FUN(stm_iter_unpack_obj, "iter_unpack", 2, 2, stm_iter_unpack);

static void st_print(py_ctx *ctx, py_print *p, py_val self, int kind)
{
    py_printf(ctx, p, "Struct(%r)", self_fmt(self));
}

static const py_attr_def st_locals[] = {
    {"pack", PY_OBJV(&stm_pack_obj)},
    {"unpack", PY_OBJV(&stm_unpack_obj)},
    {"pack_into", PY_OBJV(&stm_pack_into_obj)},
    {"unpack_from", PY_OBJV(&stm_unpack_from_obj)},
    {"iter_unpack", PY_OBJV(&stm_iter_unpack_obj)},
    {NULL, 0},
};

const py_type struct_Struct_type = {
    {&py_type_type}, "Struct",        PY_TF_BASETYPE,      st_make_new,
    st_print,        .attr = st_attr, .locals = st_locals, .inst_size = sizeof(st_obj),
};

#define F(name)                              \
    {                                        \
#name, PY_OBJV(&struct_##name##_obj) \
    }
static const py_attr_def struct_attrs[] = {
    F(calcsize),
    F(pack),
    F(unpack),
    F(pack_into),
    F(unpack_from),
    F(iter_unpack),
    {"Struct", PY_OBJV(&struct_Struct_type)},
    {"error", PY_OBJV(STRUCT_ERROR)},
    {NULL, 0},
};
#undef F

const py_module_def py_mod_struct = {"struct", struct_attrs, NULL};
