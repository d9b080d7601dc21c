/* str (UTF-8) and bytes: construction, hashing, indexing, methods. */
#include <math.h>

#include "internal.h"

/* --- building strings --------------------------------------------------------- */

static void strbuf_write(void *data, const char *s, size_t n)
{
    py_strbuf_add(data, s, n);
}

void py_strbuf_init(py_ctx *ctx, py_strbuf *b, size_t cap)
{
    b->p.data = b;
    b->p.write = strbuf_write;
    b->ctx = ctx;
    b->cap = cap < 16 ? 16 : cap;
    b->len = 0;
    /* leave room for the str header so finishing needs no copy */
    b->buf = py_alloc_raw(ctx, sizeof(py_str_obj) + b->cap + 1);
}

void py_strbuf_add(py_strbuf *b, const char *s, size_t n)
{
    if (b->len + n > b->cap) {
        size_t ncap = (b->len + n) * 2;
        b->buf = py_realloc(b->ctx, b->buf, sizeof(py_str_obj) + b->cap + 1,
                            sizeof(py_str_obj) + ncap + 1);
        b->cap = ncap;
    }
    memcpy(b->buf + sizeof(py_str_obj) + b->len, s, n);
    b->len += n;
}

void py_strbuf_addc(py_strbuf *b, char c)
{
    py_strbuf_add(b, &c, 1);
}

py_val py_strbuf_finish(py_strbuf *b, const py_type *type)
{
    py_str_obj *s = (py_str_obj *)b->buf;
    s->base.type = type;
    s->len = (uint32_t)b->len;
    s->data[b->len] = 0;
    return py_str_finish(b->ctx, s);
}

py_str_obj *py_str_alloc(py_ctx *ctx, const py_type *type, size_t len)
{
    if (len >= (1u << 30)) {
        py_raise(ctx, &py_type_MemoryError, NULL);
    }
    py_str_obj *s = py_alloc_raw(ctx, sizeof(py_str_obj) + len + 1);
    s->base.type = type;
    s->len = (uint32_t)len;
    return s;
}

py_val py_str_finish(py_ctx *ctx, py_str_obj *s)
{
    s->data[s->len] = 0;
    if (s->base.type == &py_type_str && s->len <= 1) {
        /* empty and 1-char strings are interned: no duplicates of them */
        return py_str_intern(ctx, s->data, s->len);
    }
    return PY_VAL(s);
}

py_val py_str_intern(py_ctx *ctx, const char *s, size_t len)
{
    return PY_MK_QSTR(py_qstr_from(ctx, s, len));
}

py_val py_str_new(py_ctx *ctx, const char *s, size_t len)
{
    if (len <= 1) {
        return py_str_intern(ctx, s, len);
    }
    py_str_obj *o = py_str_alloc(ctx, &py_type_str, len);
    memcpy(o->data, s, len);
    return PY_VAL(o);
}

py_val py_str_from_cstr(py_ctx *ctx, const char *s)
{
    return py_str_new(ctx, s, strlen(s));
}

py_val py_bytes_new(py_ctx *ctx, const void *s, size_t len)
{
    py_str_obj *o = py_str_alloc(ctx, &py_type_bytes, len);
    if (len) {
        memcpy(o->data, s, len);
    }
    return py_str_finish(ctx, o);
}

bool py_is_str(py_val v)
{
    if (PY_IS_QSTR(v)) {
        return true;
    }
    if (!PY_IS_PTR(v) || v == 0) {
        return false;
    }
    const py_type *t = ((py_obj *)v)->type;
    if ((t->flags & PY_TF_CLASS) && t->base_type != NULL) {
        t = t->base_type;
    }
    return t == &py_type_str || t == &py_type_bytes;
}

typedef struct py_bytearray {
    py_obj base;
    size_t len, alloc;
    char *data;
} py_bytearray;

const char *py_str_get(py_ctx *ctx, py_val v, size_t *len)
{
    if (PY_IS_QSTR(v)) {
        return py_qstr_str(ctx, PY_QSTR(v), len);
    }
    const py_type *t = py_type_of(v);
    if ((t->flags & PY_TF_CLASS) && t->base_type != NULL) {
        t = t->base_type;
    }
    if (t == &py_type_str || t == &py_type_bytes) {
        py_str_obj *s = PY_PTR(v);
        *len = s->len;
        return s->data;
    }
    if (t == &py_type_bytearray) {
        py_bytearray *b = PY_PTR(v);
        *len = b->len;
        return b->data ? b->data : "";
    }
    py_raise(ctx, &py_type_TypeError, "expected str, got '%s'", py_type_name(v));
}

uint32_t py_str_hash(py_ctx *ctx, py_val v)
{
    if (PY_IS_QSTR(v)) {
        return py_qstr_hash(ctx, PY_QSTR(v));
    }
    py_str_obj *s = PY_PTR(v);
    if (s->hash == 0) {
        s->hash = py_hash_bytes(s->data, s->len);
    }
    return s->hash;
}

bool py_str_equal(py_ctx *ctx, py_val a, py_val b)
{
    size_t an, bn;
    const char *as = py_str_get(ctx, a, &an);
    const char *bs = py_str_get(ctx, b, &bn);
    return an == bn && memcmp(as, bs, an) == 0;
}

/* --- UTF-8 helpers --------------------------------------------------------------- */

static bool is_cont(char c)
{
    return ((uint8_t)c & 0xc0) == 0x80;
}

static bool str_is_ascii(py_ctx *ctx, py_val v, const char *s, size_t n)
{
    if (PY_IS_QSTR(v)) {
        for (size_t i = 0; i < n; i++) {
            if ((uint8_t)s[i] >= 0x80) {
                return false;
            }
        }
        return true;
    }
    py_str_obj *o = PY_PTR(v);
    if (o->ascii == 0) {
        o->ascii = 1;
        for (size_t i = 0; i < n; i++) {
            if ((uint8_t)s[i] >= 0x80) {
                o->ascii = 2;
                break;
            }
        }
    }
    return o->ascii == 1;
}

static size_t utf8_len(const char *s, size_t n)
{
    size_t c = 0;
    for (size_t i = 0; i < n; i++) {
        c += !is_cont(s[i]);
    }
    return c;
}

/* Byte offset of code point index ci. */
static size_t utf8_offset(const char *s, size_t n, size_t ci)
{
    size_t i = 0;
    while (ci > 0 && i < n) {
        i++;
        while (i < n && is_cont(s[i])) {
            i++;
        }
        ci--;
    }
    return i;
}

static uint32_t utf8_decode(const char *s, size_t *i)
{
    uint8_t c = (uint8_t)s[(*i)++];
    if (c < 0x80) {
        return c;
    }
    int extra = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : 1;
    uint32_t cp = c & (0x3f >> extra);
    while (extra-- > 0) {
        cp = (cp << 6) | ((uint8_t)s[(*i)++] & 0x3f);
    }
    return cp;
}

