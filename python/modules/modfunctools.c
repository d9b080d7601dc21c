/* The functools module: reduce, partial, cmp_to_key, lru_cache/cache,
 * wraps/update_wrapper. */
#include <string.h>

#include "modutil.h"

/* ---- reduce ----------------------------------------------------------------- */

static py_val ft_reduce(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    py_val it = py_iter(ctx, a[1]), acc = n > 2 ? a[2] : PY_NULL, item;
    while ((item = py_next(ctx, it)) != PY_STOP) {
        if (acc == PY_NULL) {
            acc = item;
        } else {
            py_val args[2] = {acc, item};
            acc = py_call(ctx, a[0], 2, args);
        }
    }
    if (acc == PY_NULL) {
        py_raise(ctx, &py_type_TypeError, "reduce() of empty iterable with no initial value");
    }
    return acc;
}
static PY_FUN(ft_reduce_obj, "reduce", 2, 3, ft_reduce);

/* ---- partial ------------------------------------------------------------------ */

typedef struct partial_obj {
    py_obj base;
    py_val func, args, keywords; /* callable, tuple, dict */
} partial_obj;

extern const py_type ft_partial_type;

static py_val partial_make_new(py_ctx *ctx, const py_type *type, size_t n, size_t nk,
                               const py_val *args)
{
    if (n < 1) {
        py_raise(ctx, &py_type_TypeError, "type 'partial' takes at least one argument");
    }
    partial_obj *p = py_obj_new(ctx, type, sizeof(partial_obj));
    p->func = args[0];
    p->args = py_tuple_new(ctx, n - 1, args + 1);
    p->keywords = py_dict_new(ctx);
    for (size_t i = 0; i < nk; i++) {
        py_dict_set(ctx, p->keywords, args[n + 2 * i], args[n + 2 * i + 1]);
    }
    return PY_VAL(p);
}

/* func(*stored, *args, **{**stored_kw, **kw}) */
static py_val partial_call(py_ctx *ctx, py_val self, size_t n, size_t nk, const py_val *args)
{
    partial_obj *p = PY_PTR(self);
    size_t na;
    py_val *sa;
    mod_get_items(ctx, p->args, &na, &sa);
    py_val kw = py_call(ctx, PY_OBJV(&py_type_dict), 1, &p->keywords);
    for (size_t i = 0; i < nk; i++) {
        py_dict_set(ctx, kw, args[n + 2 * i], args[n + 2 * i + 1]);
    }
    py_dict *d = PY_PTR(kw);
    py_val *all = py_alloc(ctx, (na + n + 2 * d->used + 1) * sizeof(py_val));
    memcpy(all, sa, na * sizeof(py_val));
    if (n) {
        memcpy(all + na, args, n * sizeof(py_val));
    }
    size_t k = 0;
    for (uint32_t i = 0; i < d->fill; i++) {
        if (d->entries[i].key != PY_NULL) {
            all[na + n + 2 * k] = d->entries[i].key;
            all[na + n + 2 * k + 1] = d->entries[i].value;
            k++;
        }
    }
    return py_call_kw(ctx, p->func, na + n, k, all);
}

static bool partial_attr(py_ctx *ctx, py_val self, py_qstr name, int op, py_val *value)
{
    partial_obj *p = PY_PTR(self);
    const char *s = py_qstr_str(ctx, name, NULL);
    if (op != PY_ATTR_LOAD) {
        return false;
    }
    if (!strcmp(s, "func")) {
        *value = p->func;
    } else if (!strcmp(s, "args")) {
        *value = p->args;
    } else if (!strcmp(s, "keywords")) {
        *value = p->keywords;
    } else {
        return false;
    }
    return true;
}

static void partial_print(py_ctx *ctx, py_print *pr, py_val self, int kind)
{
    partial_obj *p = PY_PTR(self);
    size_t na;
    py_val *sa;
    mod_get_items(ctx, p->args, &na, &sa);
    py_printf(ctx, pr, "functools.partial(%r", p->func);
    for (size_t i = 0; i < na; i++) {
        py_printf(ctx, pr, ", %r", sa[i]);
    }
    py_dict *d = PY_PTR(p->keywords);
    for (uint32_t i = 0; i < d->fill; i++) {
        if (d->entries[i].key != PY_NULL) {
            py_printf(ctx, pr, ", %S=%r", d->entries[i].key, d->entries[i].value);
        }
    }
    py_print_str(pr, ")");
}

