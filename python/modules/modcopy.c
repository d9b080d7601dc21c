/* The copy module: copy() and deepcopy() for the built-in containers and
 * class instances (with __copy__ / __deepcopy__ hooks). */
#include <string.h>

#include "modutil.h"

/* deepcopy recurses on the C stack: bounded nesting. */
#if UINTPTR_MAX > 0xffffffffu
#define COPY_MAX_DEPTH 500
#else
#define COPY_MAX_DEPTH 40
#endif

MOD_EXC(copy_error_type, "Error", &py_type_Exception);
#define COPY_ERROR MOD_EXC_REF(copy_error_type, &py_type_ValueError)

static bool is_atomic(py_val x)
{
    const py_type *t = py_type_of(x);
    return x == PY_NONE || t == &py_type_bool || t == &py_type_int || t == &py_type_float ||
           t == &py_type_complex || t == &py_type_str || t == &py_type_bytes ||
           t == &py_type_range || t == &py_type_type || t == &py_type_function ||
           t == &py_type_cfun || t == &py_type_bound_method || t == &py_type_frozenset ||
           t == &py_type_ellipsis || t == &py_type_notimpl;
}

static py_val hook(py_ctx *ctx, py_val x, const char *name)
{
    return py_getattr_opt(ctx, x, py_qstr_from_cstr(ctx, name));
}

/* A new instance of x's class without calling __init__, plus its state. */
static py_val new_instance(py_ctx *ctx, py_val x)
{
    py_val cls = PY_VAL(py_type_of(x));
    py_val y = py_call(ctx, py_getattr(ctx, cls, PY_Q___new__), 1, &cls);
    return y;
}

typedef struct deep_state deep_state;
static py_val deep(py_ctx *ctx, deep_state *st, py_val x);

/* Copies __slots__ attributes (deep-copying them when st is given). */
static void copy_slots(py_ctx *ctx, py_val from, py_val to, deep_state *st)
{
    py_val slots = hook(ctx, PY_VAL(py_type_of(from)), "__slots__");
    if (slots == PY_NULL) {
        return;
    }
    if (py_type_of(slots) == &py_type_str) {
        slots = py_tuple_new(ctx, 1, &slots);
    }
    py_val it = py_iter(ctx, slots), name;
    while ((name = py_next(ctx, it)) != PY_STOP) {
        size_t len;
        const char *s = py_str_get(ctx, name, &len);
        py_qstr q = py_qstr_from(ctx, s, len);
        py_val v = py_getattr_opt(ctx, from, q);
        if (v != PY_NULL) {
            py_setattr(ctx, to, q, st ? deep(ctx, st, v) : v);
        }
    }
}

static py_val copy_instance(py_ctx *ctx, py_val x, py_val state)
{
    py_val y = new_instance(ctx, x);
    if (state != PY_NULL) {
        py_val d = py_getattr(ctx, y, py_qstr_from_cstr(ctx, "__dict__"));
        py_call_method(ctx, d, py_qstr_from_cstr(ctx, "update"), 1, &state);
    }
    copy_slots(ctx, x, y, NULL);
    return y;
}

static py_val shallow(py_ctx *ctx, py_val x)
{
    const py_type *t = py_type_of(x);
    if (is_atomic(x) || t == &py_type_tuple) {
        return x;
    }
    py_val h = hook(ctx, x, "__copy__");
    if (h != PY_NULL) {
        return py_call(ctx, h, 0, NULL);
    }
    if (t == &py_type_list || t == &py_type_dict || t == &py_type_set || t == &py_type_bytearray) {
        return py_call(ctx, PY_OBJV(t), 1, &x);
    }
    if (t->flags & PY_TF_CLASS) {
        return copy_instance(ctx, x, hook(ctx, x, "__dict__"));
    }
    py_val c = hook(ctx, x, "copy"); /* OrderedDict, deque, Counter, defaultdict... */
    if (c != PY_NULL) {
        return py_call(ctx, c, 0, NULL);
    }
    py_raise(ctx, COPY_ERROR, "un(shallow)copyable object of type %s", t->name);
}

static py_val copy_copy(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return shallow(ctx, a[0]);
}
static PY_FUN(copy_copy_obj, "copy", 1, 1, copy_copy);

/* ---- deepcopy ------------------------------------------------------------------ */

struct deep_state {
    py_val memo; /* id(x) -> copy */
    int depth;
};

static py_val memo_key(py_ctx *ctx, py_val x)
{
    return py_int_from(ctx, (intmax_t)(uintptr_t)x);
}

static py_val deep_list(py_ctx *ctx, deep_state *st, py_val x)
{
    py_val y = py_list_new(ctx, 0, NULL);
    py_dict_set(ctx, st->memo, memo_key(ctx, x), y);
    for (size_t i = 0;; i++) {
        size_t n;
        py_val *items;
        mod_get_items(ctx, x, &n, &items); /* re-read: copying may run code */
        if (i >= n) {
            return y;
        }
        py_list_append(ctx, y, deep(ctx, st, items[i]));
    }
}