static size_t utf8_encode(uint32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xc0 | (cp >> 6));
        out[1] = (char)(0x80 | (cp & 0x3f));
        return 2;
    }
    if (cp < 0x10000) {
        out[0] = (char)(0xe0 | (cp >> 12));
        out[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
        out[2] = (char)(0x80 | (cp & 0x3f));
        return 3;
    }
    out[0] = (char)(0xf0 | (cp >> 18));
    out[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
    out[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
    out[3] = (char)(0x80 | (cp & 0x3f));
    return 4;
}

py_val py_chr(py_ctx *ctx, intmax_t cp)
{
    if (cp < 0 || cp > 0x10ffff) {
        py_raise(ctx, &py_type_ValueError, "chr() arg not in range(0x110000)");
    }
    char buf[4];
    size_t n = utf8_encode((uint32_t)cp, buf);
    return py_str_new(ctx, buf, n);
}

py_val py_ord(py_ctx *ctx, py_val v)
{
    size_t n;
    const py_type *vt = py_type_of(v);
    while (vt->base_type != NULL) {
        vt = vt->base_type;
    }
    if (vt != &py_type_str && vt != &py_type_bytes && vt != &py_type_bytearray) {
        py_raise(ctx, &py_type_TypeError, "ord() expected string of length 1, but %s found",
                 py_type_name(v));
    }
    const char *s = py_str_get(ctx, v, &n);
    if (py_type_of(v) != &py_type_str) {
        if (n != 1) {
            py_raise(ctx, &py_type_TypeError,
                     "ord() expected a character, but string of length %d found", (int)n);
        }
        return PY_MK_SMALL((uint8_t)s[0]);
    }
    size_t i = 0;
    if (n == 0 || utf8_len(s, n) != 1) {
        py_raise(ctx, &py_type_TypeError,
                 "ord() expected a character, but string of length %d found", (int)utf8_len(s, n));
    }
    return PY_MK_SMALL(utf8_decode(s, &i));
}

/* --- printing -------------------------------------------------------------------- */

/* Code points repr() escapes although they are not ASCII: controls, separators and spaces
 * other than ' ', format characters, surrogates, private use and noncharacters (CPython's
 * "not printable"); unassigned code points outside these ranges print as themselves. */
static bool uni_nonprintable(uint32_t cp)
{
    static const uint32_t ranges[][2] = {
        {0x80, 0xa0},       {0xad, 0xad},        {0x378, 0x379},   {0x380, 0x383},
        {0x38b, 0x38b},     {0x38d, 0x38d},      {0x3a2, 0x3a2},   {0x600, 0x605},
        {0x61c, 0x61c},     {0x6dd, 0x6dd},      {0x70f, 0x70f},   {0x8e2, 0x8e2},
        {0x1680, 0x1680},   {0x180e, 0x180e},    {0x2000, 0x200f}, {0x2028, 0x202f},
        {0x205f, 0x2064},   {0x2066, 0x206f},    {0x3000, 0x3000}, {0xd800, 0xf8ff},
        {0xfeff, 0xfeff},   {0xfff0, 0xfffb},    {0xfffe, 0xffff}, {0x1d173, 0x1d17a},
        {0xe0000, 0xe0fff}, {0xf0000, 0x10ffff},
    };
    for (size_t i = 0; i < sizeof(ranges) / sizeof(ranges[0]); i++) {
        if (cp >= ranges[i][0] && cp <= ranges[i][1]) {
            return true;
        }
    }
    return false;
}

/* Format cp as \xNN, \uNNNN or \UNNNNNNNN into buf (at least 11 bytes). */
static void uni_escape(uint32_t cp, char *buf)
{
    static const char hex[] = "0123456789abcdef";
    int digits = cp < 0x100 ? 2 : cp < 0x10000 ? 4 : 8;
    buf[0] = '\\';
    buf[1] = digits == 2 ? 'x' : digits == 4 ? 'u' : 'U';
    for (int d = 0; d < digits; d++) {
        buf[2 + d] = hex[(cp >> (4 * (digits - 1 - d))) & 15];
    }
    buf[2 + digits] = 0;
}

void py_print_quoted(py_print *p, const char *s, size_t len, bool bytes)
{
    bool has_sq = memchr(s, '\'', len) != NULL, has_dq = memchr(s, '"', len) != NULL;
    char q = has_sq && !has_dq ? '"' : '\'';
    if (bytes) {
        p->write(p->data, "b", 1);
    }
    p->write(p->data, &q, 1);
    size_t start = 0;
    for (size_t i = 0; i < len; i++) {
        uint8_t c = (uint8_t)s[i];
        const char *esc = NULL;
        char buf[8];
        if (c == (uint8_t)q || c == '\\') {
            buf[0] = '\\';
            buf[1] = (char)c;
            buf[2] = 0;
            esc = buf;
        } else if (c == '\n') {
            esc = "\\n";
        } else if (c == '\r') {
            esc = "\\r";
        } else if (c == '\t') {
            esc = "\\t";
        } else if (c < 0x20 || c == 0x7f || (bytes && c >= 0x80)) {
            static const char hex[] = "0123456789abcdef";
            buf[0] = '\\';
            buf[1] = 'x';
            buf[2] = hex[c >> 4];
            buf[3] = hex[c & 15];
            buf[4] = 0;
            esc = buf;
        }
        if (!bytes && c >= 0xc0) {
            size_t next = i;
            uint32_t cp = utf8_decode(s, &next);
            if (uni_nonprintable(cp)) {
                char ubuf[12];
                uni_escape(cp, ubuf);
                if (i > start) {
                    p->write(p->data, s + start, i - start);
                }
                p->write(p->data, ubuf, strlen(ubuf));
                start = next;
            }
            i = next - 1;
            continue;
        }
        if (esc != NULL) {
            if (i > start) {
                p->write(p->data, s + start, i - start);
            }
            p->write(p->data, esc, strlen(esc));
            start = i + 1;
        }
    }
    if (len > start) {
        p->write(p->data, s + start, len - start);
    }
    p->write(p->data, &q, 1);
}

static void str_print(py_ctx *ctx, py_print *p, py_val self, int kind)
{
    size_t n;
    const char *s = py_str_get(ctx, self, &n);
    const py_type *t = py_type_of(self);
    bool bytes =
        t == &py_type_bytes || ((t->flags & PY_TF_CLASS) && t->base_type == &py_type_bytes);
    if (kind == PY_PRINT_STR && !bytes) {
        p->write(p->data, s, n);
    } else {
        py_print_quoted(p, s, n, bytes);
    }
}

/* --- operators --------------------------------------------------------------------- */

/* The built-in type of v, looking through a class derived from str or bytes. */
static const py_type *base_of(py_val v)
{
    const py_type *t = py_type_of(v);
    return (t->flags & PY_TF_CLASS) && t->base_type != NULL ? t->base_type : t;
}

py_val py_str_concat(py_ctx *ctx, py_val a, py_val b)
{
    size_t an, bn;
    const char *as = py_str_get(ctx, a, &an);
    const char *bs = py_str_get(ctx, b, &bn);
    py_str_obj *r =
        py_str_alloc(ctx, base_of(a) == &py_type_bytes ? &py_type_bytes : &py_type_str, an + bn);
    /* the allocation may have moved nothing: qstr/str data are stable */
    memcpy(r->data, as, an);
    memcpy(r->data + an, bs, bn);
    return py_str_finish(ctx, r);
}

static py_val str_repeat(py_ctx *ctx, py_val s, intmax_t n)
{
    size_t len;
    const char *d = py_str_get(ctx, s, &len);
    if (n <= 0 || len == 0) {
        return base_of(s) == &py_type_bytes ? py_bytes_new(ctx, "", 0) : PY_MK_QSTR(PY_Q_empty);
    }
    if ((uintmax_t)n * len >= (1u << 30)) {
        py_raise(ctx, &py_type_MemoryError, NULL);
    }
    py_str_obj *r = py_str_alloc(ctx, base_of(s), (size_t)n * len);
    for (intmax_t i = 0; i < n; i++) {
        memcpy(r->data + i * len, d, len);
    }
    return py_str_finish(ctx, r);
}

static bool same_kind(py_val a, py_val b)
{
    bool ab = base_of(a) == &py_type_bytes || base_of(a) == &py_type_bytearray;
    bool bb = base_of(b) == &py_type_bytes || base_of(b) == &py_type_bytearray;
    return ab == bb && (py_is_str(a) || py_type_of(a) == &py_type_bytearray) &&
           (py_is_str(b) || py_type_of(b) == &py_type_bytearray);
}

static py_val find_sub(py_ctx *ctx, const char *h, size_t hn, const char *n, size_t nn,
                       size_t start, size_t end, bool rev)
{
    if (end > hn) {
        end = hn;
    }
    if (start > end || nn > end - start) {
        return PY_MK_SMALL(-1);
    }
    if (!rev) {
        for (size_t i = start; i + nn <= end; i++) {
            if (memcmp(h + i, n, nn) == 0) {
                return PY_MK_SMALL(i);
            }
        }
    } else {
        for (size_t i = end - nn + 1; i-- > start;) {
            if (memcmp(h + i, n, nn) == 0) {
                return PY_MK_SMALL(i);
            }
        }
    }
    return PY_MK_SMALL(-1);
}

static py_val str_binary_op(py_ctx *ctx, int op, py_val a, py_val b)
{
    if (op >= PY_OP_IADD && op <= PY_OP_IXOR) {
        op -= PY_INPLACE_DELTA;
    }
    switch (op) {
    case PY_OP_ADD:
        if (py_is_str(a) && same_kind(a, b)) {
            return py_str_concat(ctx, a, b);
        }
        return PY_NULL;
    case PY_OP_MUL:
        if (py_is_int(b) && py_is_str(a)) {
            return str_repeat(ctx, a, py_int_get(ctx, b));
        }
        if (py_is_int(a) && py_is_str(b)) {
            return str_repeat(ctx, b, py_int_get(ctx, a));
        }
        return PY_NULL;
    case PY_OP_MOD:
        if (base_of(a) == &py_type_str || base_of(a) == &py_type_bytes) {
            return py_str_format_pct(ctx, a, b);
        }
        return PY_NULL;
    case PY_OP_IN: {
        if (!same_kind(a, b)) {
            if (py_type_of(a) != &py_type_str && py_is_int(b)) {
                size_t n;
                const char *s = py_str_get(ctx, a, &n);
                intmax_t c = py_int_get(ctx, b);
                return PY_BOOL(c >= 0 && c < 256 && memchr(s, (int)c, n) != NULL);
            }
            py_raise(ctx, &py_type_TypeError,
                     "'in <string>' requires string as left operand, not %s", py_type_name(b));
        }
        size_t hn, nn;
        const char *h = py_str_get(ctx, a, &hn);
        const char *n = py_str_get(ctx, b, &nn);
        return PY_BOOL(PY_SMALL(find_sub(ctx, h, hn, n, nn, 0, hn, false)) >= 0);
    }
    case PY_OP_LT:
    case PY_OP_GT:
    case PY_OP_EQ:
    case PY_OP_NE:
    case PY_OP_LE:
    case PY_OP_GE: {
        if (!same_kind(a, b)) {
            return PY_NULL;
        }
        if (op == PY_OP_EQ || op == PY_OP_NE) {
            if (PY_IS_QSTR(a) && PY_IS_QSTR(b)) {
                return PY_BOOL((a == b) == (op == PY_OP_EQ));
            }
            return PY_BOOL(py_str_equal(ctx, a, b) == (op == PY_OP_EQ));
        }
        size_t an, bn;
        const char *as = py_str_get(ctx, a, &an);
        const char *bs = py_str_get(ctx, b, &bn);
        int c = memcmp(as, bs, an < bn ? an : bn);
        if (c == 0) {
            c = an < bn ? -1 : an > bn;
        }
        switch (op) {
        case PY_OP_LT: return PY_BOOL(c < 0);
        case PY_OP_GT: return PY_BOOL(c > 0);
        case PY_OP_LE: return PY_BOOL(c <= 0);
        default: return PY_BOOL(c >= 0);
        }
    }
    }
    return PY_NULL;
}

static py_val str_unary_op(py_ctx *ctx, int op, py_val a)
{
    size_t n;
    const char *s = py_str_get(ctx, a, &n);
    switch (op) {
    case PY_OP_BOOL: return PY_BOOL(n != 0);
    case PY_OP_LEN:
        if (py_type_of(a) == &py_type_str && !str_is_ascii(ctx, a, s, n)) {
            return PY_MK_SMALL(utf8_len(s, n));
        }
        return PY_MK_SMALL(n);
    case PY_OP_HASH: return PY_MK_SMALL(py_str_hash(ctx, a));
    default: return PY_NULL;
    }
}

/* str[i] and slices; code point indexing for non-ASCII strings. */
py_val py_str_getslice(py_ctx *ctx, py_val self, py_val index)
{
    size_t n;
    const char *s = py_str_get(ctx, self, &n);
    bool bytes = base_of(self) == &py_type_bytes;
    bool ascii = bytes || str_is_ascii(ctx, self, s, n);
    size_t clen = ascii ? n : utf8_len(s, n);
    if (py_type_of(index) == &py_type_slice) {
        intptr_t start, step;
        size_t count = py_slice_indices(ctx, index, clen, &start, &step);
        if (step == 1 && ascii) {
            if (bytes) {
                return py_bytes_new(ctx, s + start, count);
            }
            return py_str_new(ctx, s + start, count);
        }
        py_strbuf b;
        py_strbuf_init(ctx, &b, count);
        s = py_str_get(ctx, self, &n);
        for (size_t k = 0; k < count; k++) {
            size_t ci = (size_t)(start + (intptr_t)k * step);
            size_t off = ascii ? ci : utf8_offset(s, n, ci);
            size_t e = off + 1;
            while (e < n && !ascii && is_cont(s[e])) {
                e++;
            }
            py_strbuf_add(&b, s + off, e - off);
        }
        return py_strbuf_finish(&b, bytes ? &py_type_bytes : &py_type_str);
    }
    size_t i = py_index(ctx, index, clen, bytes ? "index" : "string");
    if (bytes) {
        return PY_MK_SMALL((uint8_t)s[i]);
    }
    if (ascii) {
        return py_str_intern(ctx, s + i, 1);
    }
    size_t off = utf8_offset(s, n, i);
    size_t e = off + 1;
    while (e < n && is_cont(s[e])) {
        e++;
    }
    return py_str_new(ctx, s + off, e - off);
}

static py_val str_subscr(py_ctx *ctx, py_val self, py_val index, py_val value)
{
    if (value != PY_NULL) {
        return PY_NULL == 0
                   ? (py_raise(ctx, &py_type_TypeError,
                               "'%s' object does not support item assignment", py_type_name(self)),
                      PY_NULL)
                   : PY_NULL;
    }
    return py_str_getslice(ctx, self, index);
}

typedef struct str_iter {
    py_obj base;
    py_val s;
    size_t pos;
} str_iter;

static py_val str_iternext(py_ctx *ctx, py_val self)
{
    str_iter *it = PY_PTR(self);
    size_t n;
    const char *s = py_str_get(ctx, it->s, &n);
    if (it->pos >= n) {
        return PY_STOP;
    }
    if (base_of(it->s) != &py_type_str) {
        return PY_MK_SMALL((uint8_t)s[it->pos++]);
    }
    size_t st = it->pos++;
    while (it->pos < n && is_cont(s[it->pos])) {
        it->pos++;
    }
    return py_str_new(ctx, s + st, it->pos - st);
}

static const py_type str_iter_type = {
    {&py_type_type}, "str_iterator", PY_TF_ITER_SELF, .iternext = str_iternext};

static py_val str_getiter(py_ctx *ctx, py_val self)
{
    str_iter *it = py_obj_new(ctx, &str_iter_type, sizeof(str_iter));
    it->s = self;
    return PY_VAL(it);
}

/* --- constructors --------------------------------------------------------------------- */

/* CPython's UnicodeDecodeError for the bytes s[i..i+k) (k >= 1). */
_Noreturn static void utf8_error(py_ctx *ctx, const char *s, size_t i, size_t k, const char *why)
{
    if (k == 1) {
        py_raise(ctx, &py_type_UnicodeDecodeError,
                 "'utf-8' codec can't decode byte 0x%x in position %d: %s", (uint8_t)s[i], (int)i,
                 why);
    }
    py_raise(ctx, &py_type_UnicodeDecodeError,
             "'utf-8' codec can't decode bytes in position %d-%d: %s", (int)i, (int)(i + k - 1),
             why);
}

static py_val decode_bytes(py_ctx *ctx, const char *s, size_t n)
{
    /* validate UTF-8: no overlong forms, surrogates or code points above U+10FFFF */
    for (size_t i = 0; i < n;) {
        uint8_t c = (uint8_t)s[i];
        int extra = c < 0x80                 ? 0
                    : c >= 0xc2 && c <= 0xdf ? 1
                    : c >= 0xe0 && c <= 0xef ? 2
                    : c >= 0xf0 && c <= 0xf4 ? 3
                                             : -1;
        if (extra < 0) {
            utf8_error(ctx, s, i, 1, "invalid start byte");
        }
        uint8_t lo = c == 0xe0 ? 0xa0 : c == 0xf0 ? 0x90 : 0x80;
        uint8_t hi = c == 0xed ? 0x9f : c == 0xf4 ? 0x8f : 0xbf;
        for (int k = 1; k <= extra; k++) {
            if (i + (size_t)k >= n) {
                utf8_error(ctx, s, i, (size_t)k, "unexpected end of data");
            }
            uint8_t d = (uint8_t)s[i + (size_t)k];
            if (d < (k == 1 ? lo : 0x80) || d > (k == 1 ? hi : 0xbf)) {
                utf8_error(ctx, s, i, (size_t)k, "invalid continuation byte");
            }
        }
        i += (size_t)extra + 1;
    }
    return py_str_new(ctx, s, n);
}

static py_val str_make_new(py_ctx *ctx, const py_type *type, size_t n_args, size_t n_kw,
                           const py_val *args)
{
    static const py_arg_spec spec[] = {
        {PY_Q_object, 0, PY_NULL}, {PY_Q_encoding, 0, PY_NULL}, {PY_Q_errors, 0, PY_NULL}};
    py_val a[3];
    if (n_args > 3) {
        py_raise(ctx, &py_type_TypeError, "str() takes at most 3 arguments (%d given)",
                 (int)n_args);
    }
    py_parse_args(ctx, n_args, n_kw, args, spec, 3, a);
    if (a[0] == PY_NULL) {
        return PY_MK_QSTR(PY_Q_empty);
    }
    if (a[1] != PY_NULL) {
        size_t n;
        const char *s = py_str_get(ctx, a[0], &n);
        return decode_bytes(ctx, s, n);
    }
    return py_to_str(ctx, a[0]);
}

py_val py_bytes_from(py_ctx *ctx, py_val v, const py_type *type);

static py_val bytes_make_new(py_ctx *ctx, const py_type *type, size_t n_args, size_t n_kw,
                             const py_val *args)
{
    static const py_arg_spec spec[] = {
        {PY_Q_object, 0, PY_NULL}, {PY_Q_encoding, 0, PY_NULL}, {PY_Q_errors, 0, PY_NULL}};
    py_val a[3];
    py_parse_args(ctx, n_args, n_kw, args, spec, 3, a);
    if (a[0] == PY_NULL) {
        return py_bytes_new(ctx, "", 0);
    }
    if (py_type_of(a[0]) == &py_type_str) {
        if (a[1] == PY_NULL) {
            py_raise(ctx, &py_type_TypeError, "string argument without an encoding");
        }
        size_t n;
        const char *s = py_str_get(ctx, a[0], &n);
        return py_bytes_new(ctx, s, n);
    }
    return py_bytes_from(ctx, a[0], &py_type_bytes);
}

py_val py_bytes_from(py_ctx *ctx, py_val v, const py_type *type)
{
    if (py_is_int(v)) {
        intmax_t n = py_int_get(ctx, v);
        if (n < 0) {
            py_raise(ctx, &py_type_ValueError, "negative count");
        }
        py_str_obj *s = py_str_alloc(ctx, &py_type_bytes, (size_t)n);
        memset(s->data, 0, (size_t)n);
        return py_str_finish(ctx, s);
    }
    if (py_type_of(v) == &py_type_bytes || py_type_of(v) == &py_type_bytearray) {
        size_t n;
        const char *s = py_str_get(ctx, v, &n);
        return py_bytes_new(ctx, s, n);
    }
    if (py_type_of(v) == &py_type_memoryview) {
        return py_call_method(ctx, v, py_qstr_from_cstr(ctx, "tobytes"), 0, NULL);
    }
    py_strbuf b;
    py_strbuf_init(ctx, &b, 16);
    py_val it = py_iter(ctx, v);
    for (py_val x; (x = py_next(ctx, it)) != PY_STOP;) {
        intmax_t c = py_int_get(ctx, x);
        if (c < 0 || c > 255) {
            py_raise(ctx, &py_type_ValueError, "%s must be in range(0, 256)",
                     type == &py_type_bytearray ? "byte" : "bytes");
        }
        py_strbuf_addc(&b, (char)c);
    }
    return py_strbuf_finish(&b, &py_type_bytes);
}

/* --- methods ------------------------------------------------------------------------- */

#define SELF_STR() \
    size_t slen;   \
    const char *s = py_str_get(ctx, args[0], &slen)

static const py_type *result_type(py_val v)
{
    return base_of(v) == &py_type_str ? &py_type_str : &py_type_bytes;
}

static py_val mk(py_ctx *ctx, py_val like, const char *s, size_t n)
{
    if (result_type(like) == &py_type_str) {
        return py_str_new(ctx, s, n);
    }
    return py_bytes_new(ctx, s, n);
}

static void check_same(py_ctx *ctx, py_val self, py_val arg)
{
    if (!same_kind(self, arg)) {
        if (py_type_of(self) == &py_type_str) {
            py_raise(ctx, &py_type_TypeError, "must be str, not %s", py_type_name(arg));
        }
        py_raise(ctx, &py_type_TypeError, "a bytes-like object is required, not '%s'",
                 py_type_name(arg));
    }
}

py_val py_str_join(py_ctx *ctx, py_val sep, py_val iterable)
{
    size_t sn;
    py_strbuf b;
    py_strbuf_init(ctx, &b, 32);
    if (!py_is_iterable(ctx, iterable)) {
        py_raise(ctx, &py_type_TypeError, "can only join an iterable");
    }
    py_val it = py_iter(ctx, iterable);
    bool first = true;
    int index = 0;
    for (py_val x; (x = py_next(ctx, it)) != PY_STOP; index++) {
        if (!same_kind(sep, x)) {
            py_raise(ctx, &py_type_TypeError,
                     py_type_of(sep) == &py_type_str
                         ? "sequence item %d: expected str instance, %s found"
                         : "sequence item %d: expected a bytes-like object, %s found",
                     index, py_type_name(x));
        }
        if (!first) {
            const char *s = py_str_get(ctx, sep, &sn);
            py_strbuf_add(&b, s, sn);
        }
        first = false;
        size_t xn;
        const char *xs = py_str_get(ctx, x, &xn);
        py_strbuf_add(&b, xs, xn);
    }
    return py_strbuf_finish(&b, result_type(sep));
}

static py_val str_join(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return py_str_join(ctx, args[0], args[1]);
}

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* str whitespace (bytes use only the ASCII set of is_space). */
static bool uni_space(uint32_t cp)
{
    return (cp >= 0x09 && cp <= 0x0d) || (cp >= 0x1c && cp <= 0x20) || cp == 0x85 || cp == 0xa0 ||
           cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200a) || cp == 0x2028 || cp == 0x2029 ||
           cp == 0x202f || cp == 0x205f || cp == 0x3000;
}

/* Byte length of the whitespace character starting at s[i], or 0 (also inside a character). */
static size_t ws_at(const char *s, size_t n, size_t i, bool uni)
{
    if (!uni || (uint8_t)s[i] < 0x80) {
        return is_space(s[i]) || (uni && s[i] >= 0x1c && s[i] <= 0x1f) ? 1 : 0;
    }
    if (is_cont(s[i])) {
        return 0;
    }
    size_t j = i;
    return uni_space(utf8_decode(s, &j)) ? j - i : 0;
}

/* Byte length of the whitespace character that ends just before s[i], or 0. */
static size_t ws_before(const char *s, size_t i, bool uni)
{
    size_t j = i - 1;
    while (uni && j > 0 && is_cont(s[j])) {
        j--;
    }
    return ws_at(s, i, j, uni) == i - j ? i - j : 0;
}

static py_val split_impl(py_ctx *ctx, size_t n_args, size_t n_kw, const py_val *args, bool rev)
{
    static const py_arg_spec spec[] = {
        {0, PY_ARG_REQUIRED, PY_NULL}, {PY_Q_sep, 0, PY_NONE}, {PY_Q_maxsplit, 0, PY_MK_SMALL(-1)}};
    py_val a[3];
    py_parse_args(ctx, n_args, n_kw, args, spec, 3, a);
    size_t n;
    const char *s = py_str_get(ctx, a[0], &n);
    intmax_t maxsplit = py_int_get(ctx, a[2]);
    py_val list = py_list_new(ctx, 0, NULL);
    bool uni = base_of(a[0]) == &py_type_str;
    if (a[1] == PY_NONE) {
        size_t i = rev ? n : 0;
        if (!rev) {
            while (true) {
                for (size_t w; i < n && (w = ws_at(s, n, i, uni)) > 0;) {
                    i += w;
                }
                if (i >= n) {
                    break;
                }
                size_t st = i;
                if (maxsplit == 0) {
                    py_list_append(ctx, list, mk(ctx, a[0], s + st, n - st));
                    break;
                }
                while (i < n && ws_at(s, n, i, uni) == 0) {
                    i++;
                }
                py_list_append(ctx, list, mk(ctx, a[0], s + st, i - st));
                s = py_str_get(ctx, a[0], &n);
                maxsplit--;
            }
        } else {
            while (true) {
                for (size_t w; i > 0 && (w = ws_before(s, i, uni)) > 0;) {
                    i -= w;
                }
                if (i == 0) {
                    break;
                }
                size_t e = i;
                if (maxsplit == 0) {
                    py_list_append(ctx, list, mk(ctx, a[0], s, e));
                    break;
                }
                while (i > 0 && ws_before(s, i, uni) == 0) {
                    i--;
                }
                py_list_append(ctx, list, mk(ctx, a[0], s + i, e - i));
                maxsplit--;
            }
            py_list *l = PY_PTR(list);
            for (size_t k = 0; k < l->len / 2; k++) {
                py_val t = l->items[k];
                l->items[k] = l->items[l->len - 1 - k];
                l->items[l->len - 1 - k] = t;
            }
        }
        return list;
    }
    if (py_type_of(a[0]) == &py_type_str && !same_kind(a[0], a[1])) {
        py_raise(ctx, &py_type_TypeError, "must be str or None, not %s", py_type_name(a[1]));
    }
    check_same(ctx, a[0], a[1]);
    size_t sepn;
    const char *sep = py_str_get(ctx, a[1], &sepn);
    if (sepn == 0) {
        py_raise(ctx, &py_type_ValueError, "empty separator");
    }
    if (!rev) {
        size_t st = 0;
        while (maxsplit != 0) {
            py_val f = find_sub(ctx, s, n, sep, sepn, st, n, false);
            if (PY_SMALL(f) < 0) {
                break;
            }
            py_list_append(ctx, list, mk(ctx, a[0], s + st, (size_t)PY_SMALL(f) - st));
            st = (size_t)PY_SMALL(f) + sepn;
            maxsplit--;
        }
        py_list_append(ctx, list, mk(ctx, a[0], s + st, n - st));
    } else {
        size_t e = n;
        while (maxsplit != 0) {
            py_val f = find_sub(ctx, s, n, sep, sepn, 0, e, true);
            if (PY_SMALL(f) < 0) {
                break;
            }
            size_t fi = (size_t)PY_SMALL(f);
            py_list_append(ctx, list, mk(ctx, a[0], s + fi + sepn, e - fi - sepn));
            e = fi;
            maxsplit--;
        }
        py_list_append(ctx, list, mk(ctx, a[0], s, e));
        py_list *l = PY_PTR(list);
        for (size_t k = 0; k < l->len / 2; k++) {
            py_val t = l->items[k];
            l->items[k] = l->items[l->len - 1 - k];
            l->items[l->len - 1 - k] = t;
        }
    }
    return list;
}

static py_val str_split(py_ctx *ctx, size_t n_args, size_t n_kw, const py_val *args)
{
    return split_impl(ctx, n_args, n_kw, args, false);
}

static py_val str_rsplit(py_ctx *ctx, size_t n_args, size_t n_kw, const py_val *args)
{
    return split_impl(ctx, n_args, n_kw, args, true);
}

/* Whether the character s[i..i+len) occurs in chars, matching whole UTF-8 sequences. */
static bool strip_in_set(const char *c, size_t len, const char *chars, size_t cn)
{
    for (size_t k = 0; k + len <= cn; k++) {
        if (memcmp(chars + k, c, len) == 0) {
            return true;
        }
    }
    return false;
}

/* Byte length of the character at s[i] when it is in chars, else 0. */
static size_t strip_char_at(const char *s, size_t n, size_t i, const char *chars, size_t cn,
                            bool uni)
{
    size_t j = i + 1;
    while (uni && j < n && is_cont(s[j])) {
        j++;
    }
    return strip_in_set(s + i, j - i, chars, cn) ? j - i : 0;
}

/* Byte length of the character ending before s[e] when it is in chars, else 0. */
static size_t strip_char_before(const char *s, size_t st, size_t e, const char *chars, size_t cn,
                                bool uni)
{
    size_t j = e - 1;
    while (uni && j > st && is_cont(s[j])) {
        j--;
    }
    return strip_in_set(s + j, e - j, chars, cn) ? e - j : 0;
}

static py_val strip_impl(py_ctx *ctx, size_t n_args, const py_val *args, int which)
{
    SELF_STR();
    const char *chars = "";
    size_t cn = 0;
    if (n_args > 1 && args[1] != PY_NONE) {
        if (py_type_of(args[0]) == &py_type_str && !same_kind(args[0], args[1])) {
            py_raise(ctx, &py_type_TypeError, "%s arg must be None or str",
                     which == 3   ? "strip"
                     : which == 1 ? "lstrip"
                                  : "rstrip");
        }
        check_same(ctx, args[0], args[1]);
        chars = py_str_get(ctx, args[1], &cn);
    }
    size_t st = 0, e = slen;
    bool uni = base_of(args[0]) == &py_type_str;
    if (n_args <= 1 || args[1] == PY_NONE) {
        for (size_t w; (which & 1) && st < e && (w = ws_at(s, e, st, uni)) > 0;) {
            st += w;
        }
        for (size_t w; (which & 2) && e > st && (w = ws_before(s, e, uni)) > 0;) {
            e -= w;
        }
    } else {
        for (size_t w; (which & 1) && st < e && (w = strip_char_at(s, e, st, chars, cn, uni));) {
            st += w;
        }
        for (size_t w;
             (which & 2) && e > st && (w = strip_char_before(s, st, e, chars, cn, uni));) {
            e -= w;
        }
    }
    if (st == 0 && e == slen) {
        return args[0];
    }
    return mk(ctx, args[0], s + st, e - st);
}

static py_val str_strip(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return strip_impl(ctx, n, args, 3);
}
static py_val str_lstrip(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return strip_impl(ctx, n, args, 1);
}
static py_val str_rstrip(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return strip_impl(ctx, n, args, 2);
}

/* Byte range [start, end) from optional code point args. */
static void range_args(py_ctx *ctx, size_t n_args, const py_val *args, const char *s, size_t slen,
                       size_t *start, size_t *end)
{
    bool ascii = py_type_of(args[0]) != &py_type_str || str_is_ascii(ctx, args[0], s, slen);
    size_t clen = ascii ? slen : utf8_len(s, slen);
    intmax_t st = 0, e = (intmax_t)clen;
    if (n_args > 2 && args[2] != PY_NONE) {
        st = py_int_get(ctx, args[2]);
        if (st < 0) {
            st = st + (intmax_t)clen < 0 ? 0 : st + (intmax_t)clen;
        }
    }
    if (n_args > 3 && args[3] != PY_NONE) {
        e = py_int_get(ctx, args[3]);
        if (e < 0) {
            e = e + (intmax_t)clen < 0 ? 0 : e + (intmax_t)clen;
        }
    }
    if (e > (intmax_t)clen) {
        e = (intmax_t)clen;
    }
    if (st > (intmax_t)clen) {
        *start = slen + 1;
        *end = slen;
        return;
    }
    *start = ascii ? (size_t)st : utf8_offset(s, slen, (size_t)st);
    *end = ascii ? (size_t)(e < st ? st : e) : utf8_offset(s, slen, (size_t)(e < st ? st : e));
}

static py_val to_cp_index(py_ctx *ctx, py_val self, const char *s, size_t n, py_val r)
{
    if (PY_SMALL(r) <= 0 || py_type_of(self) != &py_type_str || str_is_ascii(ctx, self, s, n)) {
        return r;
    }
    return PY_MK_SMALL(utf8_len(s, (size_t)PY_SMALL(r)));
}

/* The needle of find/index/count: bytes methods also take an int, meaning that one byte. */
static const char *needle_of(py_ctx *ctx, py_val self, py_val arg, size_t *nn, char *byte)
{
    if (base_of(self) != &py_type_str && py_is_int(arg)) {
        intmax_t v = py_int_get(ctx, arg);
        if (v < 0 || v > 255) {
            py_raise(ctx, &py_type_ValueError, "byte must be in range(0, 256)");
        }
        *byte = (char)v;
        *nn = 1;
        return byte;
    }
    check_same(ctx, self, arg);
    return py_str_get(ctx, arg, nn);
}

static py_val find_impl(py_ctx *ctx, size_t n_args, const py_val *args, bool rev, bool raise)
{
    SELF_STR();
    size_t nn;
    char byte;
    const char *needle = needle_of(ctx, args[0], args[1], &nn, &byte);
    size_t st, e;
    range_args(ctx, n_args, args, s, slen, &st, &e);
    py_val r = st > slen ? PY_MK_SMALL(-1) : find_sub(ctx, s, slen, needle, nn, st, e, rev);
    if (raise && PY_SMALL(r) < 0) {
        py_raise(ctx, &py_type_ValueError, "substring not found");
    }
    return to_cp_index(ctx, args[0], s, slen, r);
}

static py_val str_find(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return find_impl(ctx, n, args, false, false);
}
static py_val str_rfind(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return find_impl(ctx, n, args, true, false);
}
static py_val str_index(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return find_impl(ctx, n, args, false, true);
}
static py_val str_rindex(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return find_impl(ctx, n, args, true, true);
}

static py_val str_count(py_ctx *ctx, size_t n_args, size_t nkw, const py_val *args)
{
    SELF_STR();
    size_t nn;
    char byte;
    const char *needle = needle_of(ctx, args[0], args[1], &nn, &byte);
    size_t st, e;
    range_args(ctx, n_args, args, s, slen, &st, &e);
    if (st > slen) {
        return PY_MK_SMALL(0);
    }
    if (nn == 0) {
        return PY_MK_SMALL(utf8_len(s + st, e - st) + 1);
    }
    size_t c = 0;
    for (size_t i = st; i + nn <= e;) {
        if (memcmp(s + i, needle, nn) == 0) {
            c++;
            i += nn;
        } else {
            i++;
        }
    }
    return PY_MK_SMALL(c);
}

static py_val starts_impl(py_ctx *ctx, size_t n_args, const py_val *args, bool ends)
{
    SELF_STR();
    size_t st, e;
    range_args(ctx, n_args, args, s, slen, &st, &e);
    py_val pre = args[1];
    size_t np = 1;
    py_val *items = &pre;
    if (py_type_of(pre) == &py_type_tuple) {
        py_get_items(ctx, pre, &np, &items);
    }
    for (size_t k = 0; k < np; k++) {
        if (!same_kind(args[0], items[k])) {
            py_raise(ctx, &py_type_TypeError, "%s first arg must be str or a tuple of str, not %s",
                     ends ? "endswith" : "startswith", py_type_name(items[k]));
        }
        size_t pn;
        const char *p = py_str_get(ctx, items[k], &pn);
        if (st <= e && pn <= e - st && memcmp(ends ? s + e - pn : s + st, p, pn) == 0) {
            return PY_TRUE;
        }
    }
    return PY_FALSE;
}

static py_val str_startswith(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return starts_impl(ctx, n, args, false);
}
static py_val str_endswith(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return starts_impl(ctx, n, args, true);
}

static py_val str_replace(py_ctx *ctx, size_t n_args, size_t nkw, const py_val *args)
{
    SELF_STR();
    check_same(ctx, args[0], args[1]);
    check_same(ctx, args[0], args[2]);
    size_t on, nn;
    const char *old = py_str_get(ctx, args[1], &on);
    const char *new_ = py_str_get(ctx, args[2], &nn);
    intmax_t max = n_args > 3 ? py_int_get(ctx, args[3]) : -1;
    py_strbuf b;
    py_strbuf_init(ctx, &b, slen);
    size_t i = 0;
    while (i <= slen) {
        if (max != 0 && on == 0) {
            py_strbuf_add(&b, new_, nn);
            max--;
            if (i < slen) {
                size_t e = i + 1;
                while (e < slen && is_cont(s[e])) {
                    e++;
                }
                py_strbuf_add(&b, s + i, e - i);
                i = e;
                continue;
            }
            break;
        }
        if (max != 0 && on > 0 && i + on <= slen && memcmp(s + i, old, on) == 0) {
            py_strbuf_add(&b, new_, nn);
            i += on;
            max--;
            continue;
        }
        if (i < slen) {
            py_strbuf_addc(&b, s[i]);
        }
        i++;
    }
    return py_strbuf_finish(&b, result_type(args[0]));
}

/* Simple (one-to-one) case mappings of the alphabets in common use: Latin, Greek, Cyrillic,
 * Armenian and fullwidth Latin. Each row maps the uppercase letters first, first + step, ...
 * up to last onto themselves plus delta; the inverse gives the uppercase of a lowercase. */
typedef struct uni_case_range {
    uint16_t first, last;
    int16_t delta;
    uint8_t step;
} uni_case_range;

static const uni_case_range uni_case_table[] = {
    {0x41, 0x5a, 32, 1},     {0xc0, 0xd6, 32, 1},   {0xd8, 0xde, 32, 1},    {0x100, 0x12e, 1, 2},
    {0x132, 0x136, 1, 2},    {0x139, 0x147, 1, 2},  {0x14a, 0x176, 1, 2},   {0x178, 0x178, -121, 1},
    {0x179, 0x17d, 1, 2},    {0x386, 0x386, 38, 1}, {0x388, 0x38a, 37, 1},  {0x38c, 0x38c, 64, 1},
    {0x38e, 0x38f, 63, 1},   {0x391, 0x3a1, 32, 1}, {0x3a3, 0x3ab, 32, 1},  {0x400, 0x40f, 80, 1},
    {0x410, 0x42f, 32, 1},   {0x460, 0x480, 1, 2},  {0x48a, 0x4be, 1, 2},   {0x4c1, 0x4cd, 1, 2},
    {0x4d0, 0x52e, 1, 2},    {0x531, 0x556, 48, 1}, {0x1e00, 0x1e94, 1, 2}, {0x1ea0, 0x1efe, 1, 2},
    {0xff21, 0xff3a, 32, 1}, {0x370, 0x372, 1, 2},  {0x376, 0x376, 1, 1},   {0x3d8, 0x3ee, 1, 2},
    {0x3f7, 0x3f7, 1, 1},    {0x3fa, 0x3fa, 1, 1},  {0x4c0, 0x4c0, 15, 1},
};

static uint32_t uni_lower(uint32_t cp)
{
    for (size_t i = 0; i < sizeof(uni_case_table) / sizeof(uni_case_table[0]); i++) {
        const uni_case_range *r = &uni_case_table[i];
        if (cp >= r->first && cp <= r->last && (cp - r->first) % r->step == 0) {
            return (uint32_t)((int32_t)cp + r->delta);
        }
    }
    return cp;
}

static uint32_t uni_upper(uint32_t cp)
{
    switch (cp) {
    case 0xb5: return 0x39c;  /* micro sign */
    case 0x131: return 'I';   /* dotless i */
    case 0x17f: return 'S';   /* long s */
    case 0x3c2: return 0x3a3; /* final sigma */
    }
    for (size_t i = 0; i < sizeof(uni_case_table) / sizeof(uni_case_table[0]); i++) {
        const uni_case_range *r = &uni_case_table[i];
        uint32_t lo = (uint32_t)(r->first + r->delta), hi = (uint32_t)(r->last + r->delta);
        if (cp >= lo && cp <= hi && (cp - lo) % r->step == 0) {
            return (uint32_t)((int32_t)cp - r->delta);
        }
    }
    return cp;
}

static bool uni_is_upper(uint32_t cp)
{
    return cp == 0x130 || uni_lower(cp) != cp;
}

static bool uni_is_lower(uint32_t cp)
{
    return cp == 0xdf || uni_upper(cp) != cp;
}

/* Append cp in the requested case; sharp s has no one-letter uppercase (SS, or Ss in titles). */
static void uni_add_cased(py_strbuf *b, uint32_t cp, bool upper, bool title)
{
    char buf[4];
    if (upper && cp == 0xdf) {
        py_strbuf_add(b, title ? "Ss" : "SS", 2);
        return;
    }
    if (!upper && cp == 0x130) { /* capital I with dot: i + combining dot above */
        py_strbuf_add(b, "i\xcc\x87", 3);
        return;
    }
    cp = upper ? uni_upper(cp) : uni_lower(cp);
    py_strbuf_add(b, buf, utf8_encode(cp, buf));
}

static bool uni_case_ignorable(uint32_t cp)
{
    return cp == '.' || cp == '\'' || cp == ':' || cp == '^' || cp == '`' || cp == 0xad ||
           cp == 0x2019 || (cp >= 0x300 && cp <= 0x36f);
}

/* Whether a cased letter is found scanning from byte offset i (backwards when back),
 * skipping case-ignorable characters: the context rule for a final capital sigma. */
static bool uni_cased_near(const char *s, size_t n, size_t i, bool back)
{
    while (back ? i > 0 : i < n) {
        size_t at = i;
        if (back) {
            do {
                at--;
            } while (at > 0 && is_cont(s[at]));
            i = at;
        }
        size_t j = at;
        uint32_t cp = utf8_decode(s, &j);
        if (!back) {
            i = j;
        }
        if (!uni_case_ignorable(cp)) {
            return uni_is_upper(cp) || uni_is_lower(cp);
        }
    }
    return false;
}

/* The case methods on a str with non-ASCII characters, one code point at a time. */
static py_val case_unicode(py_ctx *ctx, py_val self, int mode)
{
    size_t n;
    const char *s = py_str_get(ctx, self, &n);
    py_strbuf b;
    py_strbuf_init(ctx, &b, n + 8);
    bool word_start = true;
    for (size_t i = 0; i < n;) {
        s = py_str_get(ctx, self, &n);
        bool first = i == 0;
        size_t at = i;
        uint32_t cp = utf8_decode(s, &i);
        bool up = uni_is_upper(cp), low = uni_is_lower(cp);
        if (mode == 5) { /* casefold: lower, plus the folds that differ from it */
            if (cp == 0xdf || cp == 0x1e9e) {
                py_strbuf_add(&b, "ss", 2);
            } else {
                uni_add_cased(&b, cp == 0x3c2 ? 0x3c3 : cp == 0xb5 ? 0x3bc : cp, false, false);
            }
            continue;
        }
        bool to_upper =
            mode == 1 || (mode == 2 && low) || (mode == 3 && first) || (mode == 4 && word_start);
        if (mode == 4) {
            word_start = !(up || low);
        }
        if (!to_upper && cp == 0x3a3 && uni_cased_near(s, n, at, true) &&
            !uni_cased_near(s, n, i, false)) {
            py_strbuf_add(&b, "\xcf\x82", 2); /* final sigma */
            continue;
        }
        uni_add_cased(&b, cp, to_upper, to_upper && mode >= 3);
    }
    return py_strbuf_finish(&b, &py_type_str);
}

static py_val case_impl(py_ctx *ctx, const py_val *args, int mode)
{
    SELF_STR();
    if (base_of(args[0]) == &py_type_str && !str_is_ascii(ctx, args[0], s, slen)) {
        return case_unicode(ctx, args[0], mode);
    }
    py_str_obj *r = py_str_alloc(ctx, result_type(args[0]), slen);
    s = py_str_get(ctx, args[0], &slen);
    bool word_start = true;
    for (size_t i = 0; i < slen; i++) {
        char c = s[i];
        bool lower = c >= 'a' && c <= 'z', upper = c >= 'A' && c <= 'Z';
        switch (mode) {
        case 0:
        case 5: c = upper ? (char)(c + 32) : c; break;
        case 1: c = lower ? (char)(c - 32) : c; break;
        case 2: c = lower ? (char)(c - 32) : upper ? (char)(c + 32) : c; break;
        case 3: /* capitalize */
            c = i == 0 ? (lower ? (char)(c - 32) : c) : (upper ? (char)(c + 32) : c);
            break;
        case 4: /* title */
            if (word_start) {
                c = lower ? (char)(c - 32) : c;
            } else {
                c = upper ? (char)(c + 32) : c;
            }
            word_start = !(lower || upper);
            break;
        }
        r->data[i] = c;
    }
    return py_str_finish(ctx, r);
}

static py_val str_lower(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return case_impl(ctx, args, 0);
}
static py_val str_upper(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return case_impl(ctx, args, 1);
}
static py_val str_swapcase(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return case_impl(ctx, args, 2);
}
static py_val str_capitalize(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return case_impl(ctx, args, 3);
}
static py_val str_title(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return case_impl(ctx, args, 4);
}
static py_val str_casefold(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return case_impl(ctx, args, 5);
}

/* isupper (cls 4) / islower (5) of a non-ASCII str: some cased letter, none of the other case. */
static py_val class_unicode_case(const char *s, size_t n, int cls)
{
    bool any_cased = false;
    for (size_t i = 0; i < n;) {
        uint32_t cp = utf8_decode(s, &i);
        bool up = uni_is_upper(cp), low = uni_is_lower(cp);
        if (cls == 4 ? low : up) {
            return PY_FALSE;
        }
        any_cased |= up || low;
    }
    return PY_BOOL(any_cased);
}

static py_val class_impl(py_ctx *ctx, const py_val *args, int cls)
{
    SELF_STR();
    if (slen == 0) {
        return PY_FALSE;
    }
    if (cls >= 4 && base_of(args[0]) == &py_type_str && !str_is_ascii(ctx, args[0], s, slen)) {
        return class_unicode_case(s, slen, cls);
    }
    if (cls == 2 && base_of(args[0]) == &py_type_str) {
        for (size_t i = 0, w; i < slen; i += w) {
            if ((w = ws_at(s, slen, i, true)) == 0) {
                return PY_FALSE;
            }
        }
        return PY_TRUE;
    }
    bool any_cased = false;
    for (size_t i = 0; i < slen; i++) {
        char c = s[i];
        bool lower = c >= 'a' && c <= 'z', upper = c >= 'A' && c <= 'Z',
             digit = c >= '0' && c <= '9';
        bool ok;
        switch (cls) {
        case 0: ok = digit; break;
        case 1: ok = lower || upper; break;
        case 2: ok = is_space(c); break;
        case 3: ok = lower || upper || digit; break;
        case 4: /* isupper */
            ok = !lower;
            any_cased |= upper;
            break;
        default: /* islower */
            ok = !upper;
            any_cased |= lower;
            break;
        }
        if ((uint8_t)c >= 0x80 && cls != 2) {
            ok = cls == 1 || cls == 3;
        }
        if (!ok) {
            return PY_FALSE;
        }
    }
    return PY_BOOL(cls < 4 || any_cased);
}

static py_val str_isdigit(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return class_impl(ctx, args, 0);
}
static py_val str_isalpha(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return class_impl(ctx, args, 1);
}
static py_val str_isspace(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return class_impl(ctx, args, 2);
}
static py_val str_isalnum(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return class_impl(ctx, args, 3);
}
static py_val str_isupper(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return class_impl(ctx, args, 4);
}
static py_val str_islower(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return class_impl(ctx, args, 5);
}

static py_val str_istitle(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    SELF_STR();
    bool cased = false, prev_cased = false;
    bool uni = base_of(args[0]) == &py_type_str;
    for (size_t i = 0; i < slen;) {
        uint32_t c = uni ? utf8_decode(s, &i) : (uint8_t)s[i++];
        bool up = uni ? uni_is_upper(c) : c >= 'A' && c <= 'Z';
        bool low = uni ? uni_is_lower(c) : c >= 'a' && c <= 'z';
        if (up) {
            if (prev_cased) {
                return PY_FALSE;
            }
            prev_cased = cased = true;
        } else if (low) {
            if (!prev_cased) {
                return PY_FALSE;
            }
            prev_cased = cased = true;
        } else {
            prev_cased = false;
        }
    }
    return PY_BOOL(cased);
}

static py_val str_isprintable(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    SELF_STR();
    for (size_t i = 0; i < slen; i++) {
        uint8_t c = (uint8_t)s[i];
        if (c >= 0xc0) {
            size_t j = i;
            if (uni_nonprintable(utf8_decode(s, &j))) {
                return PY_FALSE;
            }
        }
        if (c < 0x20 || c == 0x7f) {
            return PY_FALSE;
        }
    }
    return PY_TRUE;
}

static py_val str_isascii(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    SELF_STR();
    for (size_t i = 0; i < slen; i++) {
        if ((uint8_t)s[i] >= 0x80) {
            return PY_FALSE;
        }
    }
    return PY_TRUE;
}

static py_val str_isidentifier(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    SELF_STR();
    if (slen == 0 || (s[0] >= '0' && s[0] <= '9')) {
        return PY_FALSE;
    }
    for (size_t i = 0; i < slen; i++) {
        char c = s[i];
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
              c == '_' || (uint8_t)c >= 0x80)) {
            return PY_FALSE;
        }
    }
    return PY_TRUE;
}

