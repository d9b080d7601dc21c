/* The re module over python/lib/regex: Pattern and Match objects, search,
 * match, fullmatch, sub/subn with templates or callables, split, findall,
 * finditer, escape. Positions seen by Python are character indices; the
 * engine works on UTF-8 byte offsets. */
#include <string.h>

#include "modutil.h"
#include "regex.h"

MOD_EXC(re_error_type, "error", &py_type_Exception);
#define RE_ERROR MOD_EXC_REF(re_error_type, &py_type_ValueError)

/* The module functions are bound methods of one hidden cache object (made
 * when the module is imported). It remembers recently compiled patterns, so
 * re.search(p, s) in a loop compiles p once, and keeps the engine's
 * backtracking memory for reuse (matching never re-enters itself). */
#if UINTPTR_MAX > 0xffffffffu
#define RE_CACHE_MAX  256
#define RE_KEEP_WORDS (16 * 1024) /* backtrack memory kept between matches */
#else
#define RE_CACHE_MAX  16
#define RE_KEEP_WORDS 512
#endif

typedef struct re_cache_obj {
    py_obj base;
    py_val dict;    /* (pattern, flags) -> Pattern */
    ptrdiff_t *mem; /* engine memory, grown on demand */
    size_t mem_words;
} re_cache_obj;

typedef struct re_patobj {
    py_obj base;
    re_cache_obj *cache; /* NULL only for patterns made before the cache */
    py_val pattern;      /* str or bytes as given */
    py_val groupindex;
    const re_prog *prog;
    unsigned flags; /* as Python reports them */
    bool is_bytes;
} re_patobj;

typedef struct re_matchobj {
    py_obj base;
    py_val re, string;
    ptrdiff_t *spans;   /* byte offsets, 2 per group */
    size_t pos, endpos; /* character indices */
    int ngroups;
} re_matchobj;

extern const py_type re_Pattern_type, re_Match_type;

/* ---- subject strings ------------------------------------------------------ */

typedef struct subject {
    const char *s;
    size_t len;
    bool bytes, ascii;
    size_t cache_b, cache_c; /* last byte/char offset pair converted */
} subject;

static void subject_init(py_ctx *ctx, subject *sj, py_val v, bool want_bytes)
{
    const py_type *t = py_type_of(v);
    bool is_bytes = t == &py_type_bytes || t == &py_type_bytearray;
    if (!is_bytes && t != &py_type_str) {
        py_raise(ctx, &py_type_TypeError, "expected string or bytes-like object, got '%s'",
                 t->name);
    }
    if (is_bytes != want_bytes) {
        py_raise(ctx, &py_type_TypeError,
                 want_bytes ? "cannot use a bytes pattern on a string-like object"
                            : "cannot use a string pattern on a bytes-like object");
    }
    sj->s = py_str_get(ctx, v, &sj->len);
    sj->bytes = is_bytes;
    sj->ascii = true;
    for (size_t i = 0; !is_bytes && i < sj->len && sj->ascii; i++) {
        sj->ascii = (unsigned char)sj->s[i] < 0x80;
    }
    sj->cache_b = sj->cache_c = 0;
}

static bool is_cont(char c)
{
    return ((unsigned char)c & 0xc0) == 0x80;
}

/* Character index of byte offset b (incremental when b moves forward). */
static size_t to_char(subject *sj, size_t b)
{
    if (sj->bytes || sj->ascii) {
        return b;
    }
    if (b < sj->cache_b) {
        sj->cache_b = sj->cache_c = 0;
    }
    size_t c = sj->cache_c;
    for (size_t i = sj->cache_b; i < b; i++) {
        c += !is_cont(sj->s[i]);
    }
    sj->cache_b = b;
    sj->cache_c = c;
    return c;
}

/* Byte offset of character index c (clamped to the end). */
static size_t to_byte(const subject *sj, size_t c)
{
    if (sj->bytes || sj->ascii) {
        return c < sj->len ? c : sj->len;
    }
    size_t b = 0;
    for (size_t n = 0; b < sj->len && n < c; n++) {
        b++;
        while (b < sj->len && is_cont(sj->s[b])) {
            b++;
        }
    }
    return b;
}

static py_val substr(py_ctx *ctx, const subject *sj, size_t b, size_t e)
{
    return sj->bytes ? py_bytes_new(ctx, sj->s + b, e - b) : py_str_new(ctx, sj->s + b, e - b);
}

/* ---- compiling ---------------------------------------------------------- */

/* re.error with CPython's message and its msg/pattern/pos/lineno/colno. */
static _Noreturn void raise_re_error(py_ctx *ctx, py_val msg, py_val pattern, size_t pos)
{
    size_t len, line = 1, col = 1;
    const char *s = pattern == PY_NONE ? "" : py_str_get(ctx, pattern, &len);
    for (size_t i = 0; pattern != PY_NONE && i < pos && i < len; i++) {
        line += s[i] == '\n';
        col = s[i] == '\n' ? 1 : col + 1;
    }
    py_val text = line > 1 ? mod_format(ctx, "%S at position %lu (line %lu, column %lu)", msg,
                                        (unsigned long)pos, (unsigned long)line, (unsigned long)col)
                           : mod_format(ctx, "%S at position %lu", msg, (unsigned long)pos);
    static const char *const names[] = {"msg", "pattern", "pos", "lineno", "colno"};
    py_val values[] = {msg, pattern, py_int_from(ctx, (intmax_t)pos),
                       py_int_from(ctx, (intmax_t)line), py_int_from(ctx, (intmax_t)col)};
    mod_raise_attrs(ctx, RE_ERROR, text, 5, names, values);
}

static _Noreturn void raise_compile_error(py_ctx *ctx, const re_error *err, py_val pattern,
                                          const char *pat)
{
    py_val msg;
    if (!err->detail_len) {
        msg = py_str_from_cstr(ctx, err->msg);
    } else {
        py_val detail = py_str_new(ctx, pat + err->detail_pos, err->detail_len);
        if (err->group) {
            msg = mod_format(ctx, "%s '%S' as group %d; was group %d", err->msg, detail, err->group,
                             err->prev_group);
        } else {
            bool quote = strstr(err->msg, "name") != NULL;
            msg = mod_format(ctx, quote ? "%s '%S'" : "%s %S", err->msg, detail);
        }
    }
    raise_re_error(ctx, msg, pattern, err->pos);
}