const py_type ft_partial_type = {
    {&py_type_type},      "partial",
    PY_TF_BASETYPE,       partial_make_new,
    partial_print,        .call = partial_call,
    .attr = partial_attr, .inst_size = sizeof(partial_obj),
};

/* ---- cmp_to_key ------------------------------------------------------------------ */

typedef struct cmpkey_obj {
    py_obj base;
    py_val func, obj;
} cmpkey_obj;

extern const py_type ft_key_type, ft_keyfunc_type;

static py_val key_binary(py_ctx *ctx, int op, py_val a, py_val b)
{
    if (py_type_of(a) != &ft_key_type || py_type_of(b) != &ft_key_type || op < PY_OP_LT ||
        op > PY_OP_GE) {
        return PY_NULL;
    }
    cmpkey_obj *x = PY_PTR(a), *y = PY_PTR(b);
    py_val args[2] = {x->obj, y->obj};
    py_val r = py_call(ctx, x->func, 2, args);
    return py_binary_op(ctx, op, r, PY_MK_SMALL(0)); /* compare cmp(a, b) with 0 */
}

static bool key_attr(py_ctx *ctx, py_val self, py_qstr name, int op, py_val *value)
{
    if (op == PY_ATTR_LOAD && !strcmp(py_qstr_str(ctx, name, NULL), "obj")) {
        *value = ((cmpkey_obj *)PY_PTR(self))->obj;
        return true;
    }
    return false;
}

static py_val key_unary(py_ctx *ctx, int op, py_val self)
{
    if (op == PY_OP_HASH) {
        py_raise(ctx, &py_type_TypeError, "unhashable type: 'functools.KeyWrapper'");
    }
    return PY_NULL;
}

const py_type ft_key_type = {
    {&py_type_type},         "KeyWrapper",     0, NULL, NULL, .unary_op = key_unary,
    .binary_op = key_binary, .attr = key_attr,
};

static py_val keyfunc_call(py_ctx *ctx, py_val self, size_t n, size_t nk, const py_val *args)
{
    py_check_nargs(ctx, n + nk, 1, 1);
    cmpkey_obj *k = py_obj_new(ctx, &ft_key_type, sizeof(cmpkey_obj));
    k->func = ((cmpkey_obj *)PY_PTR(self))->func;
    k->obj = args[0];
    return PY_VAL(k);
}

const py_type ft_keyfunc_type = {{&py_type_type}, "cmp_to_key", 0, .call = keyfunc_call};

static py_val ft_cmp_to_key(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    cmpkey_obj *k = py_obj_new(ctx, &ft_keyfunc_type, sizeof(cmpkey_obj));
    k->func = a[0];
    k->obj = PY_NONE;
    return PY_VAL(k);
}
static PY_FUN(ft_cmp_to_key_obj, "cmp_to_key", 1, 1, ft_cmp_to_key);

/* ---- lru_cache -------------------------------------------------------------------- */

typedef struct lru_obj {
    py_obj base;
    py_val func, cache; /* dict in recency order: oldest first */
    intptr_t maxsize;   /* -1: unbounded */
    uintptr_t hits, misses;
} lru_obj;

extern const py_type ft_lru_type, ft_lru_maker_type;

/* Key: the positional arguments, then a marker and the keyword pairs. */
static py_val lru_key(py_ctx *ctx, size_t n, size_t nk, const py_val *args)
{
    py_val *k = py_alloc(ctx, (n + 1 + 2 * nk + 1) * sizeof(py_val));
    memcpy(k, args, n * sizeof(py_val));
    size_t len = n;
    if (nk) {
        k[len++] = PY_OBJV(&ft_lru_type); /* unique marker */
        memcpy(k + len, args + n, 2 * nk * sizeof(py_val));
        len += 2 * nk;
    }
    return py_tuple_new(ctx, len, k);
}