static py_val pad_impl(py_ctx *ctx, size_t n_args, const py_val *args, int align)
{
    SELF_STR();
    intmax_t width = py_int_get(ctx, args[1]);
    const char *fill = " ";
    size_t fn = 1;
    if (n_args > 2) {
        fill = py_str_get(ctx, args[2], &fn);
        if (py_type_of(args[0]) == &py_type_str ? utf8_len(fill, fn) != 1 : fn != 1) {
            py_raise(ctx, &py_type_TypeError,
                     "The fill character must be exactly one character long");
        }
    }
    size_t clen = py_type_of(args[0]) == &py_type_str ? utf8_len(s, slen) : slen;
    if (width <= (intmax_t)clen) {
        return args[0];
    }
    size_t padn = (size_t)width - clen;
    size_t left = align == 0 ? 0 : align == 2 ? padn : padn / 2 + (padn & (size_t)(width & 1) & 1);
    if (align == 1) {
        left = padn / 2 + ((padn & 1) && (width & 1));
    }
    py_strbuf b;
    py_strbuf_init(ctx, &b, (size_t)width * fn);
    for (size_t i = 0; i < left; i++) {
        py_strbuf_add(&b, fill, fn);
    }
    s = py_str_get(ctx, args[0], &slen);
    py_strbuf_add(&b, s, slen);
    for (size_t i = left; i < padn; i++) {
        py_strbuf_add(&b, fill, fn);
    }
    return py_strbuf_finish(&b, result_type(args[0]));
}

