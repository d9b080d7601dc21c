/* The bisect module: binary search in sorted sequences (bisect_left/right,
 * insort_left/right, with lo, hi and key as CPython 3.10+). */
#include "modutil.h"

typedef struct bisect_args {
    py_val a, x, key;
    intmax_t lo, hi;
} bisect_args;

static void parse_bisect(py_ctx *ctx, size_t n, size_t nk, const py_val *args, bisect_args *b)
{
    const py_arg_spec spec[] = {
        {py_qstr_from_cstr(ctx, "a"), PY_ARG_REQUIRED, 0},
        {py_qstr_from_cstr(ctx, "x"), PY_ARG_REQUIRED, 0},
        {py_qstr_from_cstr(ctx, "lo"), 0, PY_MK_SMALL(0)},
        {py_qstr_from_cstr(ctx, "hi"), 0, PY_NONE},
        {py_qstr_from_cstr(ctx, "key"), PY_ARG_KWONLY, PY_NONE},
    };
    py_val v[5];
    py_parse_args(ctx, n, nk, args, spec, 5, v);
    b->a = v[0];
    b->x = v[1];
    b->key = v[4];
    b->lo = py_int_get(ctx, v[2]);
    if (b->lo < 0) {
        py_raise(ctx, &py_type_ValueError, "lo must be non-negative");
    }
    b->hi = v[3] == PY_NONE ? (intmax_t)py_len(ctx, v[0]) : py_int_get(ctx, v[3]);
}

/* First index in [lo, hi) where x should go: after equal items if right. */
static intmax_t search(py_ctx *ctx, const bisect_args *b, py_val x, bool right)
{
    intmax_t lo = b->lo, hi = b->hi;
    while (lo < hi) {
        intmax_t mid = lo + (hi - lo) / 2;
        py_val item = py_subscr(ctx, b->a, py_int_from(ctx, mid), PY_NULL);
        if (b->key != PY_NONE) {
            item = py_call(ctx, b->key, 1, &item);
        }
        bool go_right = right ? !py_truthy(ctx, py_binary_op(ctx, PY_OP_LT, x, item))
                              : py_truthy(ctx, py_binary_op(ctx, PY_OP_LT, item, x));
        if (go_right) {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    return lo;
}

static py_val do_bisect(py_ctx *ctx, size_t n, size_t nk, const py_val *args, bool right)
{
    bisect_args b;
    parse_bisect(ctx, n, nk, args, &b);
    return py_int_from(ctx, search(ctx, &b, b.x, right));
}

static py_val do_insort(py_ctx *ctx, size_t n, size_t nk, const py_val *args, bool right)
{
    bisect_args b;
    parse_bisect(ctx, n, nk, args, &b);
    py_val kx = b.key != PY_NONE ? py_call(ctx, b.key, 1, &b.x) : b.x;
    py_val at[2] = {py_int_from(ctx, search(ctx, &b, kx, right)), b.x};
    py_call_method(ctx, b.a, py_qstr_from_cstr(ctx, "insert"), 2, at);
    return PY_NONE;
}

static py_val bisect_right(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return do_bisect(ctx, n, nk, a, true);
}
static PY_FUN_KWARGS(bisect_right_obj, "bisect_right", 2, bisect_right);

static py_val bisect_left(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return do_bisect(ctx, n, nk, a, false);
}
static PY_FUN_KWARGS(bisect_left_obj, "bisect_left", 2, bisect_left);

static py_val insort_right(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return do_insort(ctx, n, nk, a, true);
}
static PY_FUN_KWARGS(insort_right_obj, "insort_right", 2, insort_right);

static py_val insort_left(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return do_insort(ctx, n, nk, a, false);
}
static PY_FUN_KWARGS(insort_left_obj, "insort_left", 2, insort_left);

static const py_attr_def bisect_attrs[] = {
    {"bisect_right", PY_OBJV(&bisect_right_obj)},
    {"bisect", PY_OBJV(&bisect_right_obj)},
    {"bisect_left", PY_OBJV(&bisect_left_obj)},
    {"insort_right", PY_OBJV(&insort_right_obj)},
    {"insort", PY_OBJV(&insort_right_obj)},
    {"insort_left", PY_OBJV(&insort_left_obj)},
    {NULL, 0},
};

const py_module_def py_mod_bisect = {"bisect", bisect_attrs, NULL};
