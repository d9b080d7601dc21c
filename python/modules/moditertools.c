/* The itertools module: lazy iterator building blocks (count, cycle, repeat,
 * accumulate, chain, compress, dropwhile, takewhile, filterfalse, islice,
 * starmap, pairwise, zip_longest, groupby) and the combinatoric iterators
 * (product, permutations, combinations, combinations_with_replacement),
 * producing the same sequences as CPython. */
#include <string.h>

#include "modutil.h"

/* One state layout shared by all the iterator types; each type uses the
 * fields it needs. */
typedef struct it_obj {
    py_obj base;
    py_val src;   /* source iterator */
    py_val func;  /* function / predicate / fill value */
    py_val cur;   /* current value, accumulator or saved item */
    py_val extra; /* list or tuple of sources / saved items / pool */
    intmax_t i, n, step, stop;
    int state;
    size_t *idx, *cyc; /* combinatoric indices */
    size_t r;
} it_obj;

#define ITER_TYPE(id, name, next_fn)                 \
    static py_val next_fn(py_ctx *ctx, py_val self); \
    static const py_type id = {{&py_type_type}, name, PY_TF_ITER_SELF, .iternext = next_fn}

static it_obj *new_it(py_ctx *ctx, const py_type *t)
{
    return py_obj_new(ctx, t, sizeof(it_obj));
}

static it_obj *self_it(py_val v)
{
    return PY_PTR(v);
}

static py_val list_of(py_ctx *ctx, py_val iterable)
{
    return py_call(ctx, PY_OBJV(&py_type_list), 1, &iterable);
}

static py_list *as_list(py_val v)
{
    return PY_PTR(v);
}

/* ---- count / cycle / repeat ------------------------------------------------------- */

ITER_TYPE(it_count_type, "count", count_next);

static py_val count_next(py_ctx *ctx, py_val self)
{
    it_obj *o = self_it(self);
    py_val v = o->cur;
    o->cur = py_binary_op(ctx, PY_OP_ADD, o->cur, o->func);
    return v;
}

static py_val itertools_count(py_ctx *ctx, size_t n, size_t nk, const py_val *args)
{
    const py_arg_spec spec[] = {
        {py_qstr_from_cstr(ctx, "start"), 0, PY_MK_SMALL(0)},
        {py_qstr_from_cstr(ctx, "step"), 0, PY_MK_SMALL(1)},
    };
    py_val v[2];
    py_parse_args(ctx, n, nk, args, spec, 2, v);
    it_obj *o = new_it(ctx, &it_count_type);
    o->cur = v[0];
    o->func = v[1];
    return PY_VAL(o);
}
static PY_FUN_KWARGS(itertools_count_obj, "count", 0, itertools_count);

ITER_TYPE(it_cycle_type, "cycle", cycle_next);

/* First pass: pass items through while saving them; then replay. */
static py_val cycle_next(py_ctx *ctx, py_val self)
{
    it_obj *o = self_it(self);
    if (!o->state) {
        py_val v = py_next(ctx, o->src);
        if (v != PY_STOP) {
            py_list_append(ctx, o->extra, v);
            return v;
        }
        o->state = 1;
    }
    py_list *l = as_list(o->extra);
    if (!l->len) {
        return PY_STOP;
    }
    py_val v = l->items[o->i % (intmax_t)l->len];
    o->i = (o->i + 1) % (intmax_t)l->len;
    return v;
}

static py_val itertools_cycle(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    it_obj *o = new_it(ctx, &it_cycle_type);
    o->src = py_iter(ctx, a[0]);
    o->extra = py_list_new(ctx, 0, NULL);
    return PY_VAL(o);
}
static PY_FUN(itertools_cycle_obj, "cycle", 1, 1, itertools_cycle);

static py_val repeat_next(py_ctx *ctx, py_val self);

static void repeat_print(py_ctx *ctx, py_print *p, py_val self, int kind)
{
    it_obj *o = self_it(self);
    py_printf(ctx, p, "repeat(%r", o->cur);
    if (o->n >= 0) {
        py_printf(ctx, p, ", %ld", (long)o->n);
    }
    py_print_str(p, ")");
}

static const py_type it_repeat_type = {
    {&py_type_type}, "repeat", PY_TF_ITER_SELF, NULL, repeat_print, .iternext = repeat_next};

