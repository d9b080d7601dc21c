/* The json module: dumps/dump/loads/load with CPython's output format and
 * error messages. The decoder keeps nesting on an explicit stack (no C
 * recursion on untrusted input); the encoder recurses up to a fixed depth. */
#include <math.h>
#include <string.h>

#include "fpfmt.h"
#include "modutil.h"

MOD_EXC(json_decode_error_type, "JSONDecodeError", &py_type_ValueError);
#define JSON_DECODE_ERROR MOD_EXC_REF(json_decode_error_type, &py_type_ValueError)

/* Encoder nesting limit: it recurses on the C stack (the decoder does not). */
#if UINTPTR_MAX > 0xffffffffu
#define JSON_MAX_DEPTH 200
#else
#define JSON_MAX_DEPTH 40
#endif

/* ---- encoder ---------------------------------------------------------------- */

typedef struct json_enc {
    mod_buf out;
    const char *indent; /* NULL: single line */
    size_t indent_len;
    const char *item_sep, *key_sep;
    size_t item_sep_len, key_sep_len;
    bool sort_keys, skipkeys, ensure_ascii, allow_nan, check_circular;
    py_val default_fn;
    int depth;
    py_val path[JSON_MAX_DEPTH]; /* containers being encoded (circular check) */
} json_enc;

static void enc_value(py_ctx *ctx, json_enc *e, py_val v);

static void enc_newline(py_ctx *ctx, json_enc *e)
{
    mb_addc(ctx, &e->out, '\n');
    for (int i = 0; i < e->depth; i++) {
        mb_add(ctx, &e->out, e->indent, e->indent_len);
    }
}

static void put_u4(py_ctx *ctx, mod_buf *b, unsigned v)
{
    static const char hex[] = "0123456789abcdef";
    char s[6] = {'\\',       'u', hex[(v >> 12) & 15], hex[(v >> 8) & 15], hex[(v >> 4) & 15],
                 hex[v & 15]};
    mb_add(ctx, b, s, 6);
}

/* Decodes one UTF-8 character of s[i..n); returns its length. */
static size_t utf8_next(const unsigned char *s, size_t i, size_t n, unsigned *cp)
{
    unsigned c = s[i];
    size_t k = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc0 ? 1 : 0;
    if (i + k >= n + (k == 0)) {
        k = 0;
    }
    unsigned v = k ? c & (0x3fu >> k) : c;
    for (size_t j = 1; j <= k; j++) {
        v = v << 6 | (s[i + j] & 0x3f);
    }
    *cp = v;
    return k + 1;
}

static void enc_string(py_ctx *ctx, json_enc *e, const char *str, size_t n)
{
    const unsigned char *s = (const unsigned char *)str;
    mb_addc(ctx, &e->out, '"');
    for (size_t i = 0; i < n;) {
        unsigned c = s[i];
        const char *esc = c == '"'    ? "\\\""
                          : c == '\\' ? "\\\\"
                          : c == '\n' ? "\\n"
                          : c == '\r' ? "\\r"
                          : c == '\t' ? "\\t"
                          : c == '\b' ? "\\b"
                          : c == '\f' ? "\\f"
                                      : NULL;
        if (esc) {
            mb_adds(ctx, &e->out, esc);
            i++;
        } else if (c < 0x20) {
            put_u4(ctx, &e->out, c);
            i++;
        } else if (c < 0x80 || !e->ensure_ascii) {
            mb_addc(ctx, &e->out, (char)c);
            i++;
        } else {
            unsigned cp;
            i += utf8_next(s, i, n, &cp);
            if (cp >= 0x10000) {
                cp -= 0x10000;
                put_u4(ctx, &e->out, 0xd800 | (cp >> 10));
                put_u4(ctx, &e->out, 0xdc00 | (cp & 0x3ff));
            } else {
                put_u4(ctx, &e->out, cp);
            }
        }
    }
    mb_addc(ctx, &e->out, '"');
}

static void enc_float(py_ctx *ctx, json_enc *e, double d)
{
    if (!isfinite(d)) {
        if (!e->allow_nan) {
            py_raise(ctx, &py_type_ValueError, "Out of range float values are not JSON compliant");
        }
        mb_adds(ctx, &e->out, isnan(d) ? "NaN" : d > 0 ? "Infinity" : "-Infinity");
        return;
    }
    char buf[FP_REPR_SIZE];
    int n = fl_repr(d, buf, sizeof buf);
    mb_add(ctx, &e->out, buf, (size_t)n);
}