static py_val str_ljust(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return pad_impl(ctx, n, args, 0);
}
static py_val str_center(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return pad_impl(ctx, n, args, 1);
}
static py_val str_rjust(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return pad_impl(ctx, n, args, 2);
}

static py_val str_zfill(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    SELF_STR();
    intmax_t width = py_int_get(ctx, args[1]);
    if (width <= (intmax_t)slen) {
        return args[0];
    }
    py_str_obj *r = py_str_alloc(ctx, result_type(args[0]), (size_t)width);
    s = py_str_get(ctx, args[0], &slen);
    size_t padn = (size_t)width - slen, k = 0;
    if (slen > 0 && (s[0] == '+' || s[0] == '-')) {
        r->data[k++] = s[0];
        s++;
        slen--;
    }
    memset(r->data + k, '0', padn);
    memcpy(r->data + k + padn, s, slen);
    return py_str_finish(ctx, r);
}

static py_val partition_impl(py_ctx *ctx, const py_val *args, bool rev)
{
    SELF_STR();
    check_same(ctx, args[0], args[1]);
    size_t sn;
    const char *sep = py_str_get(ctx, args[1], &sn);
    if (sn == 0) {
        py_raise(ctx, &py_type_ValueError, "empty separator");
    }
    py_val f = find_sub(ctx, s, slen, sep, sn, 0, slen, rev);
    py_val empty = mk(ctx, args[0], "", 0);
    py_val t[3];
    if (PY_SMALL(f) < 0) {
        t[0] = rev ? empty : args[0];
        t[1] = empty;
        t[2] = rev ? args[0] : empty;
    } else {
        size_t i = (size_t)PY_SMALL(f);
        t[0] = mk(ctx, args[0], s, i);
        t[1] = args[1];
        s = py_str_get(ctx, args[0], &slen);
        t[2] = mk(ctx, args[0], s + i + sn, slen - i - sn);
    }
    return py_tuple_new(ctx, 3, t);
}

