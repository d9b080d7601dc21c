/* Interned strings: built-in names from qstrdefs.h (const) plus names
 * interned at run time (identifiers of compiled code, attribute names),
 * found through one open-addressing hash index of 16-bit qstr numbers. */
#include "internal.h"

typedef struct qstatic {
    const char *s;
    uint8_t len;
} qstatic;

static const qstatic qstr_static[] = {
#define Q(id)     {#id, sizeof(#id) - 1},
#define QS(id, s) {s, sizeof(s) - 1},
#include "qstrdefs.h"
#undef Q
#undef QS
};

uint32_t py_hash_bytes(const char *s, size_t len)
{
    /* FNV-1a: cheap and good enough for identifier-like keys */
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < len; i++) {
        h = (h ^ (uint8_t)s[i]) * 16777619u;
    }
    return h == 0 ? 1 : h;
}

static py_qpool *pool_of(py_ctx *ctx, py_qstr q)
{
    py_qpool *p = ctx->qpool;
    while (p != NULL && q < p->first) {
        p = p->prev;
    }
    return p;
}

uint32_t py_qstr_hash(py_ctx *ctx, py_qstr q)
{
    if (q < PY_Q__COUNT) {
        return ctx->static_hash[q];
    }
    py_qpool *p = pool_of(ctx, q);
    return p->hash[q - p->first];
}

const char *py_qstr_str(py_ctx *ctx, py_qstr q, size_t *len)
{
    if (q < PY_Q__COUNT) {
        if (len != NULL) {
            *len = qstr_static[q].len;
        }
        return qstr_static[q].s;
    }
    py_qpool *p = pool_of(ctx, q);
    if (len != NULL) {
        *len = p->len[q - p->first];
    }
    return p->str[q - p->first];
}

static void index_insert(py_ctx *ctx, py_qstr q, uint32_t hash)
{
    uint32_t i = hash & ctx->qindex_mask;
    while (ctx->qindex[i] != 0) {
        i = (i + 1) & ctx->qindex_mask;
    }
    ctx->qindex[i] = q;
}

static void index_rebuild(py_ctx *ctx, uint32_t size)
{
    ctx->qindex = py_alloc_raw(ctx, size * sizeof(uint16_t));
    ctx->qindex_mask = size - 1;
    for (py_qstr q = 1; q < ctx->n_qstr; q++) {
        index_insert(ctx, q, py_qstr_hash(ctx, q));
    }
}

void py_qstr_init(py_ctx *ctx)
{
    ctx->static_hash = py_alloc_raw(ctx, PY_Q__COUNT * sizeof(uint32_t));
    for (unsigned q = 0; q < PY_Q__COUNT; q++) {
        ctx->static_hash[q] = py_hash_bytes(qstr_static[q].s, qstr_static[q].len);
    }
    ctx->n_qstr = PY_Q__COUNT;
    uint32_t size = 64;
    while (size < PY_Q__COUNT * 2u) {
        size *= 2;
    }
    index_rebuild(ctx, size);
}

py_qstr py_qstr_find(py_ctx *ctx, const char *s, size_t len, uint32_t hash)
{
    if (len == 0) {
        return 0;
    }
    uint32_t i = hash & ctx->qindex_mask;
    for (;;) {
        py_qstr q = ctx->qindex[i];
        if (q == 0) {
            return 0;
        }
        if (py_qstr_hash(ctx, q) == hash) {
            size_t ql;
            const char *qs = py_qstr_str(ctx, q, &ql);
            if (ql == len && memcmp(qs, s, len) == 0) {
                return q;
            }
        }
        i = (i + 1) & ctx->qindex_mask;
    }
}

static py_qpool *pool_grow(py_ctx *ctx)
{
    py_qpool *old = ctx->qpool;
    uint16_t cap = old == NULL ? 64 : old->cap * 2;
    py_qpool *p = py_alloc(ctx, sizeof(py_qpool));
    p->str = py_alloc(ctx, cap * sizeof(char *));
    p->hash = py_alloc_raw(ctx, cap * sizeof(uint32_t));
    p->len = py_alloc_raw(ctx, cap * sizeof(uint16_t));
    p->cap = cap;
    p->first = ctx->n_qstr;
    p->prev = old;
    ctx->qpool = p;
    return p;
}

py_qstr py_qstr_from(py_ctx *ctx, const char *s, size_t len)
{
    uint32_t hash = py_hash_bytes(s, len);
    py_qstr q = py_qstr_find(ctx, s, len, hash);
    if (q != 0 || len == 0) {
        return q;
    }
    if (ctx->n_qstr >= 0xfff0 || len > 0xffff) {
        py_raise(ctx, &py_type_RuntimeError, "too many names");
    }
    py_qpool *p = ctx->qpool;
    if (p == NULL || p->count == p->cap) {
        p = pool_grow(ctx);
    }
    char *copy = py_alloc_raw(ctx, len + 1);
    memcpy(copy, s, len);
    /* grow the index first so a MemoryError leaves the tables consistent */
    if ((uint32_t)(ctx->n_qstr + 1) * 2 > ctx->qindex_mask + 1) {
        index_rebuild(ctx, (ctx->qindex_mask + 1) * 2);
    }
    p->str[p->count] = copy;
    p->hash[p->count] = hash;
    p->len[p->count] = (uint16_t)len;
    p->count++;
    q = ctx->n_qstr++;
    index_insert(ctx, q, hash);
    return q;
}

py_qstr py_qstr_from_cstr(py_ctx *ctx, const char *s)
{
    return py_qstr_from(ctx, s, strlen(s));
}