static py_val repeat_next(py_ctx *ctx, py_val self)
{
    it_obj *o = self_it(self);
    if (o->n == 0) {
        return PY_STOP;
    }
    if (o->n > 0) {
        o->n--;
    }
    return o->cur;
}

static py_val itertools_repeat(py_ctx *ctx, size_t n, size_t nk, const py_val *args)
{
    const py_arg_spec spec[] = {
        {py_qstr_from_cstr(ctx, "object"), PY_ARG_REQUIRED, 0},
        {py_qstr_from_cstr(ctx, "times"), 0, PY_NONE},
    };
    py_val v[2];
    py_parse_args(ctx, n, nk, args, spec, 2, v);
    it_obj *o = new_it(ctx, &it_repeat_type);
    o->cur = v[0];
    o->n = v[1] == PY_NONE ? -1 : py_int_get(ctx, v[1]);
    o->n = v[1] != PY_NONE && o->n < 0 ? 0 : o->n;
    return PY_VAL(o);
}
static PY_FUN_KWARGS(itertools_repeat_obj, "repeat", 1, itertools_repeat);

/* ---- accumulate / chain / compress ------------------------------------------------- */

ITER_TYPE(it_accumulate_type, "accumulate", accumulate_next);

static py_val accumulate_next(py_ctx *ctx, py_val self)
{
    it_obj *o = self_it(self);
    if (o->state == 1) { /* the initial value comes first */
        o->state = 2;
        return o->cur;
    }
    py_val x = py_next(ctx, o->src);
    if (x == PY_STOP) {
        return PY_STOP;
    }
    if (o->state == 0) {
        o->state = 2;
        o->cur = x;
    } else if (o->func != PY_NONE) {
        py_val args[2] = {o->cur, x};
        o->cur = py_call(ctx, o->func, 2, args);
    } else {
        o->cur = py_binary_op(ctx, PY_OP_ADD, o->cur, x);
    }
    return o->cur;
}

static py_val itertools_accumulate(py_ctx *ctx, size_t n, size_t nk, const py_val *args)
{
    const py_arg_spec spec[] = {
        {py_qstr_from_cstr(ctx, "iterable"), PY_ARG_REQUIRED, 0},
        {py_qstr_from_cstr(ctx, "func"), 0, PY_NONE},
        {py_qstr_from_cstr(ctx, "initial"), PY_ARG_KWONLY, PY_NONE},
    };
    py_val v[3];
    py_parse_args(ctx, n, nk, args, spec, 3, v);
    it_obj *o = new_it(ctx, &it_accumulate_type);
    o->src = py_iter(ctx, v[0]);
    o->func = v[1];
    if (v[2] != PY_NONE) {
        o->cur = v[2];
        o->state = 1;
    }
    return PY_VAL(o);
}
static PY_FUN_KWARGS(itertools_accumulate_obj, "accumulate", 1, itertools_accumulate);

ITER_TYPE(it_chain_type, "chain", chain_next);

/* extra: iterator over the iterables; src: the current one (or NULL). */
static py_val chain_next(py_ctx *ctx, py_val self)
{
    it_obj *o = self_it(self);
    for (;;) {
        if (o->src == PY_NULL) {
            py_val next_iterable = py_next(ctx, o->extra);
            if (next_iterable == PY_STOP) {
                return PY_STOP;
            }
            o->src = py_iter(ctx, next_iterable);
        }
        py_val v = py_next(ctx, o->src);
        if (v != PY_STOP) {
            return v;
        }
        o->src = PY_NULL;
    }
}

static py_val make_chain(py_ctx *ctx, py_val iterables)
{
    it_obj *o = new_it(ctx, &it_chain_type);
    o->extra = py_iter(ctx, iterables);
    o->src = PY_NULL;
    return PY_VAL(o);
}

static py_val chain_from_iterable(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return make_chain(ctx, a[n - 1]);
}
static PY_FUN(chain_from_iterable_fun, "from_iterable", 1, 2, chain_from_iterable);
static PY_STATICMETHOD(chain_from_iterable_obj, chain_from_iterable_fun);

static py_val chain_make_new(py_ctx *ctx, const py_type *type, size_t n, size_t nk,
                             const py_val *args)
{
    return make_chain(ctx, py_tuple_new(ctx, n, args));
}

static const py_attr_def chain_locals[] = {
    {"from_iterable", PY_OBJV(&chain_from_iterable_obj)},
    {NULL, 0},
};

static const py_type it_chain_ctor_type = {
    {&py_type_type}, "chain", 0, chain_make_new, .locals = chain_locals};