static py_val lru_call(py_ctx *ctx, py_val self, size_t n, size_t nk, const py_val *args)
{
    lru_obj *c = PY_PTR(self);
    py_val key = lru_key(ctx, n, nk, args);
    py_val v = py_dict_get(ctx, c->cache, key);
    if (v != PY_NULL) {
        c->hits++;
        if (c->maxsize > 0) { /* most recently used goes last */
            py_subscr(ctx, c->cache, key, PY_STOP);
            py_dict_set(ctx, c->cache, key, v);
        }
        return v;
    }
    c->misses++;
    v = py_call_kw(ctx, c->func, n, nk, args);
    if (c->maxsize != 0) {
        py_dict *d = PY_PTR(c->cache);
        if (c->maxsize > 0 && d->used >= (uint32_t)c->maxsize) {
            for (uint32_t i = 0; i < d->fill; i++) {
                if (d->entries[i].key != PY_NULL) {
                    py_subscr(ctx, c->cache, d->entries[i].key, PY_STOP); /* evict oldest */
                    break;
                }
            }
        }
        py_dict_set(ctx, c->cache, key, v);
    }
    return v;
}

/* cache_info(): a CacheInfo(hits, misses, maxsize, currsize) tuple. */
static const char *const info_names[] = {"hits", "misses", "maxsize", "currsize"};

static void info_print(py_ctx *ctx, py_print *p, py_val self, int kind)
{
    py_tuple *t = PY_PTR(self);
    py_print_str(p, "CacheInfo(");
    for (int i = 0; i < 4; i++) {
        py_printf(ctx, p, "%s%s=%r", i ? ", " : "", info_names[i], t->items[i]);
    }
    py_print_str(p, ")");
}

static bool info_attr(py_ctx *ctx, py_val self, py_qstr name, int op, py_val *value)
{
    const char *s = py_qstr_str(ctx, name, NULL);
    for (int i = 0; op == PY_ATTR_LOAD && i < 4; i++) {
        if (!strcmp(s, info_names[i])) {
            *value = ((py_tuple *)PY_PTR(self))->items[i];
            return true;
        }
    }
    return false;
}

static const py_type ft_cacheinfo_type = {
    {&py_type_type},
    "CacheInfo",
    0,
    NULL,
    info_print,
    .attr = info_attr,
    .base_type = &py_type_tuple,
    .binary_op = mod_tuple_binary,
};

static py_val lru_cache_info(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    lru_obj *c = PY_PTR(a[0]);
    py_val fields[4] = {py_int_from_u(ctx, c->hits), py_int_from_u(ctx, c->misses),
                        c->maxsize < 0 ? PY_NONE : py_int_from(ctx, c->maxsize),
                        py_int_from(ctx, (intmax_t)py_len(ctx, c->cache))};
    py_val t = py_tuple_new(ctx, 4, fields);
    ((py_obj *)PY_PTR(t))->type = &ft_cacheinfo_type;
    return t;
}
static PY_FUN(lru_cache_info_obj, "cache_info", 1, 1, lru_cache_info);

static py_val lru_cache_clear(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    lru_obj *c = PY_PTR(a[0]);
    c->cache = py_dict_new(ctx);
    c->hits = c->misses = 0;
    return PY_NONE;
}
static PY_FUN(lru_cache_clear_obj, "cache_clear", 1, 1, lru_cache_clear);

static bool lru_attr(py_ctx *ctx, py_val self, py_qstr name, int op, py_val *value)
{
    lru_obj *c = PY_PTR(self);
    const char *s = py_qstr_str(ctx, name, NULL);
    if (op != PY_ATTR_LOAD) {
        return false;
    }
    if (!strcmp(s, "__wrapped__")) {
        *value = c->func;
        return true;
    }
    if (!strcmp(s, "__name__") || !strcmp(s, "__qualname__") || !strcmp(s, "__doc__") ||
        !strcmp(s, "__module__")) {
        py_val v = py_getattr_opt(ctx, c->func, name);
        *value = v == PY_NULL ? PY_NONE : v;
        return true;
    }
    return false;
}

static const py_attr_def lru_locals[] = {
    {"cache_info", PY_OBJV(&lru_cache_info_obj)},
    {"cache_clear", PY_OBJV(&lru_cache_clear_obj)},
    {NULL, 0},
};

const py_type ft_lru_type = {
    {&py_type_type},  "_lru_cache_wrapper", 0, NULL, NULL, .call = lru_call,
    .attr = lru_attr, .locals = lru_locals,
};

static py_val lru_wrap(py_ctx *ctx, py_val func, intptr_t maxsize)
{
    lru_obj *c = py_obj_new(ctx, &ft_lru_type, sizeof(lru_obj));
    c->func = func;
    c->cache = py_dict_new(ctx);
    c->maxsize = maxsize;
    return PY_VAL(c);
}