/* Scalars shared by values and dict keys; returns false if v is not one. */
static bool enc_scalar(py_ctx *ctx, json_enc *e, py_val v, bool quote)
{
    const py_type *t = py_type_of(v);
    const char *lit = v == PY_NONE    ? "null"
                      : v == PY_TRUE  ? "true"
                      : v == PY_FALSE ? "false"
                                      : NULL;
    if (lit || t == &py_type_float || py_is_int(v)) {
        if (quote) {
            mb_addc(ctx, &e->out, '"');
        }
        if (lit) {
            mb_adds(ctx, &e->out, lit);
        } else if (t == &py_type_float) {
            enc_float(ctx, e, (double)py_float_get(ctx, v));
        } else {
            mb_add_val(ctx, &e->out, py_unary_op(ctx, PY_OP_INT, v), PY_PRINT_STR);
        }
        if (quote) {
            mb_addc(ctx, &e->out, '"');
        }
        return true;
    }
    return false;
}

static void enc_enter(py_ctx *ctx, json_enc *e, py_val v)
{
    if (e->depth >= JSON_MAX_DEPTH) {
        py_raise(ctx, &py_type_RecursionError,
                 "maximum recursion depth exceeded while encoding a JSON object");
    }
    for (int i = 0; e->check_circular && i < e->depth; i++) {
        if (e->path[i] == v) {
            py_raise(ctx, &py_type_ValueError, "Circular reference detected");
        }
    }
    e->path[e->depth++] = v;
}

static void enc_list(py_ctx *ctx, json_enc *e, py_val v)
{
    size_t n;
    py_val *items;
    mod_get_items(ctx, v, &n, &items);
    if (!n) {
        mb_adds(ctx, &e->out, "[]");
        return;
    }
    enc_enter(ctx, e, v);
    mb_addc(ctx, &e->out, '[');
    for (size_t i = 0; i < n; i++) {
        if (i) {
            mb_add(ctx, &e->out, e->item_sep, e->item_sep_len);
        }
        if (e->indent) {
            enc_newline(ctx, e);
        }
        mod_get_items(ctx, v, &n, &items); /* the list may change under us */
        if (i < n) {
            enc_value(ctx, e, items[i]);
        }
    }
    e->depth--;
    if (e->indent) {
        enc_newline(ctx, e);
    }
    mb_addc(ctx, &e->out, ']');
}

/* The dict's (key, value) pairs as a list, sorted by key if asked. */
static py_val dict_pairs(py_ctx *ctx, json_enc *e, py_val v)
{
    py_dict *d = PY_PTR(v);
    py_val list = py_list_new(ctx, 0, NULL);
    for (uint32_t i = 0; i < d->fill; i++) {
        py_val kv[2] = {d->entries[i].key, d->entries[i].value};
        if (kv[0] != PY_NULL) {
            py_list_append(ctx, list, py_tuple_new(ctx, 2, kv));
        }
    }
    if (e->sort_keys) {
        py_call_method(ctx, list, PY_Q_sort, 0, NULL);
    }
    return list;
}

static bool enc_key(py_ctx *ctx, json_enc *e, py_val k)
{
    if (py_type_of(k) == &py_type_str) {
        size_t n;
        const char *s = py_str_get(ctx, k, &n);
        enc_string(ctx, e, s, n);
        return true;
    }
    if (enc_scalar(ctx, e, k, true)) {
        return true;
    }
    if (e->skipkeys) {
        return false;
    }
    py_raise(ctx, &py_type_TypeError, "keys must be str, int, float, bool or None, not %s",
             py_type_of(k)->name);
}

static void enc_dict(py_ctx *ctx, json_enc *e, py_val v)
{
    size_t n;
    py_val *pairs;
    py_val list = dict_pairs(ctx, e, v);
    mod_get_items(ctx, list, &n, &pairs);
    if (!n) {
        mb_adds(ctx, &e->out, "{}");
        return;
    }
    enc_enter(ctx, e, v);
    mb_addc(ctx, &e->out, '{');
    bool first = true;
    for (size_t i = 0; i < n; i++) {
        py_tuple *kv = PY_PTR(pairs[i]);
        size_t mark = e->out.len;
        if (!first) {
            mb_add(ctx, &e->out, e->item_sep, e->item_sep_len);
        }
        if (e->indent) {
            enc_newline(ctx, e);
        }
        if (!enc_key(ctx, e, kv->items[0])) {
            e->out.len = mark; /* skipkeys: drop the separator too */
            continue;
        }
        first = false;
        mb_add(ctx, &e->out, e->key_sep, e->key_sep_len);
        enc_value(ctx, e, kv->items[1]);
    }
    e->depth--;
    if (e->indent && !first) {
        enc_newline(ctx, e);
    }
    mb_addc(ctx, &e->out, '}');
}