static py_val build_groupindex(py_ctx *ctx, const re_prog *prog)
{
    py_val d = py_dict_new(ctx);
    const char *name;
    size_t len;
    for (int i = 0, g; (g = re_group_name(prog, i, &name, &len)) >= 0; i++) {
        py_dict_set(ctx, d, py_str_new(ctx, name, len), PY_MK_SMALL(g));
    }
    return d;
}

static py_val compile_pattern(py_ctx *ctx, re_cache_obj *cache, py_val pattern, intmax_t flags)
{
    if (py_type_of(pattern) == &re_Pattern_type) {
        if (flags) {
            py_raise(ctx, &py_type_ValueError,
                     "cannot process flags argument with a compiled pattern");
        }
        return pattern;
    }
    const py_type *t = py_type_of(pattern);
    bool is_bytes = t == &py_type_bytes || t == &py_type_bytearray;
    if (!is_bytes && t != &py_type_str) {
        py_raise(ctx, &py_type_TypeError, "first argument must be string or compiled pattern");
    }
    if (is_bytes && (flags & RE_UNICODE)) {
        py_raise(ctx, &py_type_ValueError, "cannot use UNICODE flag with a bytes pattern");
    }
    if ((flags & RE_UNICODE) && (flags & RE_ASCII)) {
        py_raise(ctx, &py_type_ValueError, "ASCII and UNICODE flags are incompatible");
    }
    size_t len, size = 256;
    const char *pat = py_str_get(ctx, pattern, &len);
    unsigned f = (unsigned)flags | (is_bytes ? RE_BYTES : 0);
    const re_prog *prog;
    re_error err;
    void *buf = py_alloc_raw(ctx, size);
    int rc = re_compile(pat, len, f, buf, size, &prog, &err);
    if (rc == RE_ENOMEM) {
        buf = py_alloc_raw(ctx, err.need);
        rc = re_compile(pat, len, f, buf, err.need, &prog, &err);
    }
    if (rc != RE_OK) {
        raise_compile_error(ctx, &err, pattern, pat);
    }
    re_patobj *p = py_obj_new(ctx, &re_Pattern_type, sizeof(re_patobj));
    p->cache = cache;
    p->pattern = pattern;
    p->prog = prog;
    p->is_bytes = is_bytes;
    p->flags = re_flags(prog) & ~(unsigned)RE_BYTES;
    if (!is_bytes && !(p->flags & RE_ASCII)) {
        p->flags |= RE_UNICODE;
    }
    p->groupindex = build_groupindex(ctx, prog);
    return PY_VAL(p);
}

/* ---- matching ---------------------------------------------------------------- */

static int check_interrupt(void *arg)
{
    py_check_interrupt(arg); /* long-jumps out on KeyboardInterrupt */
    return 0;
}

/* Runs the engine, growing its backtrack memory as needed. Returns 1 with
 * spans filled, or 0. */
static int run(py_ctx *ctx, const re_patobj *p, const subject *sj, size_t start, size_t end,
               int mode, ptrdiff_t *spans)
{
    re_cache_obj *c = p->cache;
    size_t words = re_exec_min_words(p->prog) + 3 * 128;
    if (c && c->mem_words > words) {
        words = c->mem_words;
    }
    for (;;) {
        ptrdiff_t *mem = c && c->mem_words >= words ? c->mem : NULL;
        if (!mem) {
            mem = py_alloc_raw(ctx, words * sizeof(ptrdiff_t));
            if (c) {
                c->mem = mem;
                c->mem_words = words;
            }
        }
        re_ctx rc = {mem, words, 0, check_interrupt, ctx};
        int r = re_exec(p->prog, sj->s, end, start, mode, &rc, spans);
        if (r != RE_ENOMEM) {
            if (c && words > RE_KEEP_WORDS) {
                c->mem = NULL; /* do not hold on to a one-off big stack */
                c->mem_words = 0;
            }
            return r > 0;
        }
        if (words > SIZE_MAX / 64) {
            py_raise(ctx, &py_type_MemoryError, "regular expression too complex");
        }
        words *= 4;
    }
}

static ptrdiff_t *new_spans(py_ctx *ctx, const re_patobj *p)
{
    return py_alloc_raw(ctx, 2 * ((size_t)re_groups(p->prog) + 1) * sizeof(ptrdiff_t));
}

static py_val make_match(py_ctx *ctx, py_val pat, py_val string, ptrdiff_t *spans, size_t pos,
                         size_t endpos)
{
    re_patobj *p = PY_PTR(pat);
    re_matchobj *m = py_obj_new(ctx, &re_Match_type, sizeof(re_matchobj));
    m->re = pat;
    m->string = string;
    m->ngroups = re_groups(p->prog);
    m->spans = spans;
    m->pos = pos;
    m->endpos = endpos;
    return PY_VAL(m);
}

/* Clamps pos/endpos (character indices) like CPython and converts them. */
static void resolve_range(py_ctx *ctx, subject *sj, py_val pos, py_val endpos, size_t *cpos,
                          size_t *cend, size_t *bpos, size_t *bend)
{
    size_t nchars = to_char(sj, sj->len);
    intmax_t p = pos == PY_NULL ? 0 : py_int_get(ctx, pos);
    intmax_t e =
        endpos == PY_NULL || endpos == PY_NONE ? (intmax_t)nchars : py_int_get(ctx, endpos);
    p = p < 0 ? 0 : p > (intmax_t)nchars ? (intmax_t)nchars : p;
    e = e < 0 ? 0 : e > (intmax_t)nchars ? (intmax_t)nchars : e;
    *cpos = (size_t)p;
    *cend = (size_t)e;
    *bpos = to_byte(sj, *cpos);
    *bend = to_byte(sj, *cend);
}

static py_val do_match(py_ctx *ctx, py_val pat, py_val string, py_val pos, py_val endpos, int mode)
{
    re_patobj *p = PY_PTR(pat);
    subject sj;
    size_t cpos, cend, bpos, bend;
    subject_init(ctx, &sj, string, p->is_bytes);
    resolve_range(ctx, &sj, pos, endpos, &cpos, &cend, &bpos, &bend);
    if (bend < bpos) {
        return PY_NONE;
    }
    ptrdiff_t *spans = new_spans(ctx, p);
    if (!run(ctx, p, &sj, bpos, bend, mode, spans)) {
        return PY_NONE;
    }
    return make_match(ctx, pat, string, spans, cpos, cend);
}

