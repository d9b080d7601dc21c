/* The heapq module: binary min-heaps on Python lists. Comparisons may run
 * Python code that changes the list, so items are re-read after each one. */
#include "modutil.h"

static py_list *heap_list(py_ctx *ctx, py_val v, const char *fn)
{
    if (!py_isinstance(ctx, v, &py_type_list)) {
        py_raise(ctx, &py_type_TypeError, "%s() argument 1 must be list, not %s", fn,
                 py_type_of(v)->name);
    }
    return PY_PTR(v);
}

static bool less(py_ctx *ctx, py_val a, py_val b)
{
    return py_truthy(ctx, py_binary_op(ctx, PY_OP_LT, a, b));
}

static void check_size(py_ctx *ctx, py_list *l, size_t n)
{
    if (l->len != n) {
        py_raise(ctx, &py_type_RuntimeError, "list changed size during iteration");
    }
}

/* Moves the item at pos up towards start while it is smaller than its parent. */
static void sift_down(py_ctx *ctx, py_list *l, size_t start, size_t pos)
{
    size_t n = l->len;
    py_val item = l->items[pos];
    while (pos > start) {
        size_t parent = (pos - 1) / 2;
        py_val p = l->items[parent];
        bool lt = less(ctx, item, p);
        check_size(ctx, l, n);
        if (!lt) {
            break;
        }
        l->items[pos] = p;
        pos = parent;
    }
    l->items[pos] = item;
}

/* Sends the item at pos to a leaf along the smaller children, then sifts it
 * back up (the same comparison order as CPython, so results match). */
static void sift_up(py_ctx *ctx, py_list *l, size_t pos)
{
    size_t n = l->len, start = pos, child = 2 * pos + 1;
    py_val item = l->items[pos];
    while (child < n) {
        size_t right = child + 1;
        if (right < n) {
            bool lt = less(ctx, l->items[child], l->items[right]);
            check_size(ctx, l, n);
            if (!lt) {
                child = right;
            }
        }
        l->items[pos] = l->items[child];
        pos = child;
        child = 2 * pos + 1;
    }
    l->items[pos] = item;
    sift_down(ctx, l, start, pos);
}

static py_val heapq_heappush(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    py_list *l = heap_list(ctx, a[0], "heappush");
    py_list_append(ctx, a[0], a[1]);
    sift_down(ctx, l, 0, l->len - 1);
    return PY_NONE;
}
static PY_FUN(heapq_heappush_obj, "heappush", 2, 2, heapq_heappush);

static py_val pop_last(py_ctx *ctx, py_list *l)
{
    if (!l->len) {
        py_raise(ctx, &py_type_IndexError, "index out of range");
    }
    return l->items[--l->len];
}

static py_val heapq_heappop(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    py_list *l = heap_list(ctx, a[0], "heappop");
    py_val last = pop_last(ctx, l);
    if (!l->len) {
        return last;
    }
    py_val top = l->items[0];
    l->items[0] = last;
    sift_up(ctx, l, 0);
    return top;
}
static PY_FUN(heapq_heappop_obj, "heappop", 1, 1, heapq_heappop);

static py_val heapq_heapreplace(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    py_list *l = heap_list(ctx, a[0], "heapreplace");
    if (!l->len) {
        py_raise(ctx, &py_type_IndexError, "index out of range");
    }
    py_val top = l->items[0];
    l->items[0] = a[1];
    sift_up(ctx, l, 0);
    return top;
}
static PY_FUN(heapq_heapreplace_obj, "heapreplace", 2, 2, heapq_heapreplace);

static py_val heapq_heappushpop(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    py_list *l = heap_list(ctx, a[0], "heappushpop");
    if (!l->len || !less(ctx, l->items[0], a[1])) {
        return a[1];
    }
    py_val top = l->items[0];
    l->items[0] = a[1];
    sift_up(ctx, l, 0);
    return top;
}
static PY_FUN(heapq_heappushpop_obj, "heappushpop", 2, 2, heapq_heappushpop);