static void enc_value(py_ctx *ctx, json_enc *e, py_val v)
{
    const py_type *t = py_type_of(v);
    if (t == &py_type_str) {
        size_t n;
        const char *s = py_str_get(ctx, v, &n);
        enc_string(ctx, e, s, n);
    } else if (enc_scalar(ctx, e, v, false)) {
        return;
    } else if (py_isinstance(ctx, v, &py_type_list) || py_isinstance(ctx, v, &py_type_tuple)) {
        enc_list(ctx, e, v);
    } else if (py_isinstance(ctx, v, &py_type_dict)) {
        enc_dict(ctx, e, v);
    } else if (e->default_fn != PY_NONE) {
        enc_enter(ctx, e, v);
        py_val r = py_call(ctx, e->default_fn, 1, &v);
        enc_value(ctx, e, r);
        e->depth--;
    } else {
        py_raise(ctx, &py_type_TypeError, "Object of type %s is not JSON serializable", t->name);
    }
}

static void enc_separators(py_ctx *ctx, json_enc *e, py_val seps)
{
    e->item_sep = e->indent ? "," : ", ";
    e->key_sep = ": ";
    if (seps != PY_NONE) {
        size_t n;
        py_val *items;
        mod_get_items(ctx, seps, &n, &items);
        if (n != 2) {
            py_raise(ctx, &py_type_ValueError, "too many values to unpack (expected 2)");
        }
        size_t l1, l2;
        e->item_sep = py_str_get(ctx, items[0], &l1);
        e->key_sep = py_str_get(ctx, items[1], &l2);
    }
    e->item_sep_len = strlen(e->item_sep);
    e->key_sep_len = strlen(e->key_sep);
}

static void enc_indent(py_ctx *ctx, json_enc *e, py_val indent)
{
    e->indent = NULL;
    if (indent == PY_NONE) {
        return;
    }
    if (py_is_int(indent)) {
        intmax_t n = py_int_get(ctx, indent);
        char *s = py_alloc_raw(ctx, n > 0 ? (size_t)n + 1 : 1);
        n = n < 0 ? 0 : n;
        memset(s, ' ', (size_t)n);
        s[n] = 0;
        e->indent = s;
        e->indent_len = (size_t)n;
        return;
    }
    e->indent = py_str_get(ctx, indent, &e->indent_len);
}

enum {
    KW_SKIPKEYS,
    KW_ENSURE_ASCII,
    KW_CHECK_CIRCULAR,
    KW_ALLOW_NAN,
    KW_CLS,
    KW_INDENT,
    KW_SEPARATORS,
    KW_DEFAULT,
    KW_SORT_KEYS,
    KW__COUNT
};

static const char *const enc_kw_names[KW__COUNT] = {
    "skipkeys", "ensure_ascii", "check_circular", "allow_nan", "cls",
    "indent",   "separators",   "default",        "sort_keys",
};

static py_val encode_with_cls(py_ctx *ctx, py_val obj, const py_val *kw);

/* dumps(obj, **kw) with the keyword values in kw[]. */
static py_val json_encode(py_ctx *ctx, py_val obj, const py_val *kw)
{
    if (kw[KW_CLS] != PY_NONE) {
        return encode_with_cls(ctx, obj, kw);
    }
    /* On the C stack: a heap block of this size per call is slow to find,
     * and the stack is scanned by the GC anyway. */
    json_enc enc, *e = &enc;
    memset(e, 0, sizeof *e);
    mb_init(ctx, &e->out, 64);
    e->skipkeys = py_truthy(ctx, kw[KW_SKIPKEYS]);
    e->ensure_ascii = py_truthy(ctx, kw[KW_ENSURE_ASCII]);
    e->check_circular = py_truthy(ctx, kw[KW_CHECK_CIRCULAR]);
    e->allow_nan = py_truthy(ctx, kw[KW_ALLOW_NAN]);
    e->sort_keys = py_truthy(ctx, kw[KW_SORT_KEYS]);
    e->default_fn = kw[KW_DEFAULT];
    enc_indent(ctx, e, kw[KW_INDENT]);
    enc_separators(ctx, e, kw[KW_SEPARATORS]);
    enc_value(ctx, e, obj);
    return mb_to_str(ctx, &e->out);
}