ITER_TYPE(it_compress_type, "compress", compress_next);

static py_val compress_next(py_ctx *ctx, py_val self)
{
    it_obj *o = self_it(self);
    for (;;) {
        py_val d = py_next(ctx, o->src), s = d == PY_STOP ? PY_STOP : py_next(ctx, o->extra);
        if (s == PY_STOP) {
            return PY_STOP;
        }
        if (py_truthy(ctx, s)) {
            return d;
        }
    }
}

static py_val itertools_compress(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    it_obj *o = new_it(ctx, &it_compress_type);
    o->src = py_iter(ctx, a[0]);
    o->extra = py_iter(ctx, a[1]);
    return PY_VAL(o);
}
static PY_FUN(itertools_compress_obj, "compress", 2, 2, itertools_compress);

/* ---- predicate-driven -------------------------------------------------------------- */

static bool pred(py_ctx *ctx, py_val f, py_val v)
{
    return py_truthy(ctx, f == PY_NONE ? v : py_call(ctx, f, 1, &v));
}

ITER_TYPE(it_takewhile_type, "takewhile", takewhile_next);

static py_val takewhile_next(py_ctx *ctx, py_val self)
{
    it_obj *o = self_it(self);
    py_val v = o->state ? PY_STOP : py_next(ctx, o->src);
    if (v == PY_STOP || !pred(ctx, o->func, v)) {
        o->state = 1;
        return PY_STOP;
    }
    return v;
}

ITER_TYPE(it_dropwhile_type, "dropwhile", dropwhile_next);

static py_val dropwhile_next(py_ctx *ctx, py_val self)
{
    it_obj *o = self_it(self);
    for (;;) {
        py_val v = py_next(ctx, o->src);
        if (v == PY_STOP || o->state) {
            return v;
        }
        if (!pred(ctx, o->func, v)) {
            o->state = 1;
            return v;
        }
    }
}

ITER_TYPE(it_filterfalse_type, "filterfalse", filterfalse_next);

static py_val filterfalse_next(py_ctx *ctx, py_val self)
{
    it_obj *o = self_it(self);
    for (;;) {
        py_val v = py_next(ctx, o->src);
        if (v == PY_STOP || !pred(ctx, o->func, v)) {
            return v;
        }
    }
}

static py_val make_pred_it(py_ctx *ctx, const py_type *t, py_val f, py_val iterable)
{
    it_obj *o = new_it(ctx, t);
    o->func = f;
    o->src = py_iter(ctx, iterable);
    return PY_VAL(o);
}

static py_val itertools_takewhile(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return make_pred_it(ctx, &it_takewhile_type, a[0], a[1]);
}
static PY_FUN(itertools_takewhile_obj, "takewhile", 2, 2, itertools_takewhile);

static py_val itertools_dropwhile(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return make_pred_it(ctx, &it_dropwhile_type, a[0], a[1]);
}
static PY_FUN(itertools_dropwhile_obj, "dropwhile", 2, 2, itertools_dropwhile);

static py_val itertools_filterfalse(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return make_pred_it(ctx, &it_filterfalse_type, a[0], a[1]);
}
static PY_FUN(itertools_filterfalse_obj, "filterfalse", 2, 2, itertools_filterfalse);

ITER_TYPE(it_starmap_type, "starmap", starmap_next);

static py_val starmap_next(py_ctx *ctx, py_val self)
{
    it_obj *o = self_it(self);
    py_val v = py_next(ctx, o->src);
    if (v == PY_STOP) {
        return PY_STOP;
    }
    size_t n;
    py_val *items;
    mod_get_items(ctx, py_call(ctx, PY_OBJV(&py_type_tuple), 1, &v), &n, &items);
    return py_call(ctx, o->func, n, items);
}

static py_val itertools_starmap(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return make_pred_it(ctx, &it_starmap_type, a[0], a[1]);
}
static PY_FUN(itertools_starmap_obj, "starmap", 2, 2, itertools_starmap);

/* ---- islice / pairwise / zip_longest ------------------------------------------------ */

ITER_TYPE(it_islice_type, "islice", islice_next);