static py_val str_partition(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return partition_impl(ctx, args, false);
}
static py_val str_rpartition(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return partition_impl(ctx, args, true);
}

static py_val str_splitlines(py_ctx *ctx, size_t n_args, size_t n_kw, const py_val *args)
{
    static const py_arg_spec spec[] = {{0, PY_ARG_REQUIRED, PY_NULL}, {PY_Q_keepends, 0, PY_FALSE}};
    py_val a[2];
    py_parse_args(ctx, n_args, n_kw, args, spec, 2, a);
    bool keep = py_truthy(ctx, a[1]);
    size_t slen;
    const char *s = py_str_get(ctx, a[0], &slen);
    py_val list = py_list_new(ctx, 0, NULL);
    size_t st = 0;
    for (size_t i = 0; i < slen;) {
        if (s[i] == '\n' || s[i] == '\r') {
            size_t e = i + ((s[i] == '\r' && i + 1 < slen && s[i + 1] == '\n') ? 2 : 1);
            py_list_append(ctx, list, mk(ctx, a[0], s + st, (keep ? e : i) - st));
            s = py_str_get(ctx, a[0], &slen);
            st = i = e;
        } else {
            i++;
        }
    }
    if (st < slen) {
        py_list_append(ctx, list, mk(ctx, a[0], s + st, slen - st));
    }
    return list;
}

/* Text is UTF-8 throughout; the names of UTF-8 and of its ASCII subset are accepted
 * (case-insensitive, '-' or '_' or nothing between the parts), anything else is unknown. */
static bool codec_known(py_ctx *ctx, py_val name)
{
    static const char *const known[] = {"utf8", "u8", "utf", "cp65001", "ascii", "usascii"};
    size_t n;
    const char *s = py_str_get(ctx, name, &n);
    char norm[16];
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        char c = (char)(s[i] >= 'A' && s[i] <= 'Z' ? s[i] + 32 : s[i]);
        if (c == '-' || c == '_' || c == ' ') {
            continue;
        }
        if (k + 1 >= sizeof(norm)) {
            return false;
        }
        norm[k++] = c;
    }
    norm[k] = 0;
    for (size_t i = 0; i < sizeof(known) / sizeof(known[0]); i++) {
        if (strcmp(norm, known[i]) == 0) {
            return true;
        }
    }
    return false;
}

static void check_codec(py_ctx *ctx, size_t n, size_t nkw, const py_val *args, const char *fn)
{
    static const py_arg_spec spec[] = {
        {0, PY_ARG_REQUIRED, PY_NULL}, {PY_Q_encoding, 0, PY_NULL}, {PY_Q_errors, 0, PY_NULL}};
    py_val a[3];
    py_parse_args(ctx, n, nkw, args, spec, 3, a);
    for (int i = 1; i < 3; i++) {
        if (a[i] != PY_NULL && py_type_of(a[i]) != &py_type_str) {
            py_raise(ctx, &py_type_TypeError, "%s() argument '%s' must be str, not %s", fn,
                     i == 1 ? "encoding" : "errors", py_type_name(a[i]));
        }
    }
    if (a[1] != PY_NULL && !codec_known(ctx, a[1])) {
        py_raise(ctx, &py_type_LookupError, "unknown encoding: %S", a[1]);
    }
}

static py_val str_encode(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    check_codec(ctx, n, nkw, args, "encode");
    SELF_STR();
    return py_bytes_new(ctx, s, slen);
}

static py_val bytes_decode(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    check_codec(ctx, n, nkw, args, "decode");
    SELF_STR();
    return decode_bytes(ctx, s, slen);
}

/* bytes.hex([sep[, bytes_per_sep]]): sep goes between groups of bytes_per_sep bytes, counted
 * from the right when positive, from the left when negative. */
static py_val bytes_hex(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    SELF_STR();
    static const char hx[] = "0123456789abcdef";
    char sep = 0;
    intmax_t per = 1;
    if (n > 1) {
        size_t sn;
        const char *ss = py_str_get(ctx, args[1], &sn);
        if (sn != 1) {
            py_raise(ctx, &py_type_ValueError, "sep must be length 1.");
        }
        if ((uint8_t)ss[0] >= 0x80) {
            py_raise(ctx, &py_type_ValueError, "sep must be ASCII.");
        }
        sep = ss[0];
        per = n > 2 ? py_int_get(ctx, args[2]) : 1;
    }
    size_t group = (size_t)(per < 0 ? -per : per);
    py_strbuf b;
    py_strbuf_init(ctx, &b, slen * 3 + 1);
    for (size_t i = 0; i < slen; i++) {
        s = py_str_get(ctx, args[0], &slen);
        size_t pos = per < 0 ? i : slen - i; /* bytes before (left) or from here on (right) */
        if (sep && group > 0 && i > 0 && pos % group == 0) {
            py_strbuf_addc(&b, sep);
        }
        py_strbuf_addc(&b, hx[(uint8_t)s[i] >> 4]);
        py_strbuf_addc(&b, hx[(uint8_t)s[i] & 15]);
    }
    return py_strbuf_finish(&b, &py_type_str);
}

static int hexval(char c)
{
    return c >= '0' && c <= '9'                     ? c - '0'
           : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10
                                                    : -1;
}

static py_val bytes_fromhex(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    size_t slen;
    const char *s = py_str_get(ctx, args[1], &slen);
    py_strbuf b;
    py_strbuf_init(ctx, &b, slen / 2);
    for (size_t i = 0; i < slen;) {
        if (s[i] == ' ') {
            i++;
            continue;
        }
        int h = hexval(s[i]), l = i + 1 < slen ? hexval(s[i + 1]) : -1;
        if (h < 0 || l < 0) {
            py_raise(ctx, &py_type_ValueError,
                     "non-hexadecimal number found in fromhex() arg at position %d",
                     (int)(h < 0 ? i : i + 1));
        }
        py_strbuf_addc(&b, (char)(h * 16 + l));
        i += 2;
    }
    return py_strbuf_finish(&b, &py_type_bytes);
}

static py_val str_format_method(py_ctx *ctx, size_t n_args, size_t n_kw, const py_val *args);