/* Parses obj [, fp] then the encoder keywords. */
static void enc_args(py_ctx *ctx, size_t n, size_t nk, const py_val *args, size_t npos, py_val *v)
{
    py_arg_spec spec[2 + KW__COUNT];
    static const uint8_t defaults[KW__COUNT] = {0, 1, 1, 1, 2, 2, 2, 2, 0};
    for (size_t i = 0; i < npos; i++) {
        spec[i] = (py_arg_spec){0, PY_ARG_REQUIRED, 0};
    }
    for (size_t i = 0; i < KW__COUNT; i++) {
        py_val def = defaults[i] == 2 ? PY_NONE : PY_BOOL(defaults[i]);
        spec[npos + i] = (py_arg_spec){py_qstr_from_cstr(ctx, enc_kw_names[i]), PY_ARG_KWONLY, def};
    }
    py_parse_args(ctx, n, nk, args, spec, npos + KW__COUNT, v);
}

static py_val json_dumps(py_ctx *ctx, size_t n, size_t nk, const py_val *args)
{
    py_val v[1 + KW__COUNT];
    enc_args(ctx, n, nk, args, 1, v);
    return json_encode(ctx, v[0], v + 1);
}
static PY_FUN_KWARGS(json_dumps_obj, "dumps", 1, json_dumps);

static py_val json_dump(py_ctx *ctx, size_t n, size_t nk, const py_val *args)
{
    py_val v[2 + KW__COUNT];
    enc_args(ctx, n, nk, args, 2, v);
    py_val s = json_encode(ctx, v[0], v + 2);
    py_call_method(ctx, v[1], PY_Q_write, 1, &s);
    return PY_NONE;
}
static PY_FUN_KWARGS(json_dump_obj, "dump", 2, json_dump);

/* ---- JSONEncoder --------------------------------------------------------------- */

typedef struct jenc_obj {
    py_obj base;
    py_val kw[KW__COUNT]; /* the constructor's options (cls unused) */
} jenc_obj;

extern const py_type json_encoder_type;

static py_val jenc_make_new(py_ctx *ctx, const py_type *type, size_t n, size_t nk,
                            const py_val *args)
{
    jenc_obj *o = py_obj_new(ctx, type, sizeof(jenc_obj));
    enc_args(ctx, n, nk, args, 0, o->kw);
    return PY_VAL(o);
}

/* dumps(obj, cls=C, **kw): C(**kw).encode(obj) */
static py_val encode_with_cls(py_ctx *ctx, py_val obj, const py_val *kw)
{
    py_val args[2 * KW__COUNT];
    size_t nk = 0;
    for (size_t i = 0; i < KW__COUNT; i++) {
        if (i != KW_CLS) {
            args[2 * nk] = PY_MK_QSTR(py_qstr_from_cstr(ctx, enc_kw_names[i]));
            args[2 * nk + 1] = kw[i];
            nk++;
        }
    }
    py_val inst = py_call_kw(ctx, kw[KW_CLS], 0, nk, args);
    return py_call_method(ctx, inst, py_qstr_from_cstr(ctx, "encode"), 1, &obj);
}

static py_val je_init(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    enc_args(ctx, n - 1, nk, a + 1, 0, ((jenc_obj *)PY_PTR(a[0]))->kw);
    return PY_NONE;
}
static PY_FUN_KWARGS(je_init_obj, "__init__", 1, je_init);

static py_val je_default(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    py_raise(ctx, &py_type_TypeError, "Object of type %s is not JSON serializable",
             py_type_of(a[1])->name);
}
static PY_FUN(je_default_obj, "default", 2, 2, je_default);

static py_val je_encode(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    jenc_obj *o = PY_PTR(a[0]);
    py_val kw[KW__COUNT];
    memcpy(kw, o->kw, sizeof kw);
    kw[KW_CLS] = PY_NONE;
    if (kw[KW_DEFAULT] == PY_NONE) {
        kw[KW_DEFAULT] = py_getattr(ctx, a[0], py_qstr_from_cstr(ctx, "default"));
    }
    return json_encode(ctx, a[1], kw);
}
static PY_FUN(je_encode_obj, "encode", 2, 2, je_encode);

static const py_attr_def jenc_locals[] = {
    {"__init__", PY_OBJV(&je_init_obj)},
    {"default", PY_OBJV(&je_default_obj)},
    {"encode", PY_OBJV(&je_encode_obj)},
    {NULL, 0},
};

const py_type json_encoder_type = {
    {&py_type_type}, "JSONEncoder",         PY_TF_BASETYPE,
    jenc_make_new,   .locals = jenc_locals, .inst_size = sizeof(jenc_obj),
};

/* ---- decoder ---------------------------------------------------------------- */

typedef struct json_dec {
    py_val doc; /* the document as given (for JSONDecodeError.doc) */
    const char *s;
    size_t len, pos;
    py_val object_hook, pairs_hook, parse_float, parse_int, parse_constant;
} json_dec;

/* JSONDecodeError with CPython's "msg: line L column C (char N)", where
 * positions count characters, not UTF-8 bytes. */