/* i: items consumed so far; n: index of the next item to yield. */
static py_val islice_next(py_ctx *ctx, py_val self)
{
    it_obj *o = self_it(self);
    if (o->stop >= 0 && o->n >= o->stop) {
        return PY_STOP;
    }
    while (o->i < o->n) {
        if (py_next(ctx, o->src) == PY_STOP) {
            o->stop = 0;
            return PY_STOP;
        }
        o->i++;
    }
    py_val v = py_next(ctx, o->src);
    if (v == PY_STOP) {
        o->stop = 0;
        return PY_STOP;
    }
    o->i++;
    o->n += o->step;
    return v;
}

static intmax_t slice_index(py_ctx *ctx, py_val v, intmax_t dflt, const char *msg)
{
    intmax_t x;
    if (v == PY_NONE) {
        return dflt;
    }
    if (!py_is_int(v) || !py_int_get_checked(ctx, v, &x) || x < 0) {
        py_raise(ctx, &py_type_ValueError, "%s", msg);
    }
    return x;
}

static py_val itertools_islice(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    static const char *const bad_stop =
        "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    static const char *const bad_index =
        "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
    it_obj *o = new_it(ctx, &it_islice_type);
    o->src = py_iter(ctx, a[0]);
    if (n == 2) {
        o->stop = slice_index(ctx, a[1], -1, bad_stop);
        o->step = 1;
        return PY_VAL(o);
    }
    o->n = slice_index(ctx, a[1], 0, bad_index);
    o->stop = slice_index(ctx, a[2], -1, bad_index);
    o->step = n > 3 ? slice_index(ctx, a[3], 1, bad_index) : 1;
    if (o->step == 0) {
        py_raise(ctx, &py_type_ValueError, "Step for islice() must be a positive integer or None.");
    }
    return PY_VAL(o);
}
static PY_FUN(itertools_islice_obj, "islice", 2, 4, itertools_islice);

ITER_TYPE(it_pairwise_type, "pairwise", pairwise_next);

static py_val pairwise_next(py_ctx *ctx, py_val self)
{
    it_obj *o = self_it(self);
    if (!o->state) {
        o->cur = py_next(ctx, o->src);
        o->state = 1;
    }
    if (o->cur == PY_STOP) {
        return PY_STOP;
    }
    py_val v = py_next(ctx, o->src);
    if (v == PY_STOP) {
        o->cur = PY_STOP;
        return PY_STOP;
    }
    py_val pair[2] = {o->cur, v};
    o->cur = v;
    return py_tuple_new(ctx, 2, pair);
}

static py_val itertools_pairwise(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    it_obj *o = new_it(ctx, &it_pairwise_type);
    o->src = py_iter(ctx, a[0]);
    return PY_VAL(o);
}
static PY_FUN(itertools_pairwise_obj, "pairwise", 1, 1, itertools_pairwise);

ITER_TYPE(it_zip_longest_type, "zip_longest", zip_longest_next);

/* extra: list of source iterators (PY_NONE once exhausted); n: active ones. */
static py_val zip_longest_next(py_ctx *ctx, py_val self)
{
    it_obj *o = self_it(self);
    py_list *its = as_list(o->extra);
    if (o->n == 0) {
        return PY_STOP;
    }
    py_val t = py_tuple_new(ctx, its->len, NULL);
    for (size_t i = 0; i < its->len; i++) {
        py_val v = its->items[i] == PY_NONE ? PY_STOP : py_next(ctx, its->items[i]);
        if (v == PY_STOP) {
            if (its->items[i] != PY_NONE) {
                its->items[i] = PY_NONE;
                o->n--;
            }
            v = o->func;
        }
        ((py_tuple *)PY_PTR(t))->items[i] = v;
    }
    return o->n == 0 ? PY_STOP : t;
}

static py_val itertools_zip_longest(py_ctx *ctx, size_t n, size_t nk, const py_val *args)
{
    it_obj *o = new_it(ctx, &it_zip_longest_type);
    o->func = PY_NONE;
    for (size_t k = 0; k < nk; k++) {
        if (strcmp(py_qstr_str(ctx, PY_QSTR(args[n + 2 * k]), NULL), "fillvalue")) {
            py_raise(ctx, &py_type_TypeError,
                     "zip_longest() got an unexpected keyword argument '%q'",
                     PY_QSTR(args[n + 2 * k]));
        }
        o->func = args[n + 2 * k + 1];
    }
    o->extra = py_list_new(ctx, 0, NULL);
    for (size_t i = 0; i < n; i++) {
        py_list_append(ctx, o->extra, py_iter(ctx, args[i]));
    }
    o->n = (intmax_t)n;
    return PY_VAL(o);
}
static PY_FUN_KWARGS(itertools_zip_longest_obj, "zip_longest", 0, itertools_zip_longest);