static py_val str_removeprefix(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    SELF_STR();
    size_t pn;
    const char *p = py_str_get(ctx, args[1], &pn);
    if (pn <= slen && memcmp(s, p, pn) == 0) {
        return mk(ctx, args[0], s + pn, slen - pn);
    }
    return args[0];
}

static py_val str_removesuffix(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    SELF_STR();
    size_t pn;
    const char *p = py_str_get(ctx, args[1], &pn);
    if (pn > 0 && pn <= slen && memcmp(s + slen - pn, p, pn) == 0) {
        return mk(ctx, args[0], s, slen - pn);
    }
    return args[0];
}

static py_val str_expandtabs(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    SELF_STR();
    intmax_t ts = n > 1 ? py_int_get(ctx, args[1]) : 8;
    py_strbuf b;
    py_strbuf_init(ctx, &b, slen);
    size_t col = 0;
    for (size_t i = 0; i < slen; i++) {
        s = py_str_get(ctx, args[0], &slen);
        if (s[i] == '\t') {
            size_t sp = ts > 0 ? (size_t)ts - col % (size_t)ts : 0;
            for (size_t k = 0; k < sp; k++) {
                py_strbuf_addc(&b, ' ');
            }
            col += sp;
        } else {
            py_strbuf_addc(&b, s[i]);
            col = s[i] == '\n' || s[i] == '\r' ? 0 : col + !is_cont(s[i]);
        }
    }
    return py_strbuf_finish(&b, result_type(args[0]));
}

static PY_FUN(str_join_obj, "join", 2, 2, str_join);
static PY_FUN_KWARGS(str_split_obj, "split", 1, str_split);
static PY_FUN_KWARGS(str_rsplit_obj, "rsplit", 1, str_rsplit);
static PY_FUN(str_strip_obj, "strip", 1, 2, str_strip);
static PY_FUN(str_lstrip_obj, "lstrip", 1, 2, str_lstrip);
static PY_FUN(str_rstrip_obj, "rstrip", 1, 2, str_rstrip);
static PY_FUN(str_find_obj, "find", 2, 4, str_find);
static PY_FUN(str_rfind_obj, "rfind", 2, 4, str_rfind);
static PY_FUN(str_index_obj, "index", 2, 4, str_index);
static PY_FUN(str_rindex_obj, "rindex", 2, 4, str_rindex);
static PY_FUN(str_count_obj, "count", 2, 4, str_count);
static PY_FUN(str_startswith_obj, "startswith", 2, 4, str_startswith);
static PY_FUN(str_endswith_obj, "endswith", 2, 4, str_endswith);
static PY_FUN(str_replace_obj, "replace", 3, 4, str_replace);
static PY_FUN(str_lower_obj, "lower", 1, 1, str_lower);
static PY_FUN(str_upper_obj, "upper", 1, 1, str_upper);
static PY_FUN(str_swapcase_obj, "swapcase", 1, 1, str_swapcase);
static PY_FUN(str_capitalize_obj, "capitalize", 1, 1, str_capitalize);
static PY_FUN(str_title_obj, "title", 1, 1, str_title);
static PY_FUN(str_isdigit_obj, "isdigit", 1, 1, str_isdigit);
static PY_FUN(str_isalpha_obj, "isalpha", 1, 1, str_isalpha);
static PY_FUN(str_isspace_obj, "isspace", 1, 1, str_isspace);
static PY_FUN(str_isalnum_obj, "isalnum", 1, 1, str_isalnum);
static PY_FUN(str_isupper_obj, "isupper", 1, 1, str_isupper);
static PY_FUN(str_islower_obj, "islower", 1, 1, str_islower);
static PY_FUN(str_isidentifier_obj, "isidentifier", 1, 1, str_isidentifier);
static PY_FUN(str_istitle_obj, "istitle", 1, 1, str_istitle);
static PY_FUN(str_isprintable_obj, "isprintable", 1, 1, str_isprintable);
static PY_FUN(str_isascii_obj, "isascii", 1, 1, str_isascii);
static PY_FUN(str_casefold_obj, "casefold", 1, 1, str_casefold);

/* table[cp] for str.translate, or PY_NULL when the table raises LookupError (keep the char). */
static py_val translate_lookup(py_ctx *ctx, py_val table, uint32_t cp)
{
    py_val key = PY_MK_SMALL(cp);
    if (py_type_of(table) == &py_type_dict) {
        py_dict_entry *e = py_dict_lookup(ctx, PY_PTR(table), key, py_key_hash(ctx, key));
        return e != NULL ? e->value : PY_NULL;
    }
    py_jmp j;
    if (py_try(ctx, &j) == 0) {
        py_val r = py_subscr(ctx, table, key, PY_NULL);
        py_try_end(ctx, &j);
        return r;
    }
    if (!py_isinstance(ctx, j.exc, &py_type_LookupError)) {
        py_raise_obj(ctx, j.exc);
    }
    return PY_NULL;
}

static py_val str_translate(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    SELF_STR();
    py_strbuf b;
    py_strbuf_init(ctx, &b, slen + 8);
    for (size_t i = 0; i < slen;) {
        s = py_str_get(ctx, args[0], &slen);
        size_t st = i;
        uint32_t cp = utf8_decode(s, &i);
        py_val r = translate_lookup(ctx, args[1], cp);
        if (r == PY_NULL) {
            s = py_str_get(ctx, args[0], &slen);
            py_strbuf_add(&b, s + st, i - st);
            continue;
        }
        if (r == PY_NONE) {
            continue;
        }
        if (py_is_int(r)) {
            r = py_chr(ctx, py_int_get(ctx, r));
        } else if (base_of(r) != &py_type_str) {
            py_raise(ctx, &py_type_TypeError, "character mapping must return integer, None or str");
        }
        size_t rn;
        const char *rs = py_str_get(ctx, r, &rn);
        py_strbuf_add(&b, rs, rn);
    }
    return py_strbuf_finish(&b, &py_type_str);
}
static PY_FUN(str_translate_obj, "translate", 2, 2, str_translate);

/* str.maketrans(dict) or (from, to[, delete]): the table str.translate takes. */
static py_val str_maketrans(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    py_val d = py_dict_new(ctx);
    if (n == 1) {
        if (py_type_of(args[0]) != &py_type_dict) {
            py_raise(ctx, &py_type_TypeError,
                     "if you give only one argument to maketrans it must be a dict");
        }
        py_dict *src = PY_PTR(args[0]);
        for (uint32_t k = 0; k < src->fill; k++) {
            py_val key = src->entries[k].key;
            if (key == PY_NULL) {
                continue;
            }
            if (py_is_str(key) && base_of(key) == &py_type_str) {
                size_t kn;
                const char *ks = py_str_get(ctx, key, &kn);
                if (kn == 0 || utf8_len(ks, kn) != 1) {
                    py_raise(ctx, &py_type_ValueError,
                             "string keys in translate table must be of length 1");
                }
                key = py_ord(ctx, key);
            } else if (!py_is_int(key)) {
                py_raise(ctx, &py_type_TypeError,
                         "keys in translate table must be strings or integers");
            }
            py_dict_store(ctx, PY_PTR(d), key, src->entries[k].value);
        }
        return d;
    }
    for (size_t a = 0; a < n; a++) {
        if (base_of(args[a]) != &py_type_str) {
            py_raise(ctx, &py_type_TypeError, "maketrans() argument %d must be str, not %s",
                     (int)a + 1, py_type_name(args[a]));
        }
    }
    size_t xn, yn;
    const char *xs = py_str_get(ctx, args[0], &xn);
    const char *ys = py_str_get(ctx, args[1], &yn);
    if (utf8_len(xs, xn) != utf8_len(ys, yn)) {
        py_raise(ctx, &py_type_ValueError,
                 "the first two maketrans arguments must have equal length");
    }
    for (size_t i = 0, j = 0; i < xn;) {
        uint32_t from = utf8_decode(xs, &i), to = utf8_decode(ys, &j);
        py_dict_store(ctx, PY_PTR(d), PY_MK_SMALL(from), PY_MK_SMALL(to));
        xs = py_str_get(ctx, args[0], &xn);
        ys = py_str_get(ctx, args[1], &yn);
    }
    if (n > 2) {
        size_t zn;
        const char *zs = py_str_get(ctx, args[2], &zn);
        for (size_t i = 0; i < zn;) {
            uint32_t cp = utf8_decode(zs, &i);
            py_dict_store(ctx, PY_PTR(d), PY_MK_SMALL(cp), PY_NONE);
            zs = py_str_get(ctx, args[2], &zn);
        }
    }
    return d;
}
static PY_FUN(str_maketrans_fun, "maketrans", 1, 3, str_maketrans);
static PY_STATICMETHOD(str_maketrans_obj, str_maketrans_fun);
static PY_FUN(str_ljust_obj, "ljust", 2, 3, str_ljust);
static PY_FUN(str_rjust_obj, "rjust", 2, 3, str_rjust);
static PY_FUN(str_center_obj, "center", 2, 3, str_center);
static PY_FUN(str_zfill_obj, "zfill", 2, 2, str_zfill);
static PY_FUN(str_partition_obj, "partition", 2, 2, str_partition);
static PY_FUN(str_rpartition_obj, "rpartition", 2, 2, str_rpartition);
static PY_FUN_KWARGS(str_splitlines_obj, "splitlines", 1, str_splitlines);
static PY_FUN_KWARGS(str_encode_obj, "encode", 1, str_encode);
static PY_FUN_KWARGS(bytes_decode_obj, "decode", 1, bytes_decode);
static PY_FUN(bytes_hex_obj, "hex", 1, 3, bytes_hex);
static PY_FUN(bytes_fromhex_fun, "fromhex", 2, 2, bytes_fromhex);
static PY_CLASSMETHOD(bytes_fromhex_obj, bytes_fromhex_fun);
static PY_FUN_KWARGS(str_format_obj, "format", 1, str_format_method);
static PY_FUN(str_removeprefix_obj, "removeprefix", 2, 2, str_removeprefix);
static PY_FUN(str_removesuffix_obj, "removesuffix", 2, 2, str_removesuffix);
static PY_FUN(str_expandtabs_obj, "expandtabs", 1, 2, str_expandtabs);

#define COMMON_METHODS                                                                            \
    {"join", PY_OBJV(&str_join_obj)}, {"split", PY_OBJV(&str_split_obj)},                         \
        {"rsplit", PY_OBJV(&str_rsplit_obj)}, {"strip", PY_OBJV(&str_strip_obj)},                 \
        {"lstrip", PY_OBJV(&str_lstrip_obj)}, {"rstrip", PY_OBJV(&str_rstrip_obj)},               \
        {"find", PY_OBJV(&str_find_obj)}, {"rfind", PY_OBJV(&str_rfind_obj)},                     \
        {"index", PY_OBJV(&str_index_obj)}, {"rindex", PY_OBJV(&str_rindex_obj)},                 \
        {"count", PY_OBJV(&str_count_obj)}, {"startswith", PY_OBJV(&str_startswith_obj)},         \
        {"endswith", PY_OBJV(&str_endswith_obj)}, {"replace", PY_OBJV(&str_replace_obj)},         \
        {"lower", PY_OBJV(&str_lower_obj)}, {"upper", PY_OBJV(&str_upper_obj)},                   \
        {"isdigit", PY_OBJV(&str_isdigit_obj)}, {"isalpha", PY_OBJV(&str_isalpha_obj)},           \
        {"isspace", PY_OBJV(&str_isspace_obj)}, {"isalnum", PY_OBJV(&str_isalnum_obj)},           \
        {"isupper", PY_OBJV(&str_isupper_obj)}, {"islower", PY_OBJV(&str_islower_obj)},           \
        {"ljust", PY_OBJV(&str_ljust_obj)}, {"rjust", PY_OBJV(&str_rjust_obj)},                   \
        {"center", PY_OBJV(&str_center_obj)}, {"zfill", PY_OBJV(&str_zfill_obj)},                 \
        {"partition", PY_OBJV(&str_partition_obj)}, {"rpartition", PY_OBJV(&str_rpartition_obj)}, \
        {"splitlines", PY_OBJV(&str_splitlines_obj)}, {"swapcase", PY_OBJV(&str_swapcase_obj)},   \
        {"capitalize", PY_OBJV(&str_capitalize_obj)}, {"title", PY_OBJV(&str_title_obj)},         \
        {"removeprefix", PY_OBJV(&str_removeprefix_obj)},                                         \
        {"removesuffix", PY_OBJV(&str_removesuffix_obj)},                                         \
    {                                                                                             \
        "expandtabs", PY_OBJV(&str_expandtabs_obj)                                                \
    }

static const py_attr_def str_locals[] = {
    COMMON_METHODS,
    {"encode", PY_OBJV(&str_encode_obj)},
    {"format", PY_OBJV(&str_format_obj)},
    {"isidentifier", PY_OBJV(&str_isidentifier_obj)},
    {"istitle", PY_OBJV(&str_istitle_obj)},
    {"isprintable", PY_OBJV(&str_isprintable_obj)},
    {"isascii", PY_OBJV(&str_isascii_obj)},
    {"casefold", PY_OBJV(&str_casefold_obj)},
    {"translate", PY_OBJV(&str_translate_obj)},
    {"maketrans", PY_OBJV(&str_maketrans_obj)},
    {"isdecimal", PY_OBJV(&str_isdigit_obj)},
    {"isnumeric", PY_OBJV(&str_isdigit_obj)},
    {NULL, 0},
};