/* Iterates matches CPython's way: after an empty match the next one may not
 * be empty at the same place. fn returns false to stop. */
typedef bool (*match_fn)(py_ctx *ctx, void *arg, subject *sj, ptrdiff_t *spans);

static void for_each_match(py_ctx *ctx, const re_patobj *p, subject *sj, size_t bpos, size_t bend,
                           match_fn fn, void *arg)
{
    int flags = 0;
    while (bpos <= bend) {
        ptrdiff_t *spans = new_spans(ctx, p);
        if (!run(ctx, p, sj, bpos, bend, RE_SEARCH | flags, spans) || !fn(ctx, arg, sj, spans)) {
            return;
        }
        flags = spans[0] == spans[1] ? RE_NOTEMPTY_AT_START : 0;
        bpos = (size_t)spans[1];
        py_check_interrupt(ctx);
    }
}

/* ---- findall / finditer ------------------------------------------------------ */

typedef struct collect {
    py_val list, pat, string;
    size_t cpos, cend;
    bool as_matches; /* finditer: Match objects; findall: strings/tuples */
} collect;

static py_val group_or_empty(py_ctx *ctx, const subject *sj, const ptrdiff_t *spans, int g)
{
    if (spans[2 * g] < 0) {
        return substr(ctx, sj, 0, 0);
    }
    return substr(ctx, sj, (size_t)spans[2 * g], (size_t)spans[2 * g + 1]);
}

static bool collect_one(py_ctx *ctx, void *arg, subject *sj, ptrdiff_t *spans)
{
    collect *c = arg;
    re_patobj *p = PY_PTR(c->pat);
    int ng = re_groups(p->prog);
    py_val item;
    if (c->as_matches) {
        item = make_match(ctx, c->pat, c->string, spans, c->cpos, c->cend);
    } else if (ng <= 1) {
        item = group_or_empty(ctx, sj, spans, ng);
    } else {
        item = py_tuple_new(ctx, (size_t)ng, NULL);
        for (int g = 1; g <= ng; g++) {
            ((py_tuple *)PY_PTR(item))->items[g - 1] = group_or_empty(ctx, sj, spans, g);
        }
    }
    py_list_append(ctx, c->list, item);
    return true;
}

static py_val do_findall(py_ctx *ctx, py_val pat, py_val string, py_val pos, py_val endpos,
                         bool as_matches)
{
    re_patobj *p = PY_PTR(pat);
    subject sj;
    collect c = {py_list_new(ctx, 0, NULL), pat, string, 0, 0, as_matches};
    size_t bpos, bend;
    subject_init(ctx, &sj, string, p->is_bytes);
    resolve_range(ctx, &sj, pos, endpos, &c.cpos, &c.cend, &bpos, &bend);
    for_each_match(ctx, p, &sj, bpos, bend, collect_one, &c);
    return as_matches ? py_iter(ctx, c.list) : c.list;
}

/* ---- split -------------------------------------------------------------------- */

typedef struct splitter {
    py_val list;
    size_t last;
    intmax_t max, done;
    int ngroups;
} splitter;

static bool split_one(py_ctx *ctx, void *arg, subject *sj, ptrdiff_t *spans)
{
    splitter *s = arg;
    if (s->max > 0 && s->done >= s->max) {
        return false;
    }
    py_list_append(ctx, s->list, substr(ctx, sj, s->last, (size_t)spans[0]));
    for (int g = 1; g <= s->ngroups; g++) {
        py_val v = spans[2 * g] < 0
                       ? PY_NONE
                       : substr(ctx, sj, (size_t)spans[2 * g], (size_t)spans[2 * g + 1]);
        py_list_append(ctx, s->list, v);
    }
    s->last = (size_t)spans[1];
    s->done++;
    return true;
}

static py_val do_split(py_ctx *ctx, py_val pat, py_val string, py_val maxsplit)
{
    re_patobj *p = PY_PTR(pat);
    subject sj;
    subject_init(ctx, &sj, string, p->is_bytes);
    splitter s = {py_list_new(ctx, 0, NULL), 0, py_int_get(ctx, maxsplit), 0, re_groups(p->prog)};
    if (s.max < 0) {
        return py_list_new(ctx, 1, &string);
    }
    for_each_match(ctx, p, &sj, 0, sj.len, split_one, &s);
    py_list_append(ctx, s.list, substr(ctx, &sj, s.last, sj.len));
    return s.list;
}

/* ---- sub ---------------------------------------------------------------------- */

/* A parsed replacement template: literal pieces (str/bytes) and group
 * numbers (small ints), in order. */
static _Noreturn void template_error(py_ctx *ctx, const char *msg, size_t pos)
{
    py_raise(ctx, RE_ERROR, "%s at position %lu", msg, (unsigned long)pos);
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

static bool is_group_name(const char *s, size_t len)
{
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        bool ok = c == '_' || c >= 0x80 || ((c | 32) >= 'a' && (c | 32) <= 'z') ||
                  (i > 0 && c >= '0' && c <= '9');
        if (!ok) {
            return false;
        }
    }
    return len > 0;
}

/* \g<name> or \g<number> at t[i] (i after "\g"); returns the group. */
static int template_group(py_ctx *ctx, const re_patobj *p, const char *t, size_t len, size_t *i)
{
    size_t start = *i;
    if (*i >= len || t[*i] != '<') {
        template_error(ctx, "missing <", start);
    }
    size_t name = ++*i;
    while (*i < len && t[*i] != '>') {
        ++*i;
    }
    if (*i >= len) {
        template_error(ctx, "missing >, unterminated name", name);
    }
    size_t nlen = (*i)++ - name;
    if (!nlen) {
        template_error(ctx, "missing group name", name);
    }
    bool numeric = true;
    intmax_t g = 0;
    for (size_t k = 0; k < nlen; k++) {
        numeric &= is_digit(t[name + k]);
        g = g < 100000 ? g * 10 + (t[name + k] - '0') : g;
    }
    if (!numeric && !is_group_name(t + name, nlen)) {
        py_raise(ctx, RE_ERROR, "bad character in group name '%S' at position %lu",
                 py_str_new(ctx, t + name, nlen), (unsigned long)name);
    }
    if (!numeric) {
        int idx = re_group_index(p->prog, t + name, nlen);
        if (idx < 0) {
            py_raise(ctx, &py_type_IndexError, "unknown group name '%s'",
                     py_str_get(ctx, py_str_new(ctx, t + name, nlen), &nlen));
        }
        return idx;
    }
    if (g > re_groups(p->prog)) {
        py_raise(ctx, RE_ERROR, "invalid group reference %ld at position %lu", (long)g,
                 (unsigned long)name);
    }
    return (int)g;
}