/* The decorator returned by lru_cache(maxsize): it holds the size. */
typedef struct lru_maker {
    py_obj base;
    intptr_t maxsize;
} lru_maker;

static py_val maker_call(py_ctx *ctx, py_val self, size_t n, size_t nk, const py_val *args)
{
    py_check_nargs(ctx, n + nk, 1, 1);
    return lru_wrap(ctx, args[0], ((lru_maker *)PY_PTR(self))->maxsize);
}

const py_type ft_lru_maker_type = {{&py_type_type}, "lru_cache", 0, .call = maker_call};

/* lru_cache(maxsize=128, typed=False), or @lru_cache directly on a function. */
static py_val ft_lru_cache(py_ctx *ctx, size_t n, size_t nk, const py_val *args)
{
    const py_arg_spec spec[] = {
        {py_qstr_from_cstr(ctx, "maxsize"), 0, PY_MK_SMALL(128)},
        {py_qstr_from_cstr(ctx, "typed"), 0, PY_FALSE},
    };
    py_val v[2];
    py_parse_args(ctx, n, nk, args, spec, 2, v);
    if (v[0] != PY_NONE && !py_is_int(v[0])) {
        return lru_wrap(ctx, v[0], 128); /* used as @lru_cache */
    }
    intmax_t m = v[0] == PY_NONE ? -1 : py_int_get(ctx, v[0]);
    lru_maker *mk = py_obj_new(ctx, &ft_lru_maker_type, sizeof(lru_maker));
    mk->maxsize = v[0] == PY_NONE ? -1 : m < 0 ? 0 : (intptr_t)m;
    return PY_VAL(mk);
}
static PY_FUN_KWARGS(ft_lru_cache_obj, "lru_cache", 0, ft_lru_cache);

static py_val ft_cache(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return lru_wrap(ctx, a[0], -1);
}
static PY_FUN(ft_cache_obj, "cache", 1, 1, ft_cache);

/* ---- wraps / update_wrapper --------------------------------------------------------- */

static const char *const wrapper_attrs[] = {"__module__", "__name__", "__qualname__", "__doc__"};

static py_val update_wrapper(py_ctx *ctx, py_val wrapper, py_val wrapped)
{
    for (size_t i = 0; i < sizeof wrapper_attrs / sizeof *wrapper_attrs; i++) {
        py_qstr q = py_qstr_from_cstr(ctx, wrapper_attrs[i]);
        py_val v = py_getattr_opt(ctx, wrapped, q);
        if (v != PY_NULL) {
            py_setattr(ctx, wrapper, q, v);
        }
    }
    py_setattr(ctx, wrapper, py_qstr_from_cstr(ctx, "__wrapped__"), wrapped);
    return wrapper;
}

static py_val ft_update_wrapper(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return update_wrapper(ctx, a[0], a[1]);
}
static PY_FUN(ft_update_wrapper_obj, "update_wrapper", 2, 2, ft_update_wrapper);

typedef struct wraps_obj {
    py_obj base;
    py_val wrapped;
} wraps_obj;

static py_val wraps_call(py_ctx *ctx, py_val self, size_t n, size_t nk, const py_val *args)
{
    py_check_nargs(ctx, n + nk, 1, 1);
    return update_wrapper(ctx, args[0], ((wraps_obj *)PY_PTR(self))->wrapped);
}

static const py_type ft_wraps_type = {{&py_type_type}, "wraps", 0, .call = wraps_call};

static py_val ft_wraps(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    wraps_obj *w = py_obj_new(ctx, &ft_wraps_type, sizeof(wraps_obj));
    w->wrapped = a[0];
    return PY_VAL(w);
}
static PY_FUN(ft_wraps_obj, "wraps", 1, 1, ft_wraps);

static const py_attr_def functools_attrs[] = {
    {"reduce", PY_OBJV(&ft_reduce_obj)},
    {"partial", PY_OBJV(&ft_partial_type)},
    {"cmp_to_key", PY_OBJV(&ft_cmp_to_key_obj)},
    {"lru_cache", PY_OBJV(&ft_lru_cache_obj)},
    {"cache", PY_OBJV(&ft_cache_obj)},
    {"wraps", PY_OBJV(&ft_wraps_obj)},
    {"update_wrapper", PY_OBJV(&ft_update_wrapper_obj)},
    {NULL, 0},
};

const py_module_def py_mod_functools = {"functools", functools_attrs, NULL};