static const py_attr_def bytes_locals[] = {
    COMMON_METHODS,
    {"decode", PY_OBJV(&bytes_decode_obj)},
    {"hex", PY_OBJV(&bytes_hex_obj)},
    {"fromhex", PY_OBJV(&bytes_fromhex_obj)},
    {"istitle", PY_OBJV(&str_istitle_obj)},
    {"isascii", PY_OBJV(&str_isascii_obj)},
    {NULL, 0},
};

const py_type py_type_str = {
    {&py_type_type}, "str", PY_TF_BASETYPE, str_make_new, str_print, NULL,       str_unary_op,
    str_binary_op,   NULL,  str_subscr,     str_getiter,  NULL,      str_locals,
};

const py_type py_type_bytes = {
    {&py_type_type}, "bytes", PY_TF_BASETYPE, bytes_make_new, str_print, NULL,         str_unary_op,
    str_binary_op,   NULL,    str_subscr,     str_getiter,    NULL,      bytes_locals,
};

/* --- formatting ------------------------------------------------------------------ */

#include "fpfmt/fpfmt.h"

static void pad_out(py_strbuf *b, const char *body, size_t n, size_t clen, const fp_spec *sp,
                    char def_align)
{
    char align = sp->align ? sp->align : def_align;
    size_t width = sp->width > 0 ? (size_t)sp->width : 0;
    size_t padn = width > clen ? width - clen : 0;
    size_t left = align == '>' ? padn : align == '^' ? padn / 2 : 0;
    size_t fl = strlen(sp->fill);
    if (align == '=' && n > 0 && (body[0] == '-' || body[0] == '+' || body[0] == ' ')) {
        py_strbuf_addc(b, body[0]);
        body++;
        n--;
        left = padn;
    } else if (align == '=') {
        left = padn;
    }
    for (size_t i = 0; i < left; i++) {
        py_strbuf_add(b, sp->fill, fl);
    }
    py_strbuf_add(b, body, n);
    for (size_t i = left; i < padn; i++) {
        py_strbuf_add(b, sp->fill, fl);
    }
}

static _Noreturn void spec_error(py_ctx *ctx, int err, const fp_spec *sp, const char *tname)
{
    switch (err) {
    case FP_ETYPE:
        py_raise(ctx, &py_type_ValueError, "Unknown format code '%c' for object of type '%s'",
                 sp->type, tname);
    case FP_ENOPREC: py_raise(ctx, &py_type_ValueError, "Format specifier missing precision");
    case FP_EGROUPN: py_raise(ctx, &py_type_ValueError, "Cannot specify ',' with 'n'.");
    case FP_EGROUPTYPE:
        py_raise(ctx, &py_type_ValueError, "Cannot specify '%c' with '%c'.", sp->grouping,
                 sp->type);
    case FP_EINTPREC:
        py_raise(ctx, &py_type_ValueError, "Precision not allowed in integer format specifier");
    case FP_EINTZ:
        py_raise(ctx, &py_type_ValueError,
                 "Negative zero coercion (z) not allowed in integer format specifier");
    default: py_raise(ctx, &py_type_ValueError, "Invalid format specifier");
    }
}

static py_val format_float(py_ctx *ctx, py_float_t f, fp_spec *sp);

static py_val format_int(py_ctx *ctx, py_val v, fp_spec *sp)
{
    char type = sp->type;
    if (type == 'c') {
        if (sp->sign || sp->alt) {
            py_raise(ctx, &py_type_ValueError,
                     "Sign not allowed with integer format specifier 'c'");
        }
        py_val ch = py_chr(ctx, py_int_get(ctx, v));
        size_t n;
        const char *s = py_str_get(ctx, ch, &n);
        py_strbuf b;
        py_strbuf_init(ctx, &b, n);
        s = py_str_get(ctx, ch, &n);
        pad_out(&b, s, n, 1, sp, '<');
        return py_strbuf_finish(&b, &py_type_str);
    }
    if (type && strchr("eEfFgG%", type)) {
        return format_float(ctx, py_int_to_float(ctx, v), sp);
    }
    int base = type == 'x' || type == 'X' ? 16 : type == 'o' ? 8 : type == 'b' ? 2 : 10;
    bool neg = py_int_sign(v) < 0;
    py_val digits = py_int_to_str(ctx, neg ? py_unary_op(ctx, PY_OP_NEG, v) : v, base);
    size_t dn;
    const char *ds = py_str_get(ctx, digits, &dn);
    size_t need = fp_format_int_size(dn, sp);
    char small[96];
    char *buf = need <= sizeof(small) ? small : py_alloc_raw(ctx, need);
    ds = py_str_get(ctx, digits, &dn);
    int r = fp_format_int(ds, dn, neg, sp, buf, need);
    if (r < 0) {
        spec_error(ctx, r, sp, "int");
    }
    return py_str_new(ctx, buf, (size_t)r);
}

static py_val format_float(py_ctx *ctx, py_float_t f, fp_spec *sp)
{
    if (sp->zero && !sp->align) {
        sp->align = '=';
        strcpy(sp->fill, "0");
    }
    size_t need = fp_format_size(sp);
    char small[64];
    char *buf = need <= sizeof(small) ? small : py_alloc_raw(ctx, need);
    int n = fp_format((double)f, sp, buf, need);
    if (n < 0) {
        spec_error(ctx, n, sp, "float");
    }
    return py_str_new(ctx, buf, (size_t)n);
}

/* format(complex, spec): both parts with the float spec (the imaginary one always signed),
 * parenthesised like repr() when no type is given, then padded as a whole. */
static py_val format_complex(py_ctx *ctx, py_val v, fp_spec *sp)
{
    if (sp->zero) {
        py_raise(ctx, &py_type_ValueError,
                 "Zero padding is not allowed in complex format specifier");
    }
    if (sp->align == '=') {
        py_raise(ctx, &py_type_ValueError,
                 "'=' alignment flag is not allowed in complex format specifier");
    }
    if (sp->type && !strchr("eEfFgG", sp->type)) {
        py_raise(ctx, &py_type_ValueError, "Unknown format code '%c' for object of type 'complex'",
                 sp->type);
    }
    py_float_t re, im;
    py_complex_parts(v, &re, &im);
    py_strbuf b;
    py_strbuf_init(ctx, &b, 32);
    if (!sp->type && sp->precision < 0) {
        py_val r = py_repr(ctx, v);
        size_t rn;
        const char *rs = py_str_get(ctx, r, &rn);
        py_strbuf_add(&b, rs, rn);
    } else {
        fp_spec part = *sp;
        part.width = -1;
        part.align = 0;
        part.type = sp->type ? sp->type : 'g';
        bool bare = !sp->type && re == 0 && !signbit(re);
        py_val rs = bare ? PY_NULL : format_float(ctx, re, &part);
        part.sign = '+';
        py_val is = format_float(ctx, im, &part);
        size_t n;
        const char *p;
        if (!sp->type && !bare) {
            py_strbuf_addc(&b, '(');
        }
        if (!bare) {
            p = py_str_get(ctx, rs, &n);
            py_strbuf_add(&b, p, n);
        }
        p = py_str_get(ctx, is, &n);
        if (bare && p[0] == '+') {
            p++, n--;
        }
        py_strbuf_add(&b, p, n);
        py_strbuf_add(&b, !sp->type && !bare ? "j)" : "j", !sp->type && !bare ? 2 : 1);
    }
    py_val body = py_strbuf_finish(&b, &py_type_str);
    size_t bn;
    const char *bs = py_str_get(ctx, body, &bn);
    py_strbuf out;
    py_strbuf_init(ctx, &out, bn + 8);
    pad_out(&out, bs, bn, bn, sp, '>');
    return py_strbuf_finish(&out, &py_type_str);
}

py_val py_format_value(py_ctx *ctx, py_val v, py_val spec)
{
    size_t sn = 0;
    const char *ss = spec == PY_NULL ? "" : py_str_get(ctx, spec, &sn);
    const py_type *t = py_type_of(v);
    if (t->flags & PY_TF_CLASS) {
        py_val m = py_special(ctx, v, PY_Q___format__);
        if (m != PY_NULL) {
            py_val a = spec == PY_NULL ? PY_MK_QSTR(PY_Q_empty) : spec;
            return py_call(ctx, m, 1, &a);
        }
    }
    if (sn == 0) {
        return py_to_str(ctx, v);
    }
    fp_spec sp;
    int perr = fp_spec_parse(ss, sn, &sp);
    if (perr != FP_OK) {
        spec_error(ctx, perr, &sp, t->name);
    }
    if (py_is_int(v) && v != PY_TRUE && v != PY_FALSE) {
        if (sp.type && strchr("eEfFgG%", sp.type)) {
            return format_float(ctx, py_int_to_float(ctx, v), &sp);
        }
        return format_int(ctx, v, &sp);
    }
    if (v == PY_TRUE || v == PY_FALSE) {
        return format_int(ctx, PY_MK_SMALL(v == PY_TRUE), &sp);
    }
    if (t == &py_type_float) {
        return format_float(ctx, ((py_float_obj *)v)->v, &sp);
    }
    if (t == &py_type_complex) {
        return format_complex(ctx, v, &sp);
    }
    if (t != &py_type_str && !PY_IS_QSTR(v)) {
        py_raise(ctx, &py_type_TypeError, "unsupported format string passed to %s.__format__",
                 t->name);
    }
    py_val s = py_to_str(ctx, v);
    if (sp.type && sp.type != 's') {
        py_raise(ctx, &py_type_ValueError, "Unknown format code '%c' for object of type '%s'",
                 sp.type, t->name);
    }
    size_t n;
    const char *d = py_str_get(ctx, s, &n);
    size_t clen = utf8_len(d, n);
    if (sp.precision >= 0 && (size_t)sp.precision < clen) {
        n = utf8_offset(d, n, (size_t)sp.precision);
        clen = (size_t)sp.precision;
    }
    py_strbuf b;
    py_strbuf_init(ctx, &b, n + 8);
    d = py_str_get(ctx, s, &n);
    if (sp.precision >= 0 && (size_t)sp.precision < utf8_len(d, n)) {
        n = utf8_offset(d, n, (size_t)sp.precision);
    }
    pad_out(&b, d, n, clen, &sp, '<');
    return py_strbuf_finish(&b, &py_type_str);
}

/* str.format(): fields {name.attr[key]!conv:spec} */
static py_val format_field(py_ctx *ctx, const char *f, size_t fn, size_t n_args, size_t n_kw,
                           const py_val *args, size_t *auto_idx)
{
    size_t i = 0;
    while (i < fn && f[i] != '.' && f[i] != '[') {
        i++;
    }
    py_val v;
    if (i == 0) {
        if (*auto_idx == (size_t)-1) {
            py_raise(ctx, &py_type_ValueError,
                     "cannot switch from manual field specification to automatic field numbering");
        }
        size_t k = (*auto_idx)++;
        if (k + 1 >= n_args) {
            py_raise(ctx, &py_type_IndexError,
                     "Replacement index %d out of range for positional args tuple", (int)k);
        }
        v = args[k + 1];
    } else if (f[0] >= '0' && f[0] <= '9') {
        size_t k = 0;
        for (size_t j = 0; j < i; j++) {
            k = k * 10 + (size_t)(f[j] - '0');
        }
        if (*auto_idx > 0 && *auto_idx != (size_t)-1) {
            py_raise(ctx, &py_type_ValueError,
                     "cannot switch from automatic field numbering to manual field specification");
        }
        *auto_idx = (size_t)-1;
        if (k + 1 >= n_args) {
            py_raise(ctx, &py_type_IndexError,
                     "Replacement index %d out of range for positional args tuple", (int)k);
        }
        v = args[k + 1];
    } else {
        py_qstr name = py_qstr_from(ctx, f, i);
        v = PY_NULL;
        for (size_t k = 0; k < n_kw; k++) {
            if (PY_QSTR(args[n_args + 2 * k]) == name) {
                v = args[n_args + 2 * k + 1];
            }
        }
        if (v == PY_NULL) {
            py_val key = PY_MK_QSTR(name);
            py_raise_obj(ctx, py_exc_new(ctx, &py_type_KeyError, 1, &key));
        }
    }
    while (i < fn) {
        if (f[i] == '.') {
            size_t st = ++i;
            while (i < fn && f[i] != '.' && f[i] != '[') {
                i++;
            }
            v = py_getattr(ctx, v, py_qstr_from(ctx, f + st, i - st));
        } else {
            size_t st = ++i;
            while (i < fn && f[i] != ']') {
                i++;
            }
            py_val key;
            bool digits = i > st;
            for (size_t j = st; j < i; j++) {
                digits = digits && f[j] >= '0' && f[j] <= '9';
            }
            key = digits ? py_int_from_str(ctx, f + st, i - st, 10, true)
                         : py_str_new(ctx, f + st, i - st);
            v = py_subscr(ctx, v, key, PY_NULL);
            i++;
        }
    }
    return v;
}

static py_val vformat(py_ctx *ctx, py_val fmt, size_t n_args, size_t n_kw, const py_val *args,
                      size_t *auto_idx_p, int depth);

py_val py_str_vformat(py_ctx *ctx, size_t n_args, size_t n_kw, const py_val *args)
{
    size_t auto_idx = 0;
    return vformat(ctx, args[0], n_args, n_kw, args, &auto_idx, 0);
}