/* Octal or group-number escape starting at the digit t[*i]. Returns a group
 * number, or -1 - value for an octal character. */
static int template_digits(py_ctx *ctx, const re_patobj *p, const char *t, size_t len, size_t *i)
{
    size_t start = *i - 1;
    int v = t[*i] - '0';
    bool oct3 = *i + 2 < len + 0 && t[*i] <= '7' && t[*i + 1] >= '0' && t[*i + 1] <= '7' &&
                t[*i + 2] >= '0' && t[*i + 2] <= '7';
    if (t[*i] == '0' || oct3) {
        int n = 0, o = 0;
        while (n < 3 && *i < len && t[*i] >= '0' && t[*i] <= '7') {
            o = o * 8 + (t[(*i)++] - '0');
            n++;
        }
        if (o > 0377) {
            py_val text = py_str_new(ctx, t + start, *i - start);
            py_raise(ctx, RE_ERROR,
                     "octal escape value %S outside of range 0-0o377 at position %lu", text,
                     (unsigned long)start);
        }
        return -1 - o;
    }
    (*i)++;
    if (*i < len && is_digit(t[*i])) {
        v = v * 10 + (t[(*i)++] - '0');
    }
    if (v > re_groups(p->prog)) {
        py_raise(ctx, RE_ERROR, "invalid group reference %d at position %lu", v,
                 (unsigned long)(start + 1));
    }
    return v;
}

static char template_escape(char e)
{
    switch (e) {
    case 'a': return 7;
    case 'b': return 8;
    case 'f': return '\f';
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    case 'v': return '\v';
    case '\\': return '\\';
    default: return 0;
    }
}

static void flush_literal(py_ctx *ctx, py_val parts, mod_buf *lit, bool bytes)
{
    if (lit->len) {
        py_list_append(ctx, parts, bytes ? mb_to_bytes(ctx, lit) : mb_to_str(ctx, lit));
        lit->len = 0;
    }
}

static void put_code_point(py_ctx *ctx, mod_buf *b, unsigned v, bool bytes)
{
    if (bytes || v < 0x80) {
        mb_addc(ctx, b, (char)v);
    } else {
        mb_addc(ctx, b, (char)(0xc0 | v >> 6));
        mb_addc(ctx, b, (char)(0x80 | (v & 0x3f)));
    }
}