/* ---- groupby -------------------------------------------------------------------- */

/* The groupby object: cur = current value, func = key function, src =
 * source; extra = [current key, target key] once known; i = group id. */
typedef struct grouper_obj {
    py_obj base;
    py_val parent;
    intmax_t id;
    int started, done;
} grouper_obj;

ITER_TYPE(it_groupby_type, "groupby", groupby_next);
ITER_TYPE(it_grouper_type, "_grouper", grouper_next);

static py_val key_of(py_ctx *ctx, it_obj *g, py_val v)
{
    return g->func == PY_NONE ? v : py_call(ctx, g->func, 1, &v);
}

/* Reads the next source value into cur and its key; false at the end. */
static bool group_advance(py_ctx *ctx, it_obj *g)
{
    py_val v = py_next(ctx, g->src);
    if (v == PY_STOP) {
        return false;
    }
    g->cur = v;
    as_list(g->extra)->items[0] = key_of(ctx, g, v);
    g->state |= 1; /* a current key exists */
    return true;
}

static bool same_as_target(py_ctx *ctx, it_obj *g)
{
    py_list *k = as_list(g->extra);
    return (g->state & 2) && py_equal(ctx, k->items[0], k->items[1]);
}

static py_val groupby_next(py_ctx *ctx, py_val self)
{
    it_obj *g = self_it(self);
    g->i++; /* older groupers stop */
    while (!(g->state & 1) || same_as_target(ctx, g)) {
        if (!group_advance(ctx, g)) {
            return PY_STOP;
        }
    }
    py_list *k = as_list(g->extra);
    k->items[1] = k->items[0];
    g->state |= 2;
    grouper_obj *gr = py_obj_new(ctx, &it_grouper_type, sizeof(grouper_obj));
    gr->parent = self;
    gr->id = g->i;
    py_val pair[2] = {k->items[0], PY_VAL(gr)};
    return py_tuple_new(ctx, 2, pair);
}

static py_val grouper_next(py_ctx *ctx, py_val self)
{
    grouper_obj *gr = PY_PTR(self);
    it_obj *g = self_it(gr->parent);
    if (gr->done || g->i != gr->id) {
        return PY_STOP;
    }
    if (gr->started && !group_advance(ctx, g)) {
        gr->done = 1;
        return PY_STOP;
    }
    gr->started = 1;
    if (!same_as_target(ctx, g)) {
        gr->done = 1;
        return PY_STOP;
    }
    return g->cur;
}

static py_val itertools_groupby(py_ctx *ctx, size_t n, size_t nk, const py_val *args)
{
    const py_arg_spec spec[] = {
        {py_qstr_from_cstr(ctx, "iterable"), PY_ARG_REQUIRED, 0},
        {py_qstr_from_cstr(ctx, "key"), 0, PY_NONE},
    };
    py_val v[2];
    py_parse_args(ctx, n, nk, args, spec, 2, v);
    it_obj *g = new_it(ctx, &it_groupby_type);
    g->src = py_iter(ctx, v[0]);
    g->func = v[1];
    py_val keys[2] = {PY_NONE, PY_NONE};
    g->extra = py_list_new(ctx, 2, keys);
    return PY_VAL(g);
}
static PY_FUN_KWARGS(itertools_groupby_obj, "groupby", 1, itertools_groupby);

/* ---- combinatorics ------------------------------------------------------------------ */

/* The tuple of pool items at idx[0..r). */
static py_val pick(py_ctx *ctx, py_val pool, const size_t *idx, size_t r)
{
    py_val t = py_tuple_new(ctx, r, NULL);
    py_list *p = as_list(pool);
    for (size_t i = 0; i < r; i++) {
        ((py_tuple *)PY_PTR(t))->items[i] = p->items[idx[i]];
    }
    return t;
}

static size_t *new_indices(py_ctx *ctx, size_t n)
{
    size_t *idx = py_alloc_raw(ctx, (n + 1) * sizeof *idx);
    for (size_t i = 0; i < n; i++) {
        idx[i] = i;
    }
    return idx;
}

/* product: extra = list of pools (lists); cyc[k] = pool length per slot. */
ITER_TYPE(it_product_type, "product", product_next);