static py_val vformat(py_ctx *ctx, py_val fmt, size_t n_args, size_t n_kw, const py_val *args,
                      size_t *auto_idx_p, int depth)
{
    size_t n;
    const char *s = py_str_get(ctx, fmt, &n);
    py_strbuf b;
    py_strbuf_init(ctx, &b, n + 16);
    if (depth > 2) {
        py_raise(ctx, &py_type_ValueError, "Max string recursion exceeded");
    }
    for (size_t i = 0; i < n;) {
        s = py_str_get(ctx, fmt, &n);
        char c = s[i];
        if (c == '}') {
            if (i + 1 < n && s[i + 1] == '}') {
                py_strbuf_addc(&b, '}');
                i += 2;
                continue;
            }
            py_raise(ctx, &py_type_ValueError, "Single '}' encountered in format string");
        }
        if (c != '{') {
            py_strbuf_addc(&b, c);
            i++;
            continue;
        }
        if (i + 1 < n && s[i + 1] == '{') {
            py_strbuf_addc(&b, '{');
            i += 2;
            continue;
        }
        size_t st = ++i;
        int depth = 1;
        while (i < n && depth > 0) {
            depth += s[i] == '{' ? 1 : s[i] == '}' ? -1 : 0;
            if (depth > 0) {
                i++;
            }
        }
        if (i >= n) {
            py_raise(ctx, &py_type_ValueError, "expected '}' before end of string");
        }
        size_t e = i++;
        size_t fe = st;
        while (fe < e && s[fe] != '!' && s[fe] != ':') {
            fe++;
        }
        char conv = 0;
        size_t spec_st = e;
        if (fe < e && s[fe] == '!') {
            conv = fe + 1 < e ? s[fe + 1] : 0;
            spec_st = fe + 2 < e && s[fe + 2] == ':' ? fe + 3 : e;
        } else if (fe < e) {
            spec_st = fe + 1;
        }
        py_val v = format_field(ctx, s + st, fe - st, n_args, n_kw, args, auto_idx_p);
        if (conv == 'r') {
            v = py_repr(ctx, v);
        } else if (conv == 's') {
            v = py_to_str(ctx, v);
        } else if (conv != 0) {
            py_raise(ctx, &py_type_ValueError, "Unknown conversion specifier %c", conv);
        }
        s = py_str_get(ctx, fmt, &n);
        py_val spec = PY_NULL;
        if (spec_st < e) {
            py_val spec_src = py_str_new(ctx, s + spec_st, e - spec_st);
            s = py_str_get(ctx, fmt, &n);
            if (memchr(s + spec_st, '{', e - spec_st) != NULL) {
                spec_src = vformat(ctx, spec_src, n_args, n_kw, args, auto_idx_p, depth + 1);
            }
            spec = spec_src;
        }
        py_val out = py_format_value(ctx, v, spec);
        size_t on;
        const char *os = py_str_get(ctx, out, &on);
        py_strbuf_add(&b, os, on);
    }
    return py_strbuf_finish(&b, &py_type_str);
}

static py_val str_format_method(py_ctx *ctx, size_t n_args, size_t n_kw, const py_val *args)
{
    return py_str_vformat(ctx, n_args, n_kw, args);
}

/* %d %x %o of printf-style formatting: precision is a minimum digit count,
 * '0' pads with zeros after the sign, '#' adds the prefix. */
static py_val pct_int(py_ctx *ctx, py_val v, fp_spec *sp)
{
    int base = sp->type == 'x' || sp->type == 'X' ? 16 : sp->type == 'o' ? 8 : 10;
    bool neg = py_int_sign(v) < 0;
    py_val digits = py_int_to_str(ctx, neg ? py_unary_op(ctx, PY_OP_NEG, v) : v, base);
    size_t dn;
    const char *ds = py_str_get(ctx, digits, &dn);
    py_strbuf body;
    py_strbuf_init(ctx, &body, dn + 16);
    if (neg) {
        py_strbuf_addc(&body, '-');
    } else if (sp->sign == '+' || sp->sign == ' ') {
        py_strbuf_addc(&body, sp->sign);
    }
    if (sp->alt && base != 10) {
        py_strbuf_add(&body, base == 16 ? (sp->type == 'X' ? "0X" : "0x") : "0o", 2);
    }
    size_t prefix = body.len;
    for (intptr_t i = (intptr_t)dn; i < sp->precision; i++) {
        py_strbuf_addc(&body, '0');
    }
    ds = py_str_get(ctx, digits, &dn);
    for (size_t i = 0; i < dn; i++) {
        char d = ds[i];
        py_strbuf_addc(&body, sp->type == 'X' && d >= 'a' && d <= 'f' ? (char)(d - 32) : d);
    }
    const char *bs = body.buf + sizeof(py_str_obj);
    py_strbuf b;
    py_strbuf_init(ctx, &b, body.len + 8);
    size_t width = sp->width > 0 ? (size_t)sp->width : 0;
    if (sp->zero && sp->align != '<' && sp->precision < 0) {
        py_strbuf_add(&b, bs, prefix);
        for (size_t i = body.len; i < width; i++) {
            py_strbuf_addc(&b, '0');
        }
        py_strbuf_add(&b, bs + prefix, body.len - prefix);
    } else {
        pad_out(&b, bs, body.len, body.len, sp, '>');
    }
    return py_strbuf_finish(&b, &py_type_str);
}

/* The bytes that %s / %b / %c insert into a bytes format (PEP 461). */
static py_val pct_bytes_arg(py_ctx *ctx, py_val v, char c)
{
    const py_type *t = base_of(v);
    if (t == &py_type_bytes || t == &py_type_bytearray) {
        if (c == 'c' && py_len(ctx, v) != 1) {
            py_raise(ctx, &py_type_TypeError,
                     "%%c requires an integer in range(256) or a single byte");
        }
        return v;
    }
    if (c == 'c' && py_is_int(v)) {
        intmax_t x = py_int_get(ctx, v);
        if (x < 0 || x > 255) {
            py_raise(ctx, &py_type_OverflowError, "%%c arg not in range(256)");
        }
        char ch = (char)x;
        return py_bytes_new(ctx, &ch, 1);
    }
    if (t == &py_type_memoryview && c != 'c') {
        return py_call_method(ctx, v, py_qstr_from(ctx, "tobytes", 7), 0, NULL);
    }
    if (c == 'c') {
        py_raise(ctx, &py_type_TypeError, "%%c requires an integer in range(256) or a single byte");
    }
    py_raise(ctx, &py_type_TypeError,
             "%%b requires a bytes-like object, or an object that implements __bytes__, not '%s'",
             py_type_name(v));
}

/* printf-style '%' formatting of str, bytes and bytearray */
py_val py_str_format_pct(py_ctx *ctx, py_val fmt, py_val arg)
{
    size_t n;
    const char *s = py_str_get(ctx, fmt, &n);
    bool bytes = base_of(fmt) != &py_type_str;
    py_val *items = &arg;
    size_t n_items = 1;
    bool is_tuple = py_type_of(arg) == &py_type_tuple;
    if (is_tuple) {
        py_get_items(ctx, arg, &n_items, &items);
    }
    bool is_map = !is_tuple && py_type_of(arg) == &py_type_dict;
    size_t ai = 0;
    py_strbuf b;
    py_strbuf_init(ctx, &b, n + 16);
    for (size_t i = 0; i < n;) {
        s = py_str_get(ctx, fmt, &n);
        if (s[i] != '%') {
            size_t st = i;
            while (i < n && s[i] != '%') {
                i++;
            }
            py_strbuf_add(&b, s + st, i - st);
            continue;
        }
        i++;
        if (i >= n) {
            py_raise(ctx, &py_type_ValueError, "incomplete format");
        }
        py_val v = PY_NULL;
        if (s[i] == '(') {
            size_t st = ++i;
            while (i < n && s[i] != ')') {
                i++;
            }
            if (!is_map) {
                py_raise(ctx, &py_type_TypeError, "format requires a mapping");
            }
            py_val key =
                bytes ? py_bytes_new(ctx, s + st, i - st) : py_str_new(ctx, s + st, i - st);
            v = py_subscr(ctx, arg, key, PY_NULL);
            s = py_str_get(ctx, fmt, &n);
            i++;
        }
        fp_spec sp;
        memset(&sp, 0, sizeof(sp));
        strcpy(sp.fill, " ");
        sp.width = -1;
        sp.precision = -1;
        for (; i < n && strchr("-+ #0", s[i]); i++) {
            switch (s[i]) {
            case '-': sp.align = '<'; break;
            case '+': sp.sign = '+'; break;
            case ' ':
                if (sp.sign != '+')
                    sp.sign = ' ';
                break;
            case '#': sp.alt = 1; break;
            case '0': sp.zero = 1; break;
            }
        }
        if (i < n && s[i] == '*') {
            if (ai >= n_items) {
                py_raise(ctx, &py_type_TypeError, "not enough arguments for format string");
            }
            sp.width = (int)py_int_get(ctx, items[ai++]);
            i++;
        }
        while (i < n && s[i] >= '0' && s[i] <= '9') {
            sp.width = (sp.width < 0 ? 0 : sp.width * 10) + (s[i++] - '0');
        }
        if (i < n && s[i] == '.') {
            i++;
            sp.precision = 0;
            if (i < n && s[i] == '*') {
                sp.precision = (int)py_int_get(ctx, items[ai++]);
                i++;
            }
            while (i < n && s[i] >= '0' && s[i] <= '9') {
                sp.precision = sp.precision * 10 + (s[i++] - '0');
            }
        }
        if (i >= n) {
            py_raise(ctx, &py_type_ValueError, "incomplete format");
        }
        char c = s[i++];
        if (c == '%') {
            py_strbuf_addc(&b, '%');
            continue;
        }
        if (v == PY_NULL) {
            if (is_map) {
                v = arg;
            } else {
                if (ai >= n_items) {
                    py_raise(ctx, &py_type_TypeError, "not enough arguments for format string");
                }
                v = items[ai++];
            }
        }
        if (sp.align == '<') {
            sp.zero = 0;
        }
        py_val out;
        switch (c) {
        case 'b':
        case 's':
        case 'r':
        case 'a':
        case 'c':
            if (bytes) {
                if (c == 'r' || c == 'a') {
                    v = py_ascii(ctx, v);
                    size_t vn;
                    const char *vs = py_str_get(ctx, v, &vn);
                    v = py_bytes_new(ctx, vs, vn);
                } else {
                    v = pct_bytes_arg(ctx, v, c);
                }
                size_t on;
                const char *os = py_str_get(ctx, v, &on);
                if (c != 'c' && sp.precision >= 0 && (size_t)sp.precision < on) {
                    on = (size_t)sp.precision;
                }
                sp.zero = 0;
                pad_out(&b, os, on, on, &sp, '>');
                continue;
            }
            if (c == 'b') {
                goto bad_char;
            }
            if (c == 'c') {
                goto int_like;
            }
            {
                py_val str = c == 's'   ? py_to_str(ctx, v)
                             : c == 'r' ? py_repr(ctx, v)
                                        : py_ascii(ctx, v);
                sp.zero = 0;
                out = py_format_value(ctx, str, PY_NULL);
                size_t on;
                const char *os = py_str_get(ctx, out, &on);
                size_t cl = utf8_len(os, on);
                if (sp.precision >= 0 && (size_t)sp.precision < cl) {
                    on = utf8_offset(os, on, (size_t)sp.precision);
                    cl = (size_t)sp.precision;
                }
                pad_out(&b, os, on, cl, &sp, '>');
                continue;
            }
        case 'd':
        case 'i':
        case 'u':
        case 'x':
        case 'X':
        case 'o':
        int_like : {
            if (c == 'c' && py_is_str(v)) {
                size_t on;
                const char *os = py_str_get(ctx, v, &on);
                pad_out(&b, os, on, 1, &sp, '>');
                continue;
            }
            if (py_type_of(v) == &py_type_float) {
                v = py_int_from_float(ctx, ((py_float_obj *)v)->v);
            }
            if (!py_is_int(v)) {
                py_raise(ctx, &py_type_TypeError, "%%%c format: a real number is required, not %s",
                         c, py_type_name(v));
            }
            sp.type = c == 'i' || c == 'u' ? 'd' : c;
            if (c == 'c') {
                if (!sp.align) {
                    sp.align = '>';
                }
                out = format_int(ctx, v, &sp);
                break;
            }
            out = pct_int(ctx, v, &sp);
            break;
        }
        case 'f':
        case 'F':
        case 'e':
        case 'E':
        case 'g':
        case 'G': {
            sp.type = c;
            if (sp.precision < 0) {
                sp.precision = 6;
            }
            if (!sp.align && !sp.zero) {
                sp.align = '>';
            }
            out = format_float(ctx, py_float_get(ctx, v), &sp);
            break;
        }
        default:
        bad_char:
            py_raise(ctx, &py_type_ValueError,
                     "unsupported format character '%c' (0x%x) at index %d", c,
                     (unsigned)(uint8_t)c, (int)i - 1);
        }
        size_t on;
        const char *os = py_str_get(ctx, out, &on);
        py_strbuf_add(&b, os, on);
    }
    if (!is_map && ai < n_items) {
        py_raise(ctx, &py_type_TypeError, "not all arguments converted during %s formatting",
                 bytes ? "bytes" : "string");
    }
    return py_strbuf_finish(&b, bytes ? &py_type_bytes : &py_type_str);
}