static py_val parse_template(py_ctx *ctx, const re_patobj *p, py_val repl)
{
    size_t len;
    const char *t = py_str_get(ctx, repl, &len);
    py_val parts = py_list_new(ctx, 0, NULL);
    mod_buf lit;
    mb_init(ctx, &lit, 16);
    for (size_t i = 0; i < len;) {
        if (t[i] != '\\' || i + 1 >= len) {
            mb_addc(ctx, &lit, t[i++]);
            continue;
        }
        char e = t[i + 1];
        int g = -1000;
        if (e == 'g') {
            i += 2;
            g = template_group(ctx, p, t, len, &i);
        } else if (is_digit(e)) {
            i += 1;
            g = template_digits(ctx, p, t, len, &i);
            if (g < 0) {
                put_code_point(ctx, &lit, (unsigned)(-1 - g), p->is_bytes);
                continue;
            }
        } else if (template_escape(e)) {
            mb_addc(ctx, &lit, template_escape(e));
            i += 2;
            continue;
        } else if ((e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z')) {
            py_raise(ctx, RE_ERROR, "bad escape \\%c at position %lu", e, (unsigned long)i);
        } else {
            mb_addc(ctx, &lit, '\\');
            mb_addc(ctx, &lit, e);
            i += 2;
            continue;
        }
        flush_literal(ctx, parts, &lit, p->is_bytes);
        py_list_append(ctx, parts, PY_MK_SMALL(g));
    }
    flush_literal(ctx, parts, &lit, p->is_bytes);
    return parts;
}

typedef struct subber {
    py_val pat, string, repl, parts; /* parts: parsed template, or PY_NULL for a callable */
    mod_buf out;
    size_t last, cpos, cend;
    intmax_t count, done;
} subber;

static void add_str(py_ctx *ctx, mod_buf *b, py_val v, bool bytes)
{
    size_t n;
    const py_type *t = py_type_of(v);
    bool ok = bytes ? (t == &py_type_bytes || t == &py_type_bytearray) : t == &py_type_str;
    if (!ok) {
        py_raise(ctx, &py_type_TypeError, "expected %s instance, %s found",
                 bytes ? "a bytes-like object" : "str", t->name);
    }
    const char *s = py_str_get(ctx, v, &n);
    mb_add(ctx, b, s, n);
}

static bool sub_one(py_ctx *ctx, void *arg, subject *sj, ptrdiff_t *spans)
{
    subber *s = arg;
    if (s->count > 0 && s->done >= s->count) {
        return false;
    }
    mb_add(ctx, &s->out, sj->s + s->last, (size_t)spans[0] - s->last);
    if (s->parts == PY_NULL) {
        py_val m = make_match(ctx, s->pat, s->string, spans, s->cpos, s->cend);
        add_str(ctx, &s->out, py_call(ctx, s->repl, 1, &m), sj->bytes);
    } else {
        py_list *l = PY_PTR(s->parts);
        for (size_t i = 0; i < l->len; i++) {
            py_val part = l->items[i];
            if (!PY_IS_SMALL(part)) {
                add_str(ctx, &s->out, part, sj->bytes);
                continue;
            }
            intptr_t g = PY_SMALL(part);
            if (spans[2 * g] >= 0) {
                mb_add(ctx, &s->out, sj->s + spans[2 * g],
                       (size_t)(spans[2 * g + 1] - spans[2 * g]));
            }
        }
    }
    s->last = (size_t)spans[1];
    s->done++;
    return true;
}

static py_val do_sub(py_ctx *ctx, py_val pat, py_val repl, py_val string, py_val count, bool n)
{
    re_patobj *p = PY_PTR(pat);
    subject sj;
    subject_init(ctx, &sj, string, p->is_bytes);
    subber s = {pat, string, repl, PY_NULL, {0}, 0, 0, to_char(&sj, sj.len), 0, 0};
    s.count = py_int_get(ctx, count);
    const py_type *rt = py_type_of(repl);
    if (rt == &py_type_str || rt == &py_type_bytes || rt == &py_type_bytearray) {
        if ((rt == &py_type_str) == p->is_bytes) {
            py_raise(ctx, &py_type_TypeError, "expected %s, got '%s'",
                     p->is_bytes ? "a bytes-like object" : "str", rt->name);
        }
        s.parts = parse_template(ctx, p, repl);
    }
    mb_init(ctx, &s.out, sj.len + 16);
    if (s.count >= 0) {
        for_each_match(ctx, p, &sj, 0, sj.len, sub_one, &s);
    }
    mb_add(ctx, &s.out, sj.s + s.last, sj.len - s.last);
    py_val r = sj.bytes ? mb_to_bytes(ctx, &s.out) : mb_to_str(ctx, &s.out);
    if (!n) {
        return r;
    }
    py_val t[2] = {r, py_int_from(ctx, s.done)};
    return py_tuple_new(ctx, 2, t);
}

/* ---- argument handling ---------------------------------------------------------- */

enum { A_PATTERN, A_STRING, A_REPL, A_COUNT, A_MAXSPLIT, A_POS, A_ENDPOS, A_FLAGS, A__N };

static py_qstr arg_name(py_ctx *ctx, int which)
{
    static const char *const names[A__N] = {"pattern",  "string", "repl",   "count",
                                            "maxsplit", "pos",    "endpos", "flags"};
    return py_qstr_from_cstr(ctx, names[which]);
}

/* Parses arguments given as a list of A_* names (required ones first). */
static void parse(py_ctx *ctx, size_t n, size_t nk, const py_val *args, const int *which,
                  size_t nwhich, size_t nreq, py_val *out)
{
    py_arg_spec spec[8];
    for (size_t i = 0; i < nwhich; i++) {
        py_val def = which[i] == A_ENDPOS ? PY_NONE : PY_MK_SMALL(0);
        spec[i] = (py_arg_spec){arg_name(ctx, which[i]), i < nreq ? PY_ARG_REQUIRED : 0,
                                i < nreq ? PY_NULL : def};
    }
    py_parse_args(ctx, n, nk, args, spec, nwhich, out);
}

static py_val pattern_of(py_ctx *ctx, py_val cache, py_val pattern, py_val flags)
{
    re_cache_obj *c = PY_PTR(cache);
    const py_type *t = py_type_of(pattern);
    if (t != &py_type_str && t != &py_type_bytes) {
        return compile_pattern(ctx, c, pattern, py_int_get(ctx, flags));
    }
    py_val kv[3] = {pattern, flags, PY_BOOL(t == &py_type_str)};
    py_val key = py_tuple_new(ctx, 3, kv);
    py_val p = py_dict_get(ctx, c->dict, key);
    if (p != PY_NULL) {
        return p;
    }
    p = compile_pattern(ctx, c, pattern, py_int_get(ctx, flags));
    if (py_len(ctx, c->dict) >= RE_CACHE_MAX) {
        c->dict = py_dict_new(ctx); /* simple and bounded: start over */
    }
    py_dict_set(ctx, c->dict, key, p);
    return p;
}

/* Module-level function bodies: fn(pattern, ..., flags=0). */
static py_val mod_match_mode(py_ctx *ctx, size_t n, size_t nk, const py_val *args, int mode)
{
    static const int w[] = {A_PATTERN, A_STRING, A_FLAGS};
    py_val v[3];
    parse(ctx, n - 1, nk, args + 1, w, 3, 2, v);
    return do_match(ctx, pattern_of(ctx, args[0], v[0], v[2]), v[1], PY_NULL, PY_NULL, mode);
}

static py_val re_search(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return mod_match_mode(ctx, n, nk, a, RE_SEARCH);
}
static PY_FUN_KWARGS(re_search_obj, "search", 3, re_search);

static py_val re_match(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return mod_match_mode(ctx, n, nk, a, RE_ANCHORED);
}
static PY_FUN_KWARGS(re_match_obj, "match", 3, re_match);

static py_val re_fullmatch(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return mod_match_mode(ctx, n, nk, a, RE_FULLMATCH);
}
static PY_FUN_KWARGS(re_fullmatch_obj, "fullmatch", 3, re_fullmatch);

static py_val mod_findall(py_ctx *ctx, size_t n, size_t nk, const py_val *args, bool it)
{
    static const int w[] = {A_PATTERN, A_STRING, A_FLAGS};
    py_val v[3];
    parse(ctx, n - 1, nk, args + 1, w, 3, 2, v);
    return do_findall(ctx, pattern_of(ctx, args[0], v[0], v[2]), v[1], PY_NULL, PY_NULL, it);
}

static py_val re_findall(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return mod_findall(ctx, n, nk, a, false);
}
static PY_FUN_KWARGS(re_findall_obj, "findall", 3, re_findall);

static py_val re_finditer(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return mod_findall(ctx, n, nk, a, true);
}
static PY_FUN_KWARGS(re_finditer_obj, "finditer", 3, re_finditer);

static py_val mod_sub(py_ctx *ctx, size_t n, size_t nk, const py_val *args, bool subn)
{
    static const int w[] = {A_PATTERN, A_REPL, A_STRING, A_COUNT, A_FLAGS};
    py_val v[5];
    parse(ctx, n - 1, nk, args + 1, w, 5, 3, v);
    return do_sub(ctx, pattern_of(ctx, args[0], v[0], v[4]), v[1], v[2], v[3], subn);
}

static py_val re_sub(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return mod_sub(ctx, n, nk, a, false);
}
static PY_FUN_KWARGS(re_sub_obj, "sub", 4, re_sub);

static py_val re_subn(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return mod_sub(ctx, n, nk, a, true);
}
static PY_FUN_KWARGS(re_subn_obj, "subn", 4, re_subn);

static py_val re_split(py_ctx *ctx, size_t n, size_t nk, const py_val *args)
{
    static const int w[] = {A_PATTERN, A_STRING, A_MAXSPLIT, A_FLAGS};
    py_val v[4];
    parse(ctx, n - 1, nk, args + 1, w, 4, 2, v);
    return do_split(ctx, pattern_of(ctx, args[0], v[0], v[3]), v[1], v[2]);
}
static PY_FUN_KWARGS(re_split_obj, "split", 3, re_split);

static py_val re_compile_fn(py_ctx *ctx, size_t n, size_t nk, const py_val *args)
{
    static const int w[] = {A_PATTERN, A_FLAGS};
    py_val v[2];
    parse(ctx, n - 1, nk, args + 1, w, 2, 1, v);
    return pattern_of(ctx, args[0], v[0], v[1]);
}
static PY_FUN_KWARGS(re_compile_obj, "compile", 2, re_compile_fn);

/* Escapes the characters special in patterns (as CPython 3.7+). */
static py_val re_escape(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    size_t len;
    const char *s = py_str_get(ctx, a[0], &len);
    bool bytes = py_type_of(a[0]) != &py_type_str;
    mod_buf b;
    mb_init(ctx, &b, len * 2 + 1);
    for (size_t i = 0; i < len; i++) {
        if (s[i] && strchr("()[]{}?*+-|^$\\.&~# \t\n\r\v\f", s[i])) {
            mb_addc(ctx, &b, '\\');
        }
        mb_addc(ctx, &b, s[i]);
    }
    return bytes ? mb_to_bytes(ctx, &b) : mb_to_str(ctx, &b);
}
static PY_FUN(re_escape_obj, "escape", 1, 1, re_escape);

static py_val re_purge(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    ((re_cache_obj *)PY_PTR(a[0]))->dict = py_dict_new(ctx);
    return PY_NONE;
}
static PY_FUN(re_purge_obj, "purge", 1, 1, re_purge);

/* ---- Pattern methods (self first) ---------------------------------------------- */

static py_val pat_match_mode(py_ctx *ctx, size_t n, size_t nk, const py_val *args, int mode)
{
    static const int w[] = {A_STRING, A_POS, A_ENDPOS};
    py_val v[3];
    parse(ctx, n - 1, nk, args + 1, w, 3, 1, v);
    return do_match(ctx, args[0], v[0], v[1], v[2], mode);
}

static py_val pat_search(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return pat_match_mode(ctx, n, nk, a, RE_SEARCH);
}
static PY_FUN_KWARGS(pat_search_obj, "search", 2, pat_search);

static py_val pat_match(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return pat_match_mode(ctx, n, nk, a, RE_ANCHORED);
}
static PY_FUN_KWARGS(pat_match_obj, "match", 2, pat_match);

static py_val pat_fullmatch(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return pat_match_mode(ctx, n, nk, a, RE_FULLMATCH);
}
static PY_FUN_KWARGS(pat_fullmatch_obj, "fullmatch", 2, pat_fullmatch);

static py_val pat_findall_mode(py_ctx *ctx, size_t n, size_t nk, const py_val *args, bool it)
{
    static const int w[] = {A_STRING, A_POS, A_ENDPOS};
    py_val v[3];
    parse(ctx, n - 1, nk, args + 1, w, 3, 1, v);
    return do_findall(ctx, args[0], v[0], v[1], v[2], it);
}

static py_val pat_findall(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return pat_findall_mode(ctx, n, nk, a, false);
}
static PY_FUN_KWARGS(pat_findall_obj, "findall", 2, pat_findall);

static py_val pat_finditer(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return pat_findall_mode(ctx, n, nk, a, true);
}
static PY_FUN_KWARGS(pat_finditer_obj, "finditer", 2, pat_finditer);

static py_val pat_sub_mode(py_ctx *ctx, size_t n, size_t nk, const py_val *args, bool subn)
{
    static const int w[] = {A_REPL, A_STRING, A_COUNT};
    py_val v[3];
    parse(ctx, n - 1, nk, args + 1, w, 3, 2, v);
    return do_sub(ctx, args[0], v[0], v[1], v[2], subn);
}

static py_val pat_sub(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return pat_sub_mode(ctx, n, nk, a, false);
}
static PY_FUN_KWARGS(pat_sub_obj, "sub", 3, pat_sub);

static py_val pat_subn(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return pat_sub_mode(ctx, n, nk, a, true);
}
static PY_FUN_KWARGS(pat_subn_obj, "subn", 3, pat_subn);

static py_val pat_split(py_ctx *ctx, size_t n, size_t nk, const py_val *args)
{
    static const int w[] = {A_STRING, A_MAXSPLIT};
    py_val v[2];
    parse(ctx, n - 1, nk, args + 1, w, 2, 1, v);
    return do_split(ctx, args[0], v[0], v[1]);
}
static PY_FUN_KWARGS(pat_split_obj, "split", 2, pat_split);

static const struct {
    unsigned bit;
    const char *name;
} flag_names[] = {
    {RE_IGNORECASE, "re.IGNORECASE"}, {4, "re.LOCALE"},           {RE_MULTILINE, "re.MULTILINE"},
    {RE_DOTALL, "re.DOTALL"},         {RE_UNICODE, "re.UNICODE"}, {RE_VERBOSE, "re.VERBOSE"},
    {RE_ASCII, "re.ASCII"},
};

static void pat_print(py_ctx *ctx, py_print *pr, py_val self, int kind)
{
    re_patobj *p = PY_PTR(self);
    unsigned flags = p->flags & (p->is_bytes ? ~0u : ~(unsigned)RE_UNICODE);
    py_printf(ctx, pr, "re.compile(%r", p->pattern);
    const char *sep = ", ";
    for (size_t i = 0; i < sizeof flag_names / sizeof *flag_names; i++) {
        if (flags & flag_names[i].bit) {
            py_printf(ctx, pr, "%s%s", sep, flag_names[i].name);
            sep = "|";
        }
    }
    py_print_str(pr, ")");
}

static bool pat_attr(py_ctx *ctx, py_val self, py_qstr name, int op, py_val *value)
{
    re_patobj *p = PY_PTR(self);
    const char *s = py_qstr_str(ctx, name, NULL);
    if (op != PY_ATTR_LOAD) {
        return false;
    }
    if (!strcmp(s, "pattern")) {
        *value = p->pattern;
    } else if (!strcmp(s, "flags")) {
        *value = PY_MK_SMALL(p->flags);
    } else if (!strcmp(s, "groups")) {
        *value = PY_MK_SMALL(re_groups(p->prog));
    } else if (!strcmp(s, "groupindex")) {
        *value = py_call(ctx, PY_OBJV(&py_type_dict), 1, &p->groupindex);
    } else {
        return false;
    }
    return true;
}

static py_val pat_binary_op(py_ctx *ctx, int op, py_val a, py_val b)
{
    if (op != PY_OP_EQ || py_type_of(a) != &re_Pattern_type || py_type_of(b) != &re_Pattern_type) {
        return PY_NULL;
    }
    re_patobj *x = PY_PTR(a), *y = PY_PTR(b);
    return PY_BOOL(x->flags == y->flags && x->is_bytes == y->is_bytes &&
                   py_equal(ctx, x->pattern, y->pattern));
}

static const py_attr_def pat_locals[] = {
    {"match", PY_OBJV(&pat_match_obj)},
    {"search", PY_OBJV(&pat_search_obj)},
    {"fullmatch", PY_OBJV(&pat_fullmatch_obj)},
    {"findall", PY_OBJV(&pat_findall_obj)},
    {"finditer", PY_OBJV(&pat_finditer_obj)},
    {"sub", PY_OBJV(&pat_sub_obj)},
    {"subn", PY_OBJV(&pat_subn_obj)},
    {"split", PY_OBJV(&pat_split_obj)},
    {NULL, 0},
};

const py_type re_Pattern_type = {
    {&py_type_type},
    "Pattern",
    0,
    NULL,
    pat_print,
    .binary_op = pat_binary_op,
    .attr = pat_attr,
    .locals = pat_locals,
};

/* ---- Match -------------------------------------------------------------------- */

static re_matchobj *self_match(py_val v)
{
    return PY_PTR(v);
}

/* Group number from an index or a name; IndexError("no such group"). */
static int group_number(py_ctx *ctx, re_matchobj *m, py_val g)
{
    intmax_t i;
    if (py_is_int(g) && py_int_get_checked(ctx, g, &i) && i >= 0 && i <= m->ngroups) {
        return (int)i;
    }
    if (py_type_of(g) == &py_type_str) {
        size_t len;
        const char *s = py_str_get(ctx, g, &len);
        int idx = re_group_index(((re_patobj *)PY_PTR(m->re))->prog, s, len);
        if (idx >= 0) {
            return idx;
        }
    }
    py_raise(ctx, &py_type_IndexError, "no such group");
}

static py_val group_value(py_ctx *ctx, re_matchobj *m, int g, py_val dflt)
{
    if (m->spans[2 * g] < 0) {
        return dflt;
    }
    subject sj;
    re_patobj *p = PY_PTR(m->re);
    subject_init(ctx, &sj, m->string, p->is_bytes);
    return substr(ctx, &sj, (size_t)m->spans[2 * g], (size_t)m->spans[2 * g + 1]);
}

static py_val m_group(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    re_matchobj *m = self_match(a[0]);
    if (n <= 2) {
        return group_value(ctx, m, n == 2 ? group_number(ctx, m, a[1]) : 0, PY_NONE);
    }
    py_val t = py_tuple_new(ctx, n - 1, NULL);
    for (size_t i = 1; i < n; i++) {
        ((py_tuple *)PY_PTR(t))->items[i - 1] =
            group_value(ctx, m, group_number(ctx, m, a[i]), PY_NONE);
    }
    return t;
}
static PY_FUN(m_group_obj, "group", 1, PY_ARGS_VAR, m_group);

static py_val default_arg(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    const py_arg_spec spec[] = {{py_qstr_from_cstr(ctx, "default"), 0, PY_NONE}};
    py_val v[1];
    py_parse_args(ctx, n - 1, nk, a + 1, spec, 1, v);
    return v[0];
}

static py_val m_groups(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    re_matchobj *m = self_match(a[0]);
    py_val dflt = default_arg(ctx, n, nk, a);
    py_val t = py_tuple_new(ctx, (size_t)m->ngroups, NULL);
    for (int g = 1; g <= m->ngroups; g++) {
        ((py_tuple *)PY_PTR(t))->items[g - 1] = group_value(ctx, m, g, dflt);
    }
    return t;
}
static PY_FUN_KWARGS(m_groups_obj, "groups", 1, m_groups);

static py_val m_groupdict(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    re_matchobj *m = self_match(a[0]);
    py_val dflt = default_arg(ctx, n, nk, a), d = py_dict_new(ctx);
    const re_prog *prog = ((re_patobj *)PY_PTR(m->re))->prog;
    const char *name;
    size_t len;
    for (int i = 0, g; (g = re_group_name(prog, i, &name, &len)) >= 0; i++) {
        py_dict_set(ctx, d, py_str_new(ctx, name, len), group_value(ctx, m, g, dflt));
    }
    return d;
}
static PY_FUN_KWARGS(m_groupdict_obj, "groupdict", 1, m_groupdict);

/* Character position of one end of group g (-1 if unmatched). */
static py_val group_pos(py_ctx *ctx, re_matchobj *m, int g, int which)
{
    ptrdiff_t b = m->spans[2 * g + which];
    if (b < 0) {
        return PY_MK_SMALL(-1);
    }
    subject sj;
    subject_init(ctx, &sj, m->string, ((re_patobj *)PY_PTR(m->re))->is_bytes);
    return py_int_from(ctx, (intmax_t)to_char(&sj, (size_t)b));
}

static int group_arg(py_ctx *ctx, re_matchobj *m, size_t n, const py_val *a)
{
    return n > 1 ? group_number(ctx, m, a[1]) : 0;
}

static py_val m_start(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    re_matchobj *m = self_match(a[0]);
    return group_pos(ctx, m, group_arg(ctx, m, n, a), 0);
}
static PY_FUN(m_start_obj, "start", 1, 2, m_start);

static py_val m_end(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    re_matchobj *m = self_match(a[0]);
    return group_pos(ctx, m, group_arg(ctx, m, n, a), 1);
}
static PY_FUN(m_end_obj, "end", 1, 2, m_end);

static py_val m_span(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    re_matchobj *m = self_match(a[0]);
    int g = group_arg(ctx, m, n, a);
    py_val t[2] = {group_pos(ctx, m, g, 0), group_pos(ctx, m, g, 1)};
    return py_tuple_new(ctx, 2, t);
}
static PY_FUN(m_span_obj, "span", 1, 2, m_span);

static py_val m_expand(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    re_matchobj *m = self_match(a[0]);
    re_patobj *p = PY_PTR(m->re);
    py_val parts = parse_template(ctx, p, a[1]);
    subject sj;
    subject_init(ctx, &sj, m->string, p->is_bytes);
    subber s = {m->re, m->string, a[1], parts, {0}, 0, m->pos, m->endpos, 0, 0};
    mb_init(ctx, &s.out, 16);
    /* Expand as a substitution of just this match, without the text around. */
    s.last = (size_t)m->spans[0];
    sub_one(ctx, &s, &sj, m->spans);
    return sj.bytes ? mb_to_bytes(ctx, &s.out) : mb_to_str(ctx, &s.out);
}
static PY_FUN(m_expand_obj, "expand", 2, 2, m_expand);

/* lastindex: the group that closed last (largest end; the outer group of
 * nested ones ending together). */
static int last_index(re_matchobj *m)
{
    int best = -1;
    for (int g = 1; g <= m->ngroups; g++) {
        if (m->spans[2 * g] >= 0 && (best < 0 || m->spans[2 * g + 1] > m->spans[2 * best + 1])) {
            best = g;
        }
    }
    return best;
}

static py_val last_group(py_ctx *ctx, re_matchobj *m)
{
    int g = last_index(m);
    const re_prog *prog = ((re_patobj *)PY_PTR(m->re))->prog;
    const char *name;
    size_t len;
    for (int i = 0, idx; g > 0 && (idx = re_group_name(prog, i, &name, &len)) >= 0; i++) {
        if (idx == g) {
            return py_str_new(ctx, name, len);
        }
    }
    return PY_NONE;
}

static bool m_attr(py_ctx *ctx, py_val self, py_qstr name, int op, py_val *value)
{
    re_matchobj *m = self_match(self);
    const char *s = py_qstr_str(ctx, name, NULL);
    if (op != PY_ATTR_LOAD) {
        return false;
    }
    if (!strcmp(s, "string")) {
        *value = m->string;
    } else if (!strcmp(s, "re")) {
        *value = m->re;
    } else if (!strcmp(s, "pos")) {
        *value = py_int_from(ctx, (intmax_t)m->pos);
    } else if (!strcmp(s, "endpos")) {
        *value = py_int_from(ctx, (intmax_t)m->endpos);
    } else if (!strcmp(s, "lastindex")) {
        int g = last_index(m);
        *value = g < 0 ? PY_NONE : PY_MK_SMALL(g);
    } else if (!strcmp(s, "lastgroup")) {
        *value = last_group(ctx, m);
    } else {
        return false;
    }
    return true;
}

static py_val m_subscr(py_ctx *ctx, py_val self, py_val index, py_val value)
{
    re_matchobj *m = self_match(self);
    if (value != PY_NULL) {
        py_raise(ctx, &py_type_TypeError, "'re.Match' object does not support item assignment");
    }
    return group_value(ctx, m, group_number(ctx, m, index), PY_NONE);
}

static void m_print(py_ctx *ctx, py_print *pr, py_val self, int kind)
{
    re_matchobj *m = self_match(self);
    py_printf(ctx, pr, "<re.Match object; span=(%S, %S), match=%r>", group_pos(ctx, m, 0, 0),
              group_pos(ctx, m, 0, 1), group_value(ctx, m, 0, PY_NONE));
}

static const py_attr_def m_locals[] = {
    {"group", PY_OBJV(&m_group_obj)},
    {"groups", PY_OBJV(&m_groups_obj)},
    {"groupdict", PY_OBJV(&m_groupdict_obj)},
    {"start", PY_OBJV(&m_start_obj)},
    {"end", PY_OBJV(&m_end_obj)},
    {"span", PY_OBJV(&m_span_obj)},
    {"expand", PY_OBJV(&m_expand_obj)},
    {NULL, 0},
};

const py_type re_Match_type = {
    {&py_type_type},    "Match", 0, NULL, m_print, .attr = m_attr, .subscr = m_subscr,
    .locals = m_locals,
};

static const py_attr_def cache_locals[] = {
    {"compile", PY_OBJV(&re_compile_obj)},
    {"search", PY_OBJV(&re_search_obj)},
    {"match", PY_OBJV(&re_match_obj)},
    {"fullmatch", PY_OBJV(&re_fullmatch_obj)},
    {"findall", PY_OBJV(&re_findall_obj)},
    {"finditer", PY_OBJV(&re_finditer_obj)},
    {"sub", PY_OBJV(&re_sub_obj)},
    {"subn", PY_OBJV(&re_subn_obj)},
    {"split", PY_OBJV(&re_split_obj)},
    {"purge", PY_OBJV(&re_purge_obj)},
    {NULL, 0},
};

static const py_type re_cache_type = {{&py_type_type}, "_re_cache", 0, .locals = cache_locals};

static void re_init(py_ctx *ctx, py_val module)
{
    re_cache_obj *c = py_obj_new(ctx, &re_cache_type, sizeof(re_cache_obj));
    c->dict = py_dict_new(ctx);
    py_val cache = PY_VAL(c);
    py_module_set(ctx, module, "_cache", cache);
    for (const py_attr_def *d = cache_locals; d->name; d++) {
        py_module_set(ctx, module, d->name,
                      py_getattr(ctx, cache, py_qstr_from_cstr(ctx, d->name)));
    }
}

static const py_attr_def re_attrs[] = {
    {"escape", PY_OBJV(&re_escape_obj)},
    {"error", PY_OBJV(RE_ERROR)},
    {"Pattern", PY_OBJV(&re_Pattern_type)},
    {"Match", PY_OBJV(&re_Match_type)},
    {"NOFLAG", PY_MK_SMALL(0)},
    {"A", PY_MK_SMALL(RE_ASCII)},
    {"ASCII", PY_MK_SMALL(RE_ASCII)},
    {"I", PY_MK_SMALL(RE_IGNORECASE)},
    {"IGNORECASE", PY_MK_SMALL(RE_IGNORECASE)},
    {"M", PY_MK_SMALL(RE_MULTILINE)},
    {"MULTILINE", PY_MK_SMALL(RE_MULTILINE)},
    {"S", PY_MK_SMALL(RE_DOTALL)},
    {"DOTALL", PY_MK_SMALL(RE_DOTALL)},
    {"U", PY_MK_SMALL(RE_UNICODE)},
    {"UNICODE", PY_MK_SMALL(RE_UNICODE)},
    {"X", PY_MK_SMALL(RE_VERBOSE)},
    {"VERBOSE", PY_MK_SMALL(RE_VERBOSE)},
    {NULL, 0},
};

const py_module_def py_mod_re = {"re", re_attrs, re_init};