static py_val product_next(py_ctx *ctx, py_val self)
{
    it_obj *o = self_it(self);
    py_list *pools = as_list(o->extra);
    if (o->state == 2) {
        return PY_STOP;
    }
    if (o->state == 1) { /* odometer step from the right */
        size_t i = o->r;
        while (i > 0 && ++o->idx[i - 1] == o->cyc[i - 1]) {
            o->idx[--i] = 0;
        }
        if (i == 0) {
            o->state = 2;
            return PY_STOP;
        }
    }
    for (size_t i = 0; i < o->r; i++) {
        if (!o->cyc[i]) {
            o->state = 2;
            return PY_STOP;
        }
    }
    o->state = 1;
    py_val t = py_tuple_new(ctx, o->r, NULL);
    for (size_t i = 0; i < o->r; i++) {
        ((py_tuple *)PY_PTR(t))->items[i] = as_list(pools->items[i])->items[o->idx[i]];
    }
    return t;
}

static py_val itertools_product(py_ctx *ctx, size_t n, size_t nk, const py_val *args)
{
    intmax_t rep = 1;
    for (size_t k = 0; k < nk; k++) {
        if (strcmp(py_qstr_str(ctx, PY_QSTR(args[n + 2 * k]), NULL), "repeat")) {
            py_raise(ctx, &py_type_TypeError, "product() got an unexpected keyword argument '%q'",
                     PY_QSTR(args[n + 2 * k]));
        }
        rep = py_int_get(ctx, args[n + 2 * k + 1]);
    }
    if (rep < 0) {
        py_raise(ctx, &py_type_ValueError, "repeat argument cannot be negative");
    }
    it_obj *o = new_it(ctx, &it_product_type);
    o->extra = py_list_new(ctx, 0, NULL);
    py_val *pools = py_alloc(ctx, (n + 1) * sizeof(py_val));
    for (size_t i = 0; i < n; i++) {
        pools[i] = list_of(ctx, args[i]);
    }
    for (intmax_t r = 0; r < rep; r++) {
        for (size_t i = 0; i < n; i++) {
            py_list_append(ctx, o->extra, pools[i]);
        }
    }
    o->r = as_list(o->extra)->len;
    o->idx = py_alloc_raw(ctx, (o->r + 1) * sizeof(size_t));
    o->cyc = py_alloc_raw(ctx, (o->r + 1) * sizeof(size_t));
    for (size_t i = 0; i < o->r; i++) {
        o->idx[i] = 0;
        o->cyc[i] = as_list(as_list(o->extra)->items[i])->len;
    }
    return PY_VAL(o);
}
static PY_FUN_KWARGS(itertools_product_obj, "product", 0, itertools_product);

/* permutations: idx is a permutation of the pool indices, cyc counts down
 * the choices left at each position (the classic "cycles" method, which
 * yields lexicographic order of positions). */
ITER_TYPE(it_permutations_type, "permutations", permutations_next);

static bool permutation_step(it_obj *o)
{
    size_t n = (size_t)o->n, r = o->r;
    for (size_t i = r; i-- > 0;) {
        if (--o->cyc[i] == 0) {
            size_t first = o->idx[i];
            memmove(o->idx + i, o->idx + i + 1, (n - i - 1) * sizeof *o->idx);
            o->idx[n - 1] = first;
            o->cyc[i] = n - i;
        } else {
            size_t j = n - o->cyc[i], t = o->idx[i];
            o->idx[i] = o->idx[j];
            o->idx[j] = t;
            return true;
        }
    }
    return false;
}

static py_val permutations_next(py_ctx *ctx, py_val self)
{
    it_obj *o = self_it(self);
    if (o->state == 2 || o->r > (size_t)o->n) {
        return PY_STOP;
    }
    if (o->state == 1 && !permutation_step(o)) {
        o->state = 2;
        return PY_STOP;
    }
    o->state = 1;
    return pick(ctx, o->extra, o->idx, o->r);
}

