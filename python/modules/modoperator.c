/* The operator module: the operators as functions, plus itemgetter,
 * attrgetter and methodcaller. */
#include <string.h>

#include "modutil.h"

#define BINOP(name, op)                                                        \
    static py_val op_##name(py_ctx *ctx, size_t n, size_t nk, const py_val *a) \
    {                                                                          \
        return py_binary_op(ctx, op, a[0], a[1]);                              \
    }                                                                          \
    static PY_FUN(op_##name##_obj, #name, 2, 2, op_##name)

BINOP(add, PY_OP_ADD);
BINOP(sub, PY_OP_SUB);
BINOP(mul, PY_OP_MUL);
BINOP(matmul, PY_OP_MATMUL);
BINOP(truediv, PY_OP_TRUEDIV);
BINOP(floordiv, PY_OP_FLOORDIV);
BINOP(mod, PY_OP_MOD);
BINOP(pow, PY_OP_POW);
BINOP(lshift, PY_OP_LSHIFT);
BINOP(rshift, PY_OP_RSHIFT);
BINOP(and_, PY_OP_AND);
BINOP(or_, PY_OP_OR);
BINOP(xor, PY_OP_XOR);
BINOP(lt, PY_OP_LT);
BINOP(le, PY_OP_LE);
BINOP(eq, PY_OP_EQ);
BINOP(ne, PY_OP_NE);
BINOP(gt, PY_OP_GT);
BINOP(ge, PY_OP_GE);
BINOP(iadd, PY_OP_IADD);
BINOP(isub, PY_OP_ISUB);
BINOP(imul, PY_OP_IMUL);

#define UNOP(name, op)                                                         \
    static py_val op_##name(py_ctx *ctx, size_t n, size_t nk, const py_val *a) \
    {                                                                          \
        return py_unary_op(ctx, op, a[0]);                                     \
    }                                                                          \
    static PY_FUN(op_##name##_obj, #name, 1, 1, op_##name)

UNOP(neg, PY_OP_NEG);
UNOP(pos, PY_OP_POS);
UNOP(invert, PY_OP_INVERT);
UNOP(abs, PY_OP_ABS);

static py_val op_not_(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return PY_BOOL(!py_truthy(ctx, a[0]));
}
static PY_FUN(op_not__obj, "not_", 1, 1, op_not_);

static py_val op_truth(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return PY_BOOL(py_truthy(ctx, a[0]));
}
static PY_FUN(op_truth_obj, "truth", 1, 1, op_truth);

static py_val op_is_(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return PY_BOOL(a[0] == a[1]);
}
static PY_FUN(op_is__obj, "is_", 2, 2, op_is_);

static py_val op_is_not(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return PY_BOOL(a[0] != a[1]);
}
static PY_FUN(op_is_not_obj, "is_not", 2, 2, op_is_not);

static py_val op_contains(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return py_binary_op(ctx, PY_OP_IN, a[0], a[1]);
}
static PY_FUN(op_contains_obj, "contains", 2, 2, op_contains);

static py_val op_getitem(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return py_subscr(ctx, a[0], a[1], PY_NULL);
}
static PY_FUN(op_getitem_obj, "getitem", 2, 2, op_getitem);

static py_val op_setitem(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    py_subscr(ctx, a[0], a[1], a[2]);
    return PY_NONE;
}
static PY_FUN(op_setitem_obj, "setitem", 3, 3, op_setitem);

static py_val op_delitem(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    py_subscr(ctx, a[0], a[1], PY_STOP);
    return PY_NONE;
}
static PY_FUN(op_delitem_obj, "delitem", 2, 2, op_delitem);

static py_val op_index(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    if (!py_is_int(a[0])) {
        py_raise(ctx, &py_type_TypeError, "'%s' object cannot be interpreted as an integer",
                 py_type_of(a[0])->name);
    }
    return py_unary_op(ctx, PY_OP_INT, a[0]);
}
static PY_FUN(op_index_obj, "index", 1, 1, op_index);

/* ---- itemgetter / attrgetter / methodcaller ------------------------------------- */

typedef struct getter_obj {
    py_obj base;
    py_val items; /* tuple of keys, attribute names, or (name, args, kwargs) */
} getter_obj;

static py_val getter_items(py_val self, size_t *n)
{
    py_tuple *t = PY_PTR(((getter_obj *)PY_PTR(self))->items);
    *n = t->len;
    return PY_VAL(t);
}

static py_val itemgetter_call(py_ctx *ctx, py_val self, size_t n, size_t nk, const py_val *args)
{
    py_check_nargs(ctx, n + nk, 1, 1);
    size_t k;
    py_tuple *t = PY_PTR(getter_items(self, &k));
    if (k == 1) {
        return py_subscr(ctx, args[0], t->items[0], PY_NULL);
    }
    py_val r = py_tuple_new(ctx, k, NULL);
    for (size_t i = 0; i < k; i++) {
        ((py_tuple *)PY_PTR(r))->items[i] = py_subscr(ctx, args[0], t->items[i], PY_NULL);
    }
    return r;
}

/* Dotted attribute path: "a.b.c". */
static py_val get_path(py_ctx *ctx, py_val obj, py_val name)
{
    size_t len;
    const char *s = py_str_get(ctx, name, &len);
    for (size_t start = 0; start <= len;) {
        const char *dot = memchr(s + start, '.', len - start);
        size_t end = dot ? (size_t)(dot - s) : len;
        obj = py_getattr(ctx, obj, py_qstr_from(ctx, s + start, end - start));
        start = end + 1;
    }
    return obj;
}

static py_val attrgetter_call(py_ctx *ctx, py_val self, size_t n, size_t nk, const py_val *args)
{
    py_check_nargs(ctx, n + nk, 1, 1);
    size_t k;
    py_tuple *t = PY_PTR(getter_items(self, &k));
    if (k == 1) {
        return get_path(ctx, args[0], t->items[0]);
    }
    py_val r = py_tuple_new(ctx, k, NULL);
    for (size_t i = 0; i < k; i++) {
        ((py_tuple *)PY_PTR(r))->items[i] = get_path(ctx, args[0], t->items[i]);
    }
    return r;
}

static py_val methodcaller_call(py_ctx *ctx, py_val self, size_t n, size_t nk, const py_val *args)
{
    py_check_nargs(ctx, n + nk, 1, 1);
    size_t k;
    py_tuple *t = PY_PTR(getter_items(self, &k)); /* (name, nargs, nkw, args...) */
    py_val m = py_getattr(ctx, args[0], PY_QSTR(t->items[0]));
    size_t na = (size_t)PY_SMALL(t->items[1]), nkw = (size_t)PY_SMALL(t->items[2]);
    return py_call_kw(ctx, m, na, nkw, t->items + 3);
}

static void getter_print(py_ctx *ctx, py_print *p, py_val self, int kind)
{
    size_t k;
    py_tuple *t = PY_PTR(getter_items(self, &k));
    py_printf(ctx, p, "operator.%s(", py_type_of(self)->name);
    for (size_t i = 0; i < k; i++) {
        py_printf(ctx, p, "%s%r", i ? ", " : "", t->items[i]);
    }
    py_print_str(p, ")");
}

static const py_type op_itemgetter_type;
static const py_type op_attrgetter_type;

static py_val getter_new(py_ctx *ctx, const py_type *type, size_t n, size_t nk, const py_val *args)
{
    if (n < 1 || nk) {
        py_raise(ctx, &py_type_TypeError, "%s expected 1 argument, got %d", type->name, (int)n);
    }
    for (size_t i = 0; type == &op_attrgetter_type && i < n; i++) {
        if (py_type_of(args[i]) != &py_type_str) {
            py_raise(ctx, &py_type_TypeError, "attribute name must be a string");
        }
    }
    getter_obj *g = py_obj_new(ctx, type, sizeof(getter_obj));
    g->items = py_tuple_new(ctx, n, args);
    return PY_VAL(g);
}

static const py_type op_itemgetter_type = {{&py_type_type}, "itemgetter", 0,
                                           getter_new,      getter_print, .call = itemgetter_call};
static const py_type op_attrgetter_type = {{&py_type_type}, "attrgetter", 0,
                                           getter_new,      getter_print, .call = attrgetter_call};

static py_val methodcaller_new(py_ctx *ctx, const py_type *type, size_t n, size_t nk,
                               const py_val *args)
{
    if (n < 1 || py_type_of(args[0]) != &py_type_str) {
        py_raise(ctx, &py_type_TypeError, "method name must be a string");
    }
    size_t len;
    const char *name = py_str_get(ctx, args[0], &len);
    py_val *items = py_alloc(ctx, (3 + n - 1 + 2 * nk) * sizeof(py_val));
    items[0] = PY_MK_QSTR(py_qstr_from(ctx, name, len));
    items[1] = PY_MK_SMALL(n - 1);
    items[2] = PY_MK_SMALL(nk);
    memcpy(items + 3, args + 1, (n - 1 + 2 * nk) * sizeof(py_val));
    getter_obj *g = py_obj_new(ctx, type, sizeof(getter_obj));
    g->items = py_tuple_new(ctx, 3 + n - 1 + 2 * nk, items);
    return PY_VAL(g);
}

static const py_type op_methodcaller_type = {
    {&py_type_type}, "methodcaller", 0, methodcaller_new, .call = methodcaller_call};

#define F(name)                          \
    {                                    \
#name, PY_OBJV(&op_##name##_obj) \
    }
static const py_attr_def operator_attrs[] = {
    F(add),
    F(sub),
    F(mul),
    F(matmul),
    F(truediv),
    F(floordiv),
    F(mod),
    F(pow),
    F(lshift),
    F(rshift),
    F(and_),
    F(or_),
    F(xor),
    F(lt),
    F(le),
    F(eq),
    F(ne),
    F(gt),
    F(ge),
    F(iadd),
    F(isub),
    F(imul),
    F(neg),
    F(pos),
    F(invert),
    F(abs),
    F(not_),
    F(truth),
    F(is_),
    F(is_not),
    F(contains),
    F(getitem),
    F(setitem),
    F(delitem),
    F(index),
    {"inv", PY_OBJV(&op_invert_obj)},
    {"itemgetter", PY_OBJV(&op_itemgetter_type)},
    {"attrgetter", PY_OBJV(&op_attrgetter_type)},
    {"methodcaller", PY_OBJV(&op_methodcaller_type)},
    {NULL, 0},
};
#undef F

const py_module_def py_mod_operator = {"operator", operator_attrs, NULL};