static py_val heapq_heapify(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    py_list *l = heap_list(ctx, a[0], "heapify");
    for (size_t i = l->len / 2; i-- > 0;) {
        sift_up(ctx, l, i);
    }
    return PY_NONE;
}
static PY_FUN(heapq_heapify_obj, "heapify", 1, 1, heapq_heapify);

/* sorted(iterable, key=key, reverse=reverse) */
static py_val sorted_list(py_ctx *ctx, py_val iterable, py_val key, bool reverse)
{
    py_val list = py_list_new(ctx, 0, NULL), it = py_iter(ctx, iterable), item;
    while ((item = py_next(ctx, it)) != PY_STOP) {
        py_list_append(ctx, list, item);
    }
    py_val kw[4] = {PY_MK_QSTR(PY_Q_key), key, PY_MK_QSTR(PY_Q_reverse), PY_BOOL(reverse)};
    py_call_kw(ctx, py_getattr(ctx, list, PY_Q_sort), 0, 2, kw);
    return list;
}

/* nsmallest / nlargest: documented as equivalent to sorted(...)[:n]. */
static py_val n_best(py_ctx *ctx, size_t n, size_t nk, const py_val *args, bool largest)
{
    const py_arg_spec spec[] = {
        {0, PY_ARG_REQUIRED, 0},
        {0, PY_ARG_REQUIRED, 0},
        {PY_Q_key, 0, PY_NONE},
    };
    py_val v[3];
    py_parse_args(ctx, n, nk, args, spec, 3, v);
    intmax_t count = py_int_get(ctx, v[0]);
    py_list *l = PY_PTR(sorted_list(ctx, v[1], v[2], largest));
    size_t k = count < 0 ? 0 : (size_t)count < l->len ? (size_t)count : l->len;
    return py_list_new(ctx, k, l->items);
}

static py_val heapq_nsmallest(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return n_best(ctx, n, nk, a, false);
}
static PY_FUN_KWARGS(heapq_nsmallest_obj, "nsmallest", 2, heapq_nsmallest);

static py_val heapq_nlargest(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return n_best(ctx, n, nk, a, true);
}
static PY_FUN_KWARGS(heapq_nlargest_obj, "nlargest", 2, heapq_nlargest);

/* merge(*iterables, key=None, reverse=False): for sorted inputs, a stable
 * sort of the concatenation gives the same sequence (eagerly). */
static py_val heapq_merge(py_ctx *ctx, size_t n, size_t nk, const py_val *args)
{
    py_val key = PY_NONE, all = py_list_new(ctx, 0, NULL);
    bool reverse = false;
    for (size_t i = 0; i < nk; i++) {
        py_qstr q = PY_QSTR(args[n + 2 * i]);
        if (q == PY_Q_key) {
            key = args[n + 2 * i + 1];
        } else if (q == PY_Q_reverse) {
            reverse = py_truthy(ctx, args[n + 2 * i + 1]);
        } else {
            py_raise(ctx, &py_type_TypeError, "merge() got an unexpected keyword argument '%q'", q);
        }
    }
    for (size_t i = 0; i < n; i++) {
        py_val it = py_iter(ctx, args[i]), item;
        while ((item = py_next(ctx, it)) != PY_STOP) {
            py_list_append(ctx, all, item);
        }
    }
    return py_iter(ctx, sorted_list(ctx, all, key, reverse));
}
static PY_FUN_KWARGS(heapq_merge_obj, "merge", 0, heapq_merge);

#define F(name)                             \
    {                                       \
#name, PY_OBJV(&heapq_##name##_obj) \
    }
static const py_attr_def heapq_attrs[] = {
    F(heappush),  F(heappop),  F(heapreplace), F(heappushpop), F(heapify),
    F(nsmallest), F(nlargest), F(merge),       {NULL, 0},
};
#undef F

const py_module_def py_mod_heapq = {"heapq", heapq_attrs, NULL};