static _Noreturn void dec_error(py_ctx *ctx, const json_dec *d, const char *msg, size_t at)
{
    unsigned long chars = 0, line = 1, col_start = 0;
    for (size_t i = 0; i < at && i < d->len; i++) {
        if (((unsigned char)d->s[i] & 0xc0) == 0x80) {
            continue;
        }
        if (d->s[i] == '\n') {
            line++;
            col_start = chars + 1;
        }
        chars++;
    }
    static const char *const names[] = {"msg", "doc", "pos", "lineno", "colno"};
    py_val values[] = {py_str_from_cstr(ctx, msg), d->doc, py_int_from(ctx, (intmax_t)chars),
                       py_int_from(ctx, (intmax_t)line),
                       py_int_from(ctx, (intmax_t)(chars - col_start + 1))};
    py_val text = mod_format(ctx, "%s: line %lu column %lu (char %lu)", msg, line,
                             chars - col_start + 1, chars);
    mod_raise_attrs(ctx, JSON_DECODE_ERROR, text, 5, names, values);
}

static void skip_ws(json_dec *d)
{
    while (d->pos < d->len && strchr(" \t\n\r", d->s[d->pos]) && d->s[d->pos]) {
        d->pos++;
    }
}

static int hex4(const char *s)
{
    int v = 0;
    for (int i = 0; i < 4; i++) {
        char c = s[i];
        int h = c >= '0' && c <= '9'   ? c - '0'
                : c >= 'a' && c <= 'f' ? c - 'a' + 10
                : c >= 'A' && c <= 'F' ? c - 'A' + 10
                                       : -1;
        if (h < 0) {
            return -1;
        }
        v = v * 16 + h;
    }
    return v;
}