static py_val itertools_permutations(py_ctx *ctx, size_t n, size_t nk, const py_val *args)
{
    const py_arg_spec spec[] = {
        {py_qstr_from_cstr(ctx, "iterable"), PY_ARG_REQUIRED, 0},
        {py_qstr_from_cstr(ctx, "r"), 0, PY_NONE},
    };
    py_val v[2];
    py_parse_args(ctx, n, nk, args, spec, 2, v);
    it_obj *o = new_it(ctx, &it_permutations_type);
    o->extra = list_of(ctx, v[0]);
    o->n = (intmax_t)as_list(o->extra)->len;
    intmax_t r = v[1] == PY_NONE ? o->n : py_int_get(ctx, v[1]);
    if (r < 0) {
        py_raise(ctx, &py_type_ValueError, "r must be non-negative");
    }
    o->r = (size_t)r;
    o->idx = new_indices(ctx, (size_t)o->n);
    o->cyc = py_alloc_raw(ctx, (o->r + 1) * sizeof(size_t));
    for (size_t i = 0; i < o->r && i < (size_t)o->n; i++) {
        o->cyc[i] = (size_t)o->n - i;
    }
    return PY_VAL(o);
}
static PY_FUN_KWARGS(itertools_permutations_obj, "permutations", 1, itertools_permutations);

/* combinations (state & 4: with replacement): idx is the current choice of
 * r pool indices, advanced like an odometer with ordering constraints. */
ITER_TYPE(it_combinations_type, "combinations", combinations_next);

static bool combination_step(it_obj *o, bool repl)
{
    size_t n = (size_t)o->n, r = o->r;
    size_t i = r;
    while (i > 0 && o->idx[i - 1] == (repl ? n - 1 : i - 1 + n - r)) {
        i--;
    }
    if (i == 0) {
        return false;
    }
    o->idx[i - 1]++;
    for (size_t j = i; j < r; j++) {
        o->idx[j] = repl ? o->idx[i - 1] : o->idx[j - 1] + 1;
    }
    return true;
}

static py_val combinations_next(py_ctx *ctx, py_val self)
{
    it_obj *o = self_it(self);
    bool repl = (o->state & 4) != 0;
    int st = o->state & 3;
    bool empty = repl ? (o->n == 0 && o->r > 0) : o->r > (size_t)o->n;
    if (st == 2 || empty) {
        return PY_STOP;
    }
    if (st == 1 && !combination_step(o, repl)) {
        o->state = (o->state & 4) | 2;
        return PY_STOP;
    }
    o->state = (o->state & 4) | 1;
    return pick(ctx, o->extra, o->idx, o->r);
}

static py_val make_combinations(py_ctx *ctx, size_t n, size_t nk, const py_val *args, bool repl)
{
    const py_arg_spec spec[] = {
        {py_qstr_from_cstr(ctx, "iterable"), PY_ARG_REQUIRED, 0},
        {py_qstr_from_cstr(ctx, "r"), PY_ARG_REQUIRED, 0},
    };
    py_val v[2];
    py_parse_args(ctx, n, nk, args, spec, 2, v);
    intmax_t r = py_int_get(ctx, v[1]);
    if (r < 0) {
        py_raise(ctx, &py_type_ValueError, "r must be non-negative");
    }
    it_obj *o = new_it(ctx, &it_combinations_type);
    o->extra = list_of(ctx, v[0]);
    o->n = (intmax_t)as_list(o->extra)->len;
    o->r = (size_t)r;
    o->state = repl ? 4 : 0;
    o->idx = py_alloc_raw(ctx, (o->r + 1) * sizeof(size_t));
    for (size_t i = 0; i < o->r; i++) {
        o->idx[i] = repl ? 0 : i;
    }
    return PY_VAL(o);
}

static py_val itertools_combinations(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return make_combinations(ctx, n, nk, a, false);
}
static PY_FUN_KWARGS(itertools_combinations_obj, "combinations", 2, itertools_combinations);

static py_val itertools_cwr(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return make_combinations(ctx, n, nk, a, true);
}
static PY_FUN_KWARGS(itertools_cwr_obj, "combinations_with_replacement", 2, itertools_cwr);

#define F(name)                                 \
    {                                           \
#name, PY_OBJV(&itertools_##name##_obj) \
    }
static const py_attr_def itertools_attrs[] = {
    F(count),
    F(cycle),
    F(repeat),
    F(accumulate),
    F(compress),
    F(takewhile),
    F(dropwhile),
    F(filterfalse),
    F(starmap),
    F(islice),
    F(pairwise),
    F(zip_longest),
    F(groupby),
    F(product),
    F(permutations),
    F(combinations),
    {"combinations_with_replacement", PY_OBJV(&itertools_cwr_obj)},
    {"chain", PY_OBJV(&it_chain_ctor_type)},
    {NULL, 0},
};
#undef F

const py_module_def py_mod_itertools = {"itertools", itertools_attrs, NULL};