static py_val deep_tuple(py_ctx *ctx, deep_state *st, py_val x)
{
    size_t n;
    py_val *items;
    mod_get_items(ctx, x, &n, &items);
    py_val y = py_tuple_new(ctx, n, NULL);
    bool same = true;
    for (size_t i = 0; i < n; i++) {
        py_val v = deep(ctx, st, items[i]);
        same &= v == items[i];
        ((py_tuple *)PY_PTR(y))->items[i] = v;
    }
    py_val prior = py_dict_get(ctx, st->memo, memo_key(ctx, x));
    if (prior != PY_NULL) {
        return prior; /* a cycle through a mutable element made it already */
    }
    return same ? x : y;
}

static py_val deep_dict(py_ctx *ctx, deep_state *st, py_val x)
{
    py_val y = py_type_of(x) == &py_type_dict ? py_dict_new(ctx) : shallow(ctx, x);
    if (py_type_of(x) != &py_type_dict) {
        py_call_method(ctx, y, py_qstr_from_cstr(ctx, "clear"), 0, NULL);
    }
    py_dict_set(ctx, st->memo, memo_key(ctx, x), y);
    py_val items = py_call_method(ctx, x, PY_Q_items, 0, NULL);
    py_val it = py_iter(ctx, items), kv;
    while ((kv = py_next(ctx, it)) != PY_STOP) {
        py_tuple *t = PY_PTR(kv);
        py_subscr(ctx, y, deep(ctx, st, t->items[0]), deep(ctx, st, t->items[1]));
    }
    return y;
}

static py_val deep_instance(py_ctx *ctx, deep_state *st, py_val x)
{
    py_val y = new_instance(ctx, x);
    py_dict_set(ctx, st->memo, memo_key(ctx, x), y);
    py_val state = hook(ctx, x, "__dict__");
    if (state != PY_NULL) {
        py_val d = py_getattr(ctx, y, py_qstr_from_cstr(ctx, "__dict__"));
        py_val copied = deep(ctx, st, state);
        py_call_method(ctx, d, py_qstr_from_cstr(ctx, "update"), 1, &copied);
    }
    copy_slots(ctx, x, y, st);
    return y;
}

static py_val deep_dispatch(py_ctx *ctx, deep_state *st, py_val x)
{
    const py_type *t = py_type_of(x);
    py_val h = hook(ctx, x, "__deepcopy__");
    if (h != PY_NULL && !(t == &py_type_type)) {
        return py_call(ctx, h, 1, &st->memo);
    }
    if (t == &py_type_list) {
        return deep_list(ctx, st, x);
    }
    if (py_isinstance(ctx, x, &py_type_tuple) && !(t->flags & PY_TF_CLASS)) {
        return t == &py_type_tuple ? deep_tuple(ctx, st, x) : x;
    }
    if (py_isinstance(ctx, x, &py_type_dict) && !(t->flags & PY_TF_CLASS)) {
        return deep_dict(ctx, st, x);
    }
    if (t == &py_type_set || t == &py_type_bytearray) {
        py_val items = deep_list(ctx, st, py_call(ctx, PY_OBJV(&py_type_list), 1, &x));
        return py_call(ctx, PY_OBJV(t), 1, &items);
    }
    if (t->flags & PY_TF_CLASS) {
        return deep_instance(ctx, st, x);
    }
    return shallow(ctx, x);
}

static py_val deep(py_ctx *ctx, deep_state *st, py_val x)
{
    if (is_atomic(x)) {
        return x;
    }
    py_val seen = py_dict_get(ctx, st->memo, memo_key(ctx, x));
    if (seen != PY_NULL) {
        return seen;
    }
    if (++st->depth > COPY_MAX_DEPTH) {
        py_raise(ctx, &py_type_RecursionError, "maximum recursion depth exceeded in deepcopy");
    }
    py_val y = deep_dispatch(ctx, st, x);
    st->depth--;
    py_dict_set(ctx, st->memo, memo_key(ctx, x), y);
    return y;
}

static py_val copy_deepcopy(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    deep_state st = {n > 1 && a[1] != PY_NONE ? a[1] : py_dict_new(ctx), 0};
    if (!py_isinstance(ctx, st.memo, &py_type_dict)) {
        py_raise(ctx, &py_type_AttributeError, "'%s' object has no attribute 'get'",
                 py_type_of(st.memo)->name);
    }
    return deep(ctx, &st, a[0]);
}
static PY_FUN(copy_deepcopy_obj, "deepcopy", 1, 2, copy_deepcopy);

static const py_attr_def copy_attrs[] = {
    {"copy", PY_OBJV(&copy_copy_obj)},
    {"deepcopy", PY_OBJV(&copy_deepcopy_obj)},
    {"Error", PY_OBJV(COPY_ERROR)},
    {NULL, 0},
};

const py_module_def py_mod_copy = {"copy", copy_attrs, NULL};