static void put_utf8(py_ctx *ctx, mod_buf *b, unsigned cp)
{
    char t[4];
    size_t n;
    if (cp < 0x80) {
        t[0] = (char)cp, n = 1;
    } else if (cp < 0x800) {
        t[0] = (char)(0xc0 | cp >> 6), t[1] = (char)(0x80 | (cp & 0x3f)), n = 2;
    } else if (cp < 0x10000) {
        t[0] = (char)(0xe0 | cp >> 12), t[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
        t[2] = (char)(0x80 | (cp & 0x3f)), n = 3;
    } else {
        t[0] = (char)(0xf0 | cp >> 18), t[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
        t[2] = (char)(0x80 | ((cp >> 6) & 0x3f)), t[3] = (char)(0x80 | (cp & 0x3f)), n = 4;
    }
    mb_add(ctx, b, t, n);
}

/* \uXXXX at s[pos] (pos at 'u'), joining surrogate pairs. */
static unsigned dec_unicode(py_ctx *ctx, json_dec *d)
{
    size_t upos = d->pos;
    int v = d->len - d->pos >= 5 ? hex4(d->s + d->pos + 1) : -1;
    if (v < 0) {
        dec_error(ctx, d, "Invalid \\uXXXX escape", upos);
    }
    d->pos += 5;
    if (v >= 0xd800 && v < 0xdc00 && d->len - d->pos >= 6 && d->s[d->pos] == '\\' &&
        d->s[d->pos + 1] == 'u') {
        int lo = hex4(d->s + d->pos + 2);
        if (lo >= 0xdc00 && lo < 0xe000) {
            d->pos += 6;
            return 0x10000 + (((unsigned)v - 0xd800) << 10) + ((unsigned)lo - 0xdc00);
        }
    }
    return (unsigned)v;
}

/* Character for a one-letter escape, 0 if e is not one. */
static char simple_escape(char e)
{
    switch (e) {
    case '"':
    case '\\':
    case '/': return e;
    case 'b': return '\b';
    case 'f': return '\f';
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    default: return 0;
    }
}

/* String starting at the opening quote. */
static py_val dec_string(py_ctx *ctx, json_dec *d)
{
    size_t start = d->pos++;
    mod_buf b;
    mb_init(ctx, &b, 16);
    for (;;) {
        if (d->pos >= d->len) {
            dec_error(ctx, d, "Unterminated string starting at", start);
        }
        unsigned char c = (unsigned char)d->s[d->pos];
        if (c == '"') {
            d->pos++;
            return mb_to_str(ctx, &b);
        }
        if (c < 0x20) {
            dec_error(ctx, d, "Invalid control character at", d->pos);
        }
        if (c != '\\') {
            mb_addc(ctx, &b, (char)c);
            d->pos++;
            continue;
        }
        if (++d->pos >= d->len) {
            dec_error(ctx, d, "Unterminated string starting at", start);
        }
        char e = d->s[d->pos], r = simple_escape(e);
        if (e == 'u') {
            put_utf8(ctx, &b, dec_unicode(ctx, d));
        } else if (r) {
            mb_addc(ctx, &b, r);
            d->pos++;
        } else {
            dec_error(ctx, d, "Invalid \\escape", d->pos - 1);
        }
    }
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static size_t digits_end(const json_dec *d, size_t p)
{
    while (p < d->len && is_digit(d->s[p])) {
        p++;
    }
    return p;
}

/* Number per JSON grammar; returns PY_NULL if there is none at pos. */
static py_val dec_number(py_ctx *ctx, json_dec *d)
{
    size_t p = d->pos, start = p;
    if (p < d->len && d->s[p] == '-') {
        p++;
    }
    if (p >= d->len || !is_digit(d->s[p])) {
        return PY_NULL;
    }
    p = d->s[p] == '0' ? p + 1 : digits_end(d, p);
    bool is_float = false;
    if (p + 1 < d->len && d->s[p] == '.' && is_digit(d->s[p + 1])) {
        p = digits_end(d, p + 1);
        is_float = true;
    }
    if (p < d->len && (d->s[p] == 'e' || d->s[p] == 'E')) {
        size_t q = p + 1;
        if (q < d->len && (d->s[q] == '+' || d->s[q] == '-')) {
            q++;
        }
        if (q < d->len && is_digit(d->s[q])) {
            p = digits_end(d, q);
            is_float = true;
        }
    }
    d->pos = p;
    if (!is_float && d->parse_int == PY_NONE && p - start <= 18) {
        /* Small ints directly, without building the text. */
        intmax_t v = 0;
        for (size_t i = start + (d->s[start] == '-'); i < p; i++) {
            v = v * 10 + (d->s[i] - '0');
        }
        return py_int_from(ctx, d->s[start] == '-' ? -v : v);
    }
    py_val text = py_str_new(ctx, d->s + start, p - start);
    if (is_float) {
        if (d->parse_float != PY_NONE) {
            return py_call(ctx, d->parse_float, 1, &text);
        }
        double v = 0;
        fl_parse(d->s + start, p - start, &v);
        return py_float_new(ctx, (py_float_t)v);
    }
    py_val fn = d->parse_int != PY_NONE ? d->parse_int : PY_OBJV(&py_type_int);
    return py_call(ctx, fn, 1, &text);
}

static bool match_word(const json_dec *d, const char *w)
{
    size_t n = strlen(w);
    return d->len - d->pos >= n && !memcmp(d->s + d->pos, w, n);
}

static py_val dec_constant(py_ctx *ctx, json_dec *d, const char *word, double v)
{
    d->pos += strlen(word);
    if (d->parse_constant != PY_NONE) {
        py_val w = py_str_from_cstr(ctx, word);
        return py_call(ctx, d->parse_constant, 1, &w);
    }
    return py_float_new(ctx, (py_float_t)v);
}

/* A scalar value at pos, or PY_NULL for '[' / '{' (handled by the caller). */
static py_val dec_scalar(py_ctx *ctx, json_dec *d)
{
    char c = d->pos < d->len ? d->s[d->pos] : 0;
    if (c == '"') {
        return dec_string(ctx, d);
    }
    const struct {
        const char *word;
        py_val v;
    } lits[] = {{"null", PY_NONE}, {"true", PY_TRUE}, {"false", PY_FALSE}};
    for (size_t i = 0; i < 3; i++) {
        if (match_word(d, lits[i].word)) {
            d->pos += strlen(lits[i].word);
            return lits[i].v;
        }
    }
    if (match_word(d, "NaN")) {
        return dec_constant(ctx, d, "NaN", NAN);
    }
    if (match_word(d, "Infinity")) {
        return dec_constant(ctx, d, "Infinity", INFINITY);
    }
    if (match_word(d, "-Infinity")) {
        return dec_constant(ctx, d, "-Infinity", -INFINITY);
    }
    py_val num = dec_number(ctx, d);
    if (num == PY_NULL) {
        dec_error(ctx, d, "Expecting value", d->pos);
    }
    return num;
}

/* Reads `"key" :` inside an object. */
static py_val dec_key(py_ctx *ctx, json_dec *d)
{
    skip_ws(d);
    if (d->pos >= d->len || d->s[d->pos] != '"') {
        dec_error(ctx, d, "Expecting property name enclosed in double quotes", d->pos);
    }
    py_val key = dec_string(ctx, d);
    skip_ws(d);
    if (d->pos >= d->len || d->s[d->pos] != ':') {
        dec_error(ctx, d, "Expecting ':' delimiter", d->pos);
    }
    d->pos++;
    return key;
}

/* Objects are collected as lists of (key, value) pairs and converted when
 * closed, so object_pairs_hook sees them in order. */
static py_val finish_object(py_ctx *ctx, json_dec *d, py_val pairs)
{
    if (d->pairs_hook != PY_NONE) {
        return py_call(ctx, d->pairs_hook, 1, &pairs);
    }
    size_t n;
    py_val *items, dict = py_dict_new(ctx);
    mod_get_items(ctx, pairs, &n, &items);
    for (size_t i = 0; i < n; i++) {
        py_tuple *kv = PY_PTR(items[i]);
        py_dict_set(ctx, dict, kv->items[0], kv->items[1]);
    }
    return d->object_hook != PY_NONE ? py_call(ctx, d->object_hook, 1, &dict) : dict;
}

/* Explicit stack of open containers: a list holds (container, is_object,
 * pending key) triples, so nesting depth costs no C stack. */

/* Opens '[' or '{' at pos. Returns the value if the container is empty,
 * else PY_NULL after pushing it. */
static py_val open_container(py_ctx *ctx, json_dec *d, py_val stack)
{
    char c = d->s[d->pos++];
    skip_ws(d);
    if (d->pos < d->len && d->s[d->pos] == (c == '[' ? ']' : '}')) {
        d->pos++;
        py_val empty = py_list_new(ctx, 0, NULL);
        return c == '[' ? empty : finish_object(ctx, d, empty);
    }
    py_list_append(ctx, stack, py_list_new(ctx, 0, NULL));
    py_list_append(ctx, stack, PY_BOOL(c == '{'));
    py_list_append(ctx, stack, c == '{' ? dec_key(ctx, d) : PY_NONE);
    return PY_NULL;
}

/* Hands a finished value to the innermost open container, closing
 * containers while their closing bracket follows. Returns the document when
 * the stack empties, PY_NULL when more values are expected. */
static py_val add_value(py_ctx *ctx, json_dec *d, py_list *st, py_val value)
{
    while (st->len) {
        py_val cont = st->items[st->len - 3], key = st->items[st->len - 1];
        bool is_obj = st->items[st->len - 2] == PY_TRUE;
        if (is_obj) {
            py_val kv[2] = {key, value};
            value = py_tuple_new(ctx, 2, kv);
        }
        py_list_append(ctx, cont, value);
        skip_ws(d);
        char sep = d->pos < d->len ? d->s[d->pos] : 0;
        if (sep == ',') {
            d->pos++;
            if (is_obj) {
                st->items[st->len - 1] = dec_key(ctx, d);
            }
            return PY_NULL;
        }
        if (sep != (is_obj ? '}' : ']')) {
            dec_error(ctx, d, "Expecting ',' delimiter", d->pos);
        }
        d->pos++;
        st->len -= 3;
        value = is_obj ? finish_object(ctx, d, cont) : cont;
    }
    return value;
}

static py_val dec_document(py_ctx *ctx, json_dec *d)
{
    py_val stack = py_list_new(ctx, 0, NULL);
    for (;;) {
        skip_ws(d);
        char c = d->pos < d->len ? d->s[d->pos] : 0;
        py_val value = c == '[' || c == '{' ? open_container(ctx, d, stack) : dec_scalar(ctx, d);
        if (value != PY_NULL && (value = add_value(ctx, d, PY_PTR(stack), value)) != PY_NULL) {
            return value;
        }
    }
}

static py_val json_decode(py_ctx *ctx, py_val text, const py_val *kw)
{
    json_dec d = {.object_hook = kw[0],
                  .parse_float = kw[1],
                  .parse_int = kw[2],
                  .parse_constant = kw[3],
                  .pairs_hook = kw[4]};
    const py_type *t = py_type_of(text);
    if (t != &py_type_str && t != &py_type_bytes && t != &py_type_bytearray) {
        py_raise(ctx, &py_type_TypeError, "the JSON object must be str, bytes or bytearray, not %s",
                 t->name);
    }
    d.doc = text;
    d.s = py_str_get(ctx, text, &d.len);
    if (d.len >= 3 && !memcmp(d.s, "\xef\xbb\xbf", 3) && t == &py_type_str) {
        dec_error(ctx, &d, "Unexpected UTF-8 BOM (decode using utf-8-sig)", 0);
    }
    py_val v = dec_document(ctx, &d);
    skip_ws(&d);
    if (d.pos != d.len) {
        dec_error(ctx, &d, "Extra data", d.pos);
    }
    return v;
}

static const char *const dec_kw_names[] = {"cls",       "object_hook",    "parse_float",
                                           "parse_int", "parse_constant", "object_pairs_hook"};

/* npos leading required positionals, then the decoder keywords. */
static void dec_args(py_ctx *ctx, size_t n, size_t nk, const py_val *args, size_t npos, py_val *v)
{
    py_arg_spec spec[8];
    for (size_t i = 0; i < npos; i++) {
        spec[i] = (py_arg_spec){0, PY_ARG_REQUIRED, 0};
    }
    for (size_t i = 0; i < 6; i++) {
        spec[npos + i] =
            (py_arg_spec){py_qstr_from_cstr(ctx, dec_kw_names[i]), PY_ARG_KWONLY, PY_NONE};
    }
    spec[npos + 6] = (py_arg_spec){py_qstr_from_cstr(ctx, "strict"), PY_ARG_KWONLY, PY_TRUE};
    py_parse_args(ctx, n, nk, args, spec, npos + 7, v);
}

/* loads(s, cls=C, **kw): C(**kw).decode(s) */
static py_val decode_with_cls(py_ctx *ctx, py_val text, const py_val *kw)
{
    py_val args[2 * 5];
    for (size_t i = 1; i < 6; i++) {
        args[2 * (i - 1)] = PY_MK_QSTR(py_qstr_from_cstr(ctx, dec_kw_names[i]));
        args[2 * (i - 1) + 1] = kw[i];
    }
    py_val inst = py_call_kw(ctx, kw[0], 0, 5, args);
    return py_call_method(ctx, inst, py_qstr_from_cstr(ctx, "decode"), 1, &text);
}

static py_val json_loads(py_ctx *ctx, size_t n, size_t nk, const py_val *args)
{
    py_val v[8];
    dec_args(ctx, n, nk, args, 1, v);
    return v[1] != PY_NONE ? decode_with_cls(ctx, v[0], v + 1) : json_decode(ctx, v[0], v + 2);
}
static PY_FUN_KWARGS(json_loads_obj, "loads", 1, json_loads);

static py_val json_load(py_ctx *ctx, size_t n, size_t nk, const py_val *args)
{
    py_val v[8];
    dec_args(ctx, n, nk, args, 1, v);
    py_val text = py_call_method(ctx, v[0], PY_Q_read, 0, NULL);
    return v[1] != PY_NONE ? decode_with_cls(ctx, text, v + 1) : json_decode(ctx, text, v + 2);
}
static PY_FUN_KWARGS(json_load_obj, "load", 1, json_load);

/* ---- JSONDecoder ------------------------------------------------------------ */

typedef struct jdec_obj {
    py_obj base;
    py_val kw[7]; /* cls (unused), hooks..., strict */
} jdec_obj;

static py_val jdec_make_new(py_ctx *ctx, const py_type *type, size_t n, size_t nk,
                            const py_val *args)
{
    jdec_obj *o = py_obj_new(ctx, type, sizeof(jdec_obj));
    dec_args(ctx, n, nk, args, 0, o->kw);
    return PY_VAL(o);
}

/* __init__(**kw) (what super().__init__(...) of a subclass reaches). */
static py_val jd_init(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    dec_args(ctx, n - 1, nk, a + 1, 0, ((jdec_obj *)PY_PTR(a[0]))->kw);
    return PY_NONE;
}
static PY_FUN_KWARGS(jd_init_obj, "__init__", 1, jd_init);

static py_val jd_decode(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return json_decode(ctx, a[1], ((jdec_obj *)PY_PTR(a[0]))->kw + 1);
}
static PY_FUN(jd_decode_obj, "decode", 2, 2, jd_decode);

static const py_attr_def jdec_locals[] = {
    {"__init__", PY_OBJV(&jd_init_obj)},
    {"decode", PY_OBJV(&jd_decode_obj)},
    {NULL, 0},
};

static const py_type json_decoder_type = {
    {&py_type_type}, "JSONDecoder",         PY_TF_BASETYPE,
    jdec_make_new,   .locals = jdec_locals, .inst_size = sizeof(jdec_obj),
};

static const py_attr_def json_attrs[] = {
    {"dumps", PY_OBJV(&json_dumps_obj)},
    {"dump", PY_OBJV(&json_dump_obj)},
    {"loads", PY_OBJV(&json_loads_obj)},
    {"load", PY_OBJV(&json_load_obj)},
    {"JSONDecodeError", PY_OBJV(JSON_DECODE_ERROR)},
    {"JSONEncoder", PY_OBJV(&json_encoder_type)},
    {"JSONDecoder", PY_OBJV(&json_decoder_type)},
    {NULL, 0},
};

const py_module_def py_mod_json = {"json", json_attrs, NULL};
