/* list, tuple, range, slice and the iterator builtins (enumerate, zip,
 * map, filter, reversed). */
#include "internal.h"

/* --- slices ---------------------------------------------------------------------- */

typedef struct py_slice {
    py_obj base;
    py_val start, stop, step;
} py_slice;

static intptr_t slice_bound(py_ctx *ctx, py_val v, intptr_t len, intptr_t def, bool neg_step)
{
    if (v == PY_NONE) {
        return def;
    }
    intmax_t i;
    if (!py_int_get_checked(ctx, v, &i)) {
        i = py_int_sign(v) < 0 ? -(intmax_t)len - 1 : (intmax_t)len + 1;
    }
    if (i < 0) {
        i += len;
        if (i < 0) {
            i = neg_step ? -1 : 0;
        }
    } else if (i >= len) {
        i = neg_step ? len - 1 : len;
    }
    return (intptr_t)i;
}

/* Normalised (start, stop, step) of a slice against len, like slice.indices(). */
static void slice_triple(py_ctx *ctx, py_val slice, size_t len, intptr_t *start, intptr_t *stop,
                         intptr_t *step)
{
    py_slice *s = PY_PTR(slice);
    intptr_t st = 1;
    if (s->step != PY_NONE) {
        st = (intptr_t)py_int_get(ctx, s->step);
        if (st == 0) {
            py_raise(ctx, &py_type_ValueError, "slice step cannot be zero");
        }
    }
    intptr_t n = (intptr_t)len;
    *start = slice_bound(ctx, s->start, n, st > 0 ? 0 : n - 1, st < 0);
    *stop = slice_bound(ctx, s->stop, n, st > 0 ? n : -1, st < 0);
    *step = st;
}

size_t py_slice_indices(py_ctx *ctx, py_val slice, size_t len, intptr_t *start, intptr_t *step)
{
    py_slice *s = PY_PTR(slice);
    intptr_t st = 1;
    if (s->step != PY_NONE) {
        st = (intptr_t)py_int_get(ctx, s->step);
        if (st == 0) {
            py_raise(ctx, &py_type_ValueError, "slice step cannot be zero");
        }
    }
    intptr_t n = (intptr_t)len;
    intptr_t a = slice_bound(ctx, s->start, n, st > 0 ? 0 : n - 1, st < 0);
    intptr_t b = slice_bound(ctx, s->stop, n, st > 0 ? n : -1, st < 0);
    *start = a;
    *step = st;
    if (st > 0) {
        return b > a ? (size_t)((b - a + st - 1) / st) : 0;
    }
    return a > b ? (size_t)((a - b - st - 1) / -st) : 0;
}

static void slice_print(py_ctx *ctx, py_print *p, py_val self, int kind)
{
    py_slice *s = PY_PTR(self);
    py_printf(ctx, p, "slice(%r, %r, %r)", s->start, s->stop, s->step);
}

py_val py_slice_new(py_ctx *ctx, py_val start, py_val stop, py_val step)
{
    py_slice *s = py_obj_new(ctx, &py_type_slice, sizeof(py_slice));
    s->start = start;
    s->stop = stop;
    s->step = step;
    return PY_VAL(s);
}

static py_val slice_make_new(py_ctx *ctx, const py_type *type, size_t n_args, size_t n_kw,
                             const py_val *args)
{
    py_check_nargs(ctx, n_args, 1, 3);
    if (n_args == 1) {
        return py_slice_new(ctx, PY_NONE, args[0], PY_NONE);
    }
    return py_slice_new(ctx, args[0], args[1], n_args == 3 ? args[2] : PY_NONE);
}

static py_val slice_indices_m(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    intmax_t len = py_int_get(ctx, args[1]);
    if (len < 0) {
        py_raise(ctx, &py_type_ValueError, "length should not be negative");
    }
    intptr_t a, b, c;
    slice_triple(ctx, args[0], (size_t)len, &a, &b, &c);
    py_val t[3] = {PY_MK_SMALL(a), PY_MK_SMALL(b), PY_MK_SMALL(c)};
    return py_tuple_new(ctx, 3, t);
}
static PY_FUN(slice_indices_obj, "indices", 2, 2, slice_indices_m);

static const py_attr_def slice_locals[] = {
    {"indices", PY_OBJV(&slice_indices_obj)},
    {NULL, 0},
};

static bool slice_attr(py_ctx *ctx, py_val self, py_qstr name, int op, py_val *value)
{
    py_slice *s = PY_PTR(self);
    if (op != PY_ATTR_LOAD) {
        return false;
    }
    if (name == PY_Q_start || name == PY_Q_stop || name == PY_Q_step) {
        *value = name == PY_Q_start ? s->start : name == PY_Q_stop ? s->stop : s->step;
        return true;
    }
    return false;
}

static py_val slice_binary_op(py_ctx *ctx, int op, py_val a, py_val b)
{
    if ((op != PY_OP_EQ && op != PY_OP_NE) || py_type_of(a) != &py_type_slice ||
        py_type_of(b) != &py_type_slice) {
        return PY_NULL;
    }
    py_slice *x = PY_PTR(a), *y = PY_PTR(b);
    bool eq = py_equal(ctx, x->start, y->start) && py_equal(ctx, x->stop, y->stop) &&
              py_equal(ctx, x->step, y->step);
    return PY_BOOL(eq == (op == PY_OP_EQ));
}

const py_type py_type_slice = {{&py_type_type},
                               "slice",
                               0,
                               slice_make_new,
                               slice_print,
                               .binary_op = slice_binary_op,
                               .attr = slice_attr,
                               .locals = slice_locals};

/* --- tuple ------------------------------------------------------------------------ */

py_val py_tuple_new(py_ctx *ctx, size_t n, const py_val *items)
{
    if (n == 0 && items == NULL) {
        /* fallthrough: small allocation anyway */
    }
    py_tuple *t = py_alloc(ctx, sizeof(py_tuple) + n * sizeof(py_val));
    t->base.type = &py_type_tuple;
    t->len = n;
    if (items != NULL) {
        py_vcopy(t->items, items, n);
    }
    return PY_VAL(t);
}

static void print_seq(py_ctx *ctx, py_print *p, const py_val *items, size_t n, const char *open,
                      const char *close, bool tuple1)
{
    py_print_str(p, open);
    for (size_t i = 0; i < n; i++) {
        if (i > 0) {
            py_print_str(p, ", ");
        }
        py_print_val(ctx, p, items[i], PY_PRINT_REPR);
    }
    if (tuple1 && n == 1) {
        py_print_str(p, ",");
    }
    py_print_str(p, close);
}

static void tuple_print(py_ctx *ctx, py_print *p, py_val self, int kind)
{
    py_tuple *t = PY_PTR(self);
    print_seq(ctx, p, t->items, t->len, "(", ")", true);
}

py_val py_tuple_from_iter(py_ctx *ctx, py_val iterable)
{
    if (py_type_of(iterable) == &py_type_tuple) {
        return iterable;
    }
    py_val l = py_list_from_iter(ctx, iterable);
    py_list *lp = PY_PTR(l);
    return py_tuple_new(ctx, lp->len, lp->items);
}

static py_val tuple_make_new(py_ctx *ctx, const py_type *type, size_t n_args, size_t n_kw,
                             const py_val *args)
{
    py_check_nargs(ctx, n_args, 0, 1);
    if (n_args == 0) {
        return py_tuple_new(ctx, 0, NULL);
    }
    return py_tuple_from_iter(ctx, args[0]);
}

static uintptr_t seq_hash(py_ctx *ctx, const py_val *items, size_t n)
{
    uintptr_t h = 0x345678;
    for (size_t i = 0; i < n; i++) {
        h = (h ^ (uintptr_t)py_hash(ctx, items[i])) * 1000003u;
    }
    return h ^ n;
}

static py_val seq_unary(py_ctx *ctx, int op, const py_val *items, size_t n, bool tuple)
{
    switch (op) {
    case PY_OP_BOOL: return PY_BOOL(n != 0);
    case PY_OP_LEN: return PY_MK_SMALL(n);
    case PY_OP_HASH:
        if (!tuple) {
            py_raise(ctx, &py_type_TypeError, "unhashable type: 'list'");
        }
        return PY_MK_SMALL((intptr_t)(seq_hash(ctx, items, n) >> 2));
    default: return PY_NULL;
    }
}

static py_val tuple_unary_op(py_ctx *ctx, int op, py_val self)
{
    py_tuple *t = PY_PTR(self);
    return seq_unary(ctx, op, t->items, t->len, true);
}

/* The built-in type of v, looking through a class derived from list or tuple. */
static const py_type *seq_native(py_val v)
{
    const py_type *t = py_type_of(v);
    return (t->flags & PY_TF_CLASS) && t->base_type != NULL ? t->base_type : t;
}

static py_val seq_binop(py_ctx *ctx, int op, py_val a, py_val b, const py_type *type)
{
    if (op >= PY_OP_IADD && op <= PY_OP_IXOR && type == &py_type_tuple) {
        op -= PY_INPLACE_DELTA;
    }
    size_t an, bn;
    py_val *ai, *bi;
    switch (op) {
    case PY_OP_ADD:
        if (seq_native(a) != type || seq_native(b) != type) {
            return PY_NULL;
        }
        py_get_items(ctx, a, &an, &ai);
        py_get_items(ctx, b, &bn, &bi);
        {
            py_val r = type == &py_type_tuple ? py_tuple_new(ctx, an + bn, NULL)
                                              : py_list_new(ctx, an + bn, NULL);
            py_val *ri;
            size_t rn;
            py_get_items(ctx, r, &rn, &ri);
            py_get_items(ctx, a, &an, &ai);
            py_get_items(ctx, b, &bn, &bi);
            py_vcopy(ri, ai, an);
            py_vcopy(ri + an, bi, bn);
            return r;
        }
    case PY_OP_MUL: {
        py_val seq = seq_native(a) == type ? a : b;
        py_val cnt = seq == a ? b : a;
        if (!py_is_int(cnt)) {
            return PY_NULL;
        }
        intmax_t k = py_int_get(ctx, cnt);
        if (k < 0) {
            k = 0;
        }
        py_get_items(ctx, seq, &an, &ai);
        if (an != 0 && (uintmax_t)k > ((size_t)1 << 28) / an) {
            py_raise(ctx, &py_type_MemoryError, NULL);
        }
        py_val r = type == &py_type_tuple ? py_tuple_new(ctx, an * (size_t)k, NULL)
                                          : py_list_new(ctx, an * (size_t)k, NULL);
        py_val *ri;
        size_t rn;
        py_get_items(ctx, r, &rn, &ri);
        py_get_items(ctx, seq, &an, &ai);
        for (intmax_t i = 0; i < k; i++) {
            py_vcopy(ri + i * an, ai, an);
        }
        return r;
    }
    case PY_OP_IN:
        py_get_items(ctx, a, &an, &ai);
        for (size_t i = 0; i < an; i++) {
            if (ai[i] == b || py_equal(ctx, ai[i], b)) {
                return PY_TRUE;
            }
            py_get_items(ctx, a, &an, &ai);
        }
        return PY_FALSE;
    case PY_OP_LT:
    case PY_OP_GT:
    case PY_OP_EQ:
    case PY_OP_NE:
    case PY_OP_LE:
    case PY_OP_GE:
        if (!py_isinstance(ctx, a, type) || !py_isinstance(ctx, b, type)) {
            return PY_NULL;
        }
        py_get_items(ctx, a, &an, &ai);
        py_get_items(ctx, b, &bn, &bi);
        return PY_BOOL(py_cmp_list(ctx, op, ai, an, bi, bn));
    }
    return PY_NULL;
}

static py_val tuple_binary_op(py_ctx *ctx, int op, py_val a, py_val b)
{
    return seq_binop(ctx, op, a, b, &py_type_tuple);
}

static py_val seq_getslice(py_ctx *ctx, py_val self, py_val index, bool tuple)
{
    size_t n;
    py_val *items;
    py_get_items(ctx, self, &n, &items);
    intptr_t start, step;
    size_t count = py_slice_indices(ctx, index, n, &start, &step);
    py_val r = tuple ? py_tuple_new(ctx, count, NULL) : py_list_new(ctx, count, NULL);
    py_val *ri;
    size_t rn;
    py_get_items(ctx, r, &rn, &ri);
    py_get_items(ctx, self, &n, &items);
    for (size_t i = 0; i < count; i++) {
        ri[i] = items[start + (intptr_t)i * step];
    }
    return r;
}

static py_val tuple_subscr(py_ctx *ctx, py_val self, py_val index, py_val value)
{
    if (value != PY_NULL) {
        py_raise(ctx, &py_type_TypeError, "'tuple' object does not support item assignment");
    }
    py_tuple *t = PY_PTR(self);
    if (PY_IS_SMALL(index)) {
        intptr_t i = PY_SMALL(index);
        if (i < 0) {
            i += (intptr_t)t->len;
        }
        if (i >= 0 && (size_t)i < t->len) {
            return t->items[i];
        }
    }
    if (py_type_of(index) == &py_type_slice) {
        return seq_getslice(ctx, self, index, true);
    }
    return t->items[py_index(ctx, index, t->len, "tuple")];
}

typedef struct seq_iter {
    py_obj base;
    py_val seq;
    size_t pos;
} seq_iter;

static py_val list_iternext(py_ctx *ctx, py_val self)
{
    seq_iter *it = PY_PTR(self);
    size_t n;
    py_val *items;
    py_get_items(ctx, it->seq, &n, &items);
    if (it->pos >= n) {
        return PY_STOP;
    }
    return items[it->pos++];
}

static const py_type list_iter_type = {
    {&py_type_type}, "list_iterator", PY_TF_ITER_SELF, .iternext = list_iternext};
static const py_type tuple_iter_type = {
    {&py_type_type}, "tuple_iterator", PY_TF_ITER_SELF, .iternext = list_iternext};

static py_val seq_getiter(py_ctx *ctx, py_val self)
{
    seq_iter *it =
        py_obj_new(ctx, py_type_of(self) == &py_type_list ? &list_iter_type : &tuple_iter_type,
                   sizeof(seq_iter));
    it->seq = self;
    return PY_VAL(it);
}

static py_val seq_index(py_ctx *ctx, size_t n_args, size_t n_kw, const py_val *args)
{
    size_t n;
    py_val *items;
    py_get_items(ctx, args[0], &n, &items);
    intmax_t st = n_args > 2 ? py_int_get(ctx, args[2]) : 0;
    intmax_t e = n_args > 3 ? py_int_get(ctx, args[3]) : (intmax_t)n;
    if (st < 0) {
        st = st + (intmax_t)n < 0 ? 0 : st + (intmax_t)n;
    }
    if (e < 0) {
        e += (intmax_t)n;
    }
    for (intmax_t i = st; i < e && (size_t)i < n; i++) {
        if (items[i] == args[1] || py_equal(ctx, items[i], args[1])) {
            return PY_MK_SMALL(i);
        }
        py_get_items(ctx, args[0], &n, &items);
    }
    if (py_isinstance(ctx, args[0], &py_type_list)) {
        py_raise(ctx, &py_type_ValueError, "%r is not in list", args[1]);
    }
    py_raise(ctx, &py_type_ValueError, "tuple.index(x): x not in tuple");
}

static py_val seq_count(py_ctx *ctx, size_t n_args, size_t n_kw, const py_val *args)
{
    size_t n, c = 0;
    py_val *items;
    py_get_items(ctx, args[0], &n, &items);
    for (size_t i = 0; i < n; i++) {
        c += items[i] == args[1] || py_equal(ctx, items[i], args[1]);
        py_get_items(ctx, args[0], &n, &items);
    }
    return PY_MK_SMALL(c);
}

static PY_FUN(seq_index_obj, "index", 2, 4, seq_index);
static PY_FUN(seq_count_obj, "count", 2, 2, seq_count);

static const py_attr_def tuple_locals[] = {
    {"index", PY_OBJV(&seq_index_obj)},
    {"count", PY_OBJV(&seq_count_obj)},
    {NULL, 0},
};

const py_type py_type_tuple = {
    {&py_type_type}, "tuple",         PY_TF_BASETYPE, tuple_make_new, tuple_print, NULL,
    tuple_unary_op,  tuple_binary_op, NULL,           tuple_subscr,   seq_getiter, NULL,
    tuple_locals,
};

/* --- list ------------------------------------------------------------------------- */

py_val py_list_new(py_ctx *ctx, size_t n, const py_val *items)
{
    py_list *l = py_obj_new(ctx, &py_type_list, sizeof(py_list));
    size_t cap = n < 4 ? 4 : n;
    py_val *arr = py_alloc(ctx, cap * sizeof(py_val));
    l->items = arr;
    l->alloc = cap;
    l->len = n;
    if (items != NULL) {
        py_vcopy(l->items, items, n);
    }
    return PY_VAL(l);
}

static void list_grow(py_ctx *ctx, py_list *l, size_t need)
{
    if (need <= l->alloc) {
        return;
    }
    size_t cap = l->alloc * 2;
    if (cap < need) {
        cap = need;
    }
    l->items = py_realloc(ctx, l->items, l->alloc * sizeof(py_val), cap * sizeof(py_val));
    l->alloc = cap;
}

void py_list_append(py_ctx *ctx, py_val list, py_val item)
{
    py_list *l = PY_PTR(list);
    if (PY_UNLIKELY(l->len == l->alloc)) {
        list_grow(ctx, l, l->len + 1);
    }
    l->items[l->len++] = item;
}

void py_list_extend(py_ctx *ctx, py_val list, py_val iterable)
{
    const py_type *t = py_type_of(iterable);
    if (t == &py_type_list || t == &py_type_tuple) {
        size_t n;
        py_val *items;
        py_get_items(ctx, iterable, &n, &items);
        py_list *l = PY_PTR(list);
        list_grow(ctx, l, l->len + n);
        py_get_items(ctx, iterable, &n, &items);
        py_vcopy(l->items + l->len, items, n);
        l->len += n;
        return;
    }
    py_val it = py_iter(ctx, iterable);
    for (py_val x; (x = py_next(ctx, it)) != PY_STOP;) {
        py_list_append(ctx, list, x);
    }
}

py_val py_list_from_iter(py_ctx *ctx, py_val iterable)
{
    py_val l = py_list_new(ctx, 0, NULL);
    py_list_extend(ctx, l, iterable);
    return l;
}

static void list_print(py_ctx *ctx, py_print *p, py_val self, int kind)
{
    py_list *l = PY_PTR(self);
    print_seq(ctx, p, l->items, l->len, "[", "]", false);
}

static py_val list_make_new(py_ctx *ctx, const py_type *type, size_t n_args, size_t n_kw,
                            const py_val *args)
{
    py_check_nargs(ctx, n_args, 0, 1);
    if (n_args == 0) {
        return py_list_new(ctx, 0, NULL);
    }
    return py_list_from_iter(ctx, args[0]);
}

static py_val list_unary_op(py_ctx *ctx, int op, py_val self)
{
    py_list *l = PY_PTR(self);
    return seq_unary(ctx, op, l->items, l->len, false);
}

static py_val list_binary_op(py_ctx *ctx, int op, py_val a, py_val b)
{
    if ((op == PY_OP_IADD || op == PY_OP_IMUL) && !py_isinstance(ctx, a, &py_type_list)) {
        return PY_NULL; /* list on the right of an in-place operator */
    }
    if (op == PY_OP_IADD) {
        py_list_extend(ctx, a, b);
        return a;
    }
    if (op == PY_OP_IMUL) {
        py_val r = seq_binop(ctx, PY_OP_MUL, a, b, &py_type_list);
        if (r == PY_NULL) {
            return r;
        }
        py_list *l = PY_PTR(a), *rl = PY_PTR(r);
        l->items = rl->items;
        l->len = rl->len;
        l->alloc = rl->alloc;
        return a;
    }
    return seq_binop(ctx, op, a, b, &py_type_list);
}

static void list_set_slice(py_ctx *ctx, py_list *l, py_val index, py_val value)
{
    intptr_t start, step;
    size_t count = py_slice_indices(ctx, index, l->len, &start, &step);
    if (value == PY_STOP) {
        /* delete */
        if (step < 0) {
            start = start + (intptr_t)(count - 1) * step;
            step = -step;
        }
        size_t w = (size_t)start, k = 0;
        for (size_t r = (size_t)start; r < l->len; r++) {
            if (k < count && r == (size_t)(start + (intptr_t)k * step)) {
                k++;
                continue;
            }
            l->items[w++] = l->items[r];
        }
        l->len = w;
        return;
    }
    py_val src = py_type_of(value) == &py_type_list || py_type_of(value) == &py_type_tuple
                     ? value
                     : py_list_from_iter(ctx, value);
    size_t n;
    py_val *items;
    py_get_items(ctx, src, &n, &items);
    if (src == PY_VAL(l)) {
        src = py_tuple_new(ctx, n, items);
        py_get_items(ctx, src, &n, &items);
    }
    if (step != 1) {
        if (n != count) {
            py_raise(ctx, &py_type_ValueError,
                     "attempt to assign sequence of size %d to extended slice of size %d", (int)n,
                     (int)count);
        }
        for (size_t i = 0; i < n; i++) {
            l->items[start + (intptr_t)i * step] = items[i];
        }
        return;
    }
    if (count == 0 && ((py_slice_indices(ctx, index, l->len, &start, &step), 1))) {
        /* insertion point for an empty slice: clamp start */
    }
    size_t newlen = l->len - count + n;
    list_grow(ctx, l, newlen);
    py_get_items(ctx, src, &n, &items);
    py_vmove(l->items + start + n, l->items + start + count, (l->len - (size_t)start - count));
    py_vcopy(l->items + start, items, n);
    l->len = newlen;
}

static py_val list_subscr(py_ctx *ctx, py_val self, py_val index, py_val value)
{
    py_list *l = PY_PTR(self);
    if (PY_IS_SMALL(index)) {
        intptr_t i = PY_SMALL(index);
        if (i < 0) {
            i += (intptr_t)l->len;
        }
        if (i >= 0 && (size_t)i < l->len) {
            if (value == PY_NULL) {
                return l->items[i];
            }
            if (value != PY_STOP) {
                l->items[i] = value;
                return PY_NONE;
            }
        }
    }
    if (py_type_of(index) == &py_type_slice) {
        if (value == PY_NULL) {
            return seq_getslice(ctx, self, index, false);
        }
        list_set_slice(ctx, l, index, value);
        return PY_NONE;
    }
    size_t i = py_index(ctx, index, l->len, value == PY_NULL ? "list" : "list assignment");
    if (value == PY_NULL) {
        return l->items[i];
    }
    if (value == PY_STOP) {
        py_vmove(l->items + i, l->items + i + 1, (l->len - i - 1));
        l->len--;
        return PY_NONE;
    }
    l->items[i] = value;
    return PY_NONE;
}

static py_val list_append(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    py_list_append(ctx, args[0], args[1]);
    return PY_NONE;
}

static py_val list_extend(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    py_list_extend(ctx, args[0], args[1]);
    return PY_NONE;
}

/* list.__init__(self, iterable=()): what super().__init__(...) in a list subclass runs. */
static py_val list_init(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    if (nkw != 0) {
        py_raise(ctx, &py_type_TypeError, "list() takes no keyword arguments");
    }
    if (n > 2) {
        py_raise(ctx, &py_type_TypeError, "list expected at most 1 argument, got %d", (int)n - 1);
    }
    ((py_list *)PY_PTR(args[0]))->len = 0;
    if (n > 1) {
        py_list_extend(ctx, args[0], args[1]);
    }
    return PY_NONE;
}
static PY_FUN_KWARGS(list_init_obj, "__init__", 1, list_init);

static py_val list_pop(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    py_list *l = PY_PTR(args[0]);
    if (l->len == 0) {
        py_raise(ctx, &py_type_IndexError, "pop from empty list");
    }
    size_t i = n > 1 ? py_index(ctx, args[1], l->len, "pop") : l->len - 1;
    py_val v = l->items[i];
    py_vmove(l->items + i, l->items + i + 1, (l->len - i - 1));
    l->len--;
    return v;
}

static py_val list_insert(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    py_list *l = PY_PTR(args[0]);
    intmax_t i = py_int_get(ctx, args[1]);
    if (i < 0) {
        i += (intmax_t)l->len;
        if (i < 0) {
            i = 0;
        }
    }
    if ((size_t)i > l->len) {
        i = (intmax_t)l->len;
    }
    list_grow(ctx, l, l->len + 1);
    py_vmove(l->items + i + 1, l->items + i, (l->len - (size_t)i));
    l->items[i] = args[2];
    l->len++;
    return PY_NONE;
}

static py_val list_remove(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    py_list *l = PY_PTR(args[0]);
    for (size_t i = 0; i < l->len; i++) {
        if (l->items[i] == args[1] || py_equal(ctx, l->items[i], args[1])) {
            py_vmove(l->items + i, l->items + i + 1, (l->len - i - 1));
            l->len--;
            return PY_NONE;
        }
    }
    py_raise(ctx, &py_type_ValueError, "list.remove(x): x not in list");
}

static py_val list_clear(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    ((py_list *)PY_PTR(args[0]))->len = 0;
    return PY_NONE;
}

static py_val list_copy(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    py_list *l = PY_PTR(args[0]);
    return py_list_new(ctx, l->len, l->items);
}

static py_val list_reverse(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    py_list *l = PY_PTR(args[0]);
    for (size_t i = 0; i < l->len / 2; i++) {
        py_val t = l->items[i];
        l->items[i] = l->items[l->len - 1 - i];
        l->items[l->len - 1 - i] = t;
    }
    return PY_NONE;
}

/* Stable merge sort on (key, value) pairs; keys compared with '<'. */
static bool sort_less(py_ctx *ctx, py_val a, py_val b)
{
    if (PY_IS_SMALL(a) && PY_IS_SMALL(b)) {
        return PY_SMALL(a) < PY_SMALL(b);
    }
    return py_truthy(ctx, py_compare(ctx, PY_OP_LT, a, b));
}

static void merge_sort(py_ctx *ctx, py_val *keys, py_val *vals, py_val *tk, py_val *tv, size_t n,
                       bool reverse)
{
    if (n < 2) {
        return;
    }
    if (n <= 8) {
        for (size_t i = 1; i < n; i++) {
            py_val k = keys[i], v = vals[i];
            size_t j = i;
            while (j > 0 &&
                   (reverse ? sort_less(ctx, keys[j - 1], k) : sort_less(ctx, k, keys[j - 1]))) {
                keys[j] = keys[j - 1];
                vals[j] = vals[j - 1];
                j--;
            }
            keys[j] = k;
            vals[j] = v;
        }
        return;
    }
    py_check_interrupt(ctx);
    size_t h = n / 2;
    merge_sort(ctx, keys, vals, tk, tv, h, reverse);
    merge_sort(ctx, keys + h, vals + h, tk, tv, n - h, reverse);
    py_vcopy(tk, keys, h);
    py_vcopy(tv, vals, h);
    size_t i = 0, j = h, k = 0;
    while (i < h && j < n) {
        bool take_right = reverse ? sort_less(ctx, tk[i], keys[j]) : sort_less(ctx, keys[j], tk[i]);
        if (take_right) {
            keys[k] = keys[j];
            vals[k++] = vals[j++];
        } else {
            keys[k] = tk[i];
            vals[k++] = tv[i++];
        }
    }
    while (i < h) {
        keys[k] = tk[i];
        vals[k++] = tv[i++];
    }
}

void py_list_sort(py_ctx *ctx, py_val list, py_val key, bool reverse)
{
    py_list *l = PY_PTR(list);
    size_t n = l->len;
    if (n < 2) {
        return;
    }
    /* sort a private copy so a key function that mutates the list is harmless */
    py_val *buf = py_alloc(ctx, 4 * n * sizeof(py_val));
    py_val *keys = buf, *vals = buf + n, *tk = buf + 2 * n, *tv = buf + 3 * n;
    py_vcopy(vals, l->items, n);
    for (size_t i = 0; i < n; i++) {
        keys[i] = key == PY_NONE || key == PY_NULL ? vals[i] : py_call(ctx, key, 1, &vals[i]);
    }
    merge_sort(ctx, keys, vals, tk, tv, n, reverse);
    if (l->len != n) {
        py_raise(ctx, &py_type_ValueError, "list modified during sort");
    }
    py_vcopy(l->items, vals, n);
}

static py_val list_sort(py_ctx *ctx, size_t n_args, size_t n_kw, const py_val *args)
{
    static const py_arg_spec spec[] = {{0, PY_ARG_REQUIRED, PY_NULL},
                                       {PY_Q_key, PY_ARG_KWONLY, PY_NONE},
                                       {PY_Q_reverse, PY_ARG_KWONLY, PY_FALSE}};
    py_val a[3];
    if (n_args > 1) {
        py_raise(ctx, &py_type_TypeError, "sort() takes no positional arguments");
    }
    py_parse_args(ctx, n_args, n_kw, args, spec, 3, a);
    py_list_sort(ctx, a[0], a[1], py_truthy(ctx, a[2]));
    return PY_NONE;
}

static PY_FUN(list_append_obj, "append", 2, 2, list_append);
static PY_FUN(list_extend_obj, "extend", 2, 2, list_extend);
static PY_FUN(list_pop_obj, "pop", 1, 2, list_pop);
static PY_FUN(list_insert_obj, "insert", 3, 3, list_insert);
static PY_FUN(list_remove_obj, "remove", 2, 2, list_remove);
static PY_FUN(list_clear_obj, "clear", 1, 1, list_clear);
static PY_FUN(list_copy_obj, "copy", 1, 1, list_copy);
static PY_FUN(list_reverse_obj, "reverse", 1, 1, list_reverse);
static PY_FUN_KWARGS(list_sort_obj, "sort", 1, list_sort);

static const py_attr_def list_locals[] = {
    {"append", PY_OBJV(&list_append_obj)},
    {"extend", PY_OBJV(&list_extend_obj)},
    {"pop", PY_OBJV(&list_pop_obj)},
    {"insert", PY_OBJV(&list_insert_obj)},
    {"remove", PY_OBJV(&list_remove_obj)},
    {"clear", PY_OBJV(&list_clear_obj)},
    {"copy", PY_OBJV(&list_copy_obj)},
    {"reverse", PY_OBJV(&list_reverse_obj)},
    {"sort", PY_OBJV(&list_sort_obj)},
    {"index", PY_OBJV(&seq_index_obj)},
    {"count", PY_OBJV(&seq_count_obj)},
    {"__init__", PY_OBJV(&list_init_obj)},
    {NULL, 0},
};

const py_type py_type_list = {
    {&py_type_type},
    "list",
    PY_TF_BASETYPE,
    list_make_new,
    list_print,
    NULL,
    list_unary_op,
    list_binary_op,
    NULL,
    list_subscr,
    seq_getiter,
    NULL,
    list_locals,
    .inst_size = sizeof(py_list),
};

/* --- range ------------------------------------------------------------------------ */

typedef struct py_range {
    py_obj base;
    intptr_t start, stop, step;
} py_range;

static size_t range_len(py_range *r)
{
    if (r->step > 0) {
        return r->stop > r->start ? (size_t)((r->stop - r->start + r->step - 1) / r->step) : 0;
    }
    return r->start > r->stop ? (size_t)((r->start - r->stop - r->step - 1) / -r->step) : 0;
}

static py_val range_make_new(py_ctx *ctx, const py_type *type, size_t n_args, size_t n_kw,
                             const py_val *args)
{
    py_check_nargs(ctx, n_args, 1, 3);
    py_range *r = py_alloc_raw(ctx, sizeof(py_range));
    r->base.type = &py_type_range;
    r->step = 1;
    if (n_args == 1) {
        r->stop = (intptr_t)py_int_get(ctx, args[0]);
    } else {
        r->start = (intptr_t)py_int_get(ctx, args[0]);
        r->stop = (intptr_t)py_int_get(ctx, args[1]);
        if (n_args == 3) {
            r->step = (intptr_t)py_int_get(ctx, args[2]);
            if (r->step == 0) {
                py_raise(ctx, &py_type_ValueError, "range() arg 3 must not be zero");
            }
        }
    }
    return PY_VAL(r);
}

static void range_print(py_ctx *ctx, py_print *p, py_val self, int kind)
{
    py_range *r = PY_PTR(self);
    if (r->step == 1) {
        py_printf(ctx, p, "range(%ld, %ld)", (long)r->start, (long)r->stop);
    } else {
        py_printf(ctx, p, "range(%ld, %ld, %ld)", (long)r->start, (long)r->stop, (long)r->step);
    }
}

typedef struct range_iter {
    py_obj base;
    intptr_t cur, stop, step;
} range_iter;

static py_val range_iternext(py_ctx *ctx, py_val self)
{
    range_iter *it = PY_PTR(self);
    if (it->step > 0 ? it->cur >= it->stop : it->cur <= it->stop) {
        return PY_STOP;
    }
    intptr_t v = it->cur;
    it->cur += it->step;
    return PY_MK_SMALL(v);
}

const py_type py_type_range_iter = {
    {&py_type_type}, "range_iterator", PY_TF_ITER_SELF, .iternext = range_iternext};

static py_val range_getiter(py_ctx *ctx, py_val self)
{
    py_range *r = PY_PTR(self);
    range_iter *it = py_alloc_raw(ctx, sizeof(range_iter));
    it->base.type = &py_type_range_iter;
    it->cur = r->start;
    it->stop = r->stop;
    it->step = r->step;
    return PY_VAL(it);
}

static py_val range_unary_op(py_ctx *ctx, int op, py_val self)
{
    py_range *r = PY_PTR(self);
    switch (op) {
    case PY_OP_LEN: return PY_MK_SMALL(range_len(r));
    case PY_OP_BOOL: return PY_BOOL(range_len(r) != 0);
    default: return PY_NULL;
    }
}

static py_val range_binary_op(py_ctx *ctx, int op, py_val a, py_val b)
{
    if (op == PY_OP_IN) {
        py_range *r = PY_PTR(a);
        if (!PY_IS_SMALL(b)) {
            return PY_NULL;
        }
        intptr_t v = PY_SMALL(b);
        bool in = r->step > 0 ? v >= r->start && v < r->stop : v <= r->start && v > r->stop;
        return PY_BOOL(in && (v - r->start) % r->step == 0);
    }
    if ((op == PY_OP_EQ || op == PY_OP_NE) && py_type_of(b) == &py_type_range &&
        py_type_of(a) == &py_type_range) {
        py_range *x = PY_PTR(a), *y = PY_PTR(b);
        size_t nx = range_len(x), ny = range_len(y);
        bool eq =
            nx == ny && (nx == 0 || (x->start == y->start && (nx == 1 || x->step == y->step)));
        return PY_BOOL(eq == (op == PY_OP_EQ));
    }
    return PY_NULL;
}

static py_val range_subscr(py_ctx *ctx, py_val self, py_val index, py_val value)
{
    py_range *r = PY_PTR(self);
    if (value != PY_NULL) {
        py_raise(ctx, &py_type_TypeError, "'range' object does not support item assignment");
    }
    size_t n = range_len(r);
    if (py_type_of(index) == &py_type_slice) {
        intptr_t start, stop, step;
        slice_triple(ctx, index, n, &start, &stop, &step);
        py_range *nr = py_alloc_raw(ctx, sizeof(py_range));
        nr->base.type = &py_type_range;
        nr->start = r->start + start * r->step;
        nr->step = r->step * step;
        nr->stop = r->start + stop * r->step;
        return PY_VAL(nr);
    }
    size_t i = py_index(ctx, index, n, "range object");
    return PY_MK_SMALL(r->start + (intptr_t)i * r->step);
}

static bool range_attr(py_ctx *ctx, py_val self, py_qstr name, int op, py_val *value)
{
    py_range *r = PY_PTR(self);
    if (op != PY_ATTR_LOAD) {
        return false;
    }
    if (name == PY_Q_start || name == PY_Q_stop || name == PY_Q_step) {
        *value = PY_MK_SMALL(name == PY_Q_start ? r->start : name == PY_Q_stop ? r->stop : r->step);
        return true;
    }
    return false;
}

static py_val range_index(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    if (range_binary_op(ctx, PY_OP_IN, args[0], args[1]) != PY_TRUE) {
        py_raise(ctx, &py_type_ValueError, "%r is not in range", args[1]);
    }
    py_range *r = PY_PTR(args[0]);
    return PY_MK_SMALL((PY_SMALL(args[1]) - r->start) / r->step);
}
static PY_FUN(range_index_obj, "index", 2, 2, range_index);

static py_val range_count(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return PY_MK_SMALL(range_binary_op(ctx, PY_OP_IN, args[0], args[1]) == PY_TRUE);
}
static PY_FUN(range_count_obj, "count", 2, 2, range_count);

static const py_attr_def range_locals[] = {
    {"index", PY_OBJV(&range_index_obj)},
    {"count", PY_OBJV(&range_count_obj)},
    {NULL, 0},
};

const py_type py_type_range = {
    {&py_type_type}, "range",         0,          range_make_new, range_print,   NULL,
    range_unary_op,  range_binary_op, range_attr, range_subscr,   range_getiter, NULL,
    range_locals,
};

/* --- enumerate, zip, map, filter, reversed ---------------------------------------------------- */

typedef struct py_iterobj {
    py_obj base;
    py_val fn;    /* map/filter function */
    py_val count; /* enumerate counter / reversed index */
    size_t n;     /* number of iterators */
    uint8_t strict;
    py_val its[];
} py_iterobj;

static py_iterobj *iterobj_new(py_ctx *ctx, const py_type *t, size_t n)
{
    py_iterobj *o = py_alloc(ctx, sizeof(py_iterobj) + n * sizeof(py_val));
    o->base.type = t;
    o->n = n;
    return o;
}

static py_val enumerate_make_new(py_ctx *ctx, const py_type *type, size_t n_args, size_t n_kw,
                                 const py_val *args)
{
    static const py_arg_spec spec[] = {{PY_Q_iterable, PY_ARG_REQUIRED, PY_NULL},
                                       {PY_Q_start, 0, PY_MK_SMALL(0)}};
    py_val a[2];
    py_parse_args(ctx, n_args, n_kw, args, spec, 2, a);
    py_iterobj *o = iterobj_new(ctx, &py_type_enumerate, 1);
    o->its[0] = py_iter(ctx, a[0]);
    o->count = a[1];
    return PY_VAL(o);
}

static py_val enumerate_next(py_ctx *ctx, py_val self)
{
    py_iterobj *o = PY_PTR(self);
    py_val x = py_next(ctx, o->its[0]);
    if (x == PY_STOP) {
        return PY_STOP;
    }
    py_val t[2] = {o->count, x};
    o->count = PY_IS_SMALL(o->count) && PY_SMALL(o->count) < PY_SMALL_MAX
                   ? o->count + 2
                   : py_binary_op(ctx, PY_OP_ADD, o->count, PY_MK_SMALL(1));
    return py_tuple_new(ctx, 2, t);
}

const py_type py_type_enumerate = {
    {&py_type_type}, "enumerate", PY_TF_ITER_SELF, enumerate_make_new, .iternext = enumerate_next};

static py_val zip_make_new(py_ctx *ctx, const py_type *type, size_t n_args, size_t n_kw,
                           const py_val *args)
{
    py_iterobj *o = iterobj_new(ctx, &py_type_zip, n_args);
    for (size_t i = 0; i < n_kw; i++) {
        if (PY_QSTR(args[n_args + 2 * i]) == PY_Q_strict) {
            o->strict = py_truthy(ctx, args[n_args + 2 * i + 1]);
        } else {
            py_raise(ctx, &py_type_TypeError, "zip() got an unexpected keyword argument");
        }
    }
    for (size_t i = 0; i < n_args; i++) {
        o->its[i] = py_iter(ctx, args[i]);
    }
    return PY_VAL(o);
}

static py_val zip_next(py_ctx *ctx, py_val self)
{
    py_iterobj *o = PY_PTR(self);
    if (o->n == 0) {
        return PY_STOP;
    }
    py_val t = py_tuple_new(ctx, o->n, NULL);
    py_tuple *tp = PY_PTR(t);
    for (size_t i = 0; i < o->n; i++) {
        py_val x = py_next(ctx, o->its[i]);
        if (x == PY_STOP) {
            if (o->strict && i > 0) {
                py_raise(ctx, &py_type_ValueError, "zip() argument %d is shorter than argument%s%d",
                         (int)i + 1, i > 1 ? "s 1-" : " ", (int)i);
            }
            if (o->strict && i == 0) {
                for (size_t k = 1; k < o->n; k++) {
                    if (py_next(ctx, o->its[k]) != PY_STOP) {
                        py_raise(ctx, &py_type_ValueError,
                                 "zip() argument %d is longer than argument%s%d", (int)k + 1,
                                 k > 1 ? "s 1-" : " ", (int)k);
                    }
                }
            }
            return PY_STOP;
        }
        tp->items[i] = x;
    }
    return t;
}

const py_type py_type_zip = {
    {&py_type_type}, "zip", PY_TF_ITER_SELF, zip_make_new, .iternext = zip_next};

static py_val map_make_new(py_ctx *ctx, const py_type *type, size_t n_args, size_t n_kw,
                           const py_val *args)
{
    if (n_args < 2) {
        py_raise(ctx, &py_type_TypeError, "map() must have at least two arguments.");
    }
    py_iterobj *o = iterobj_new(ctx, &py_type_map, n_args - 1);
    o->fn = args[0];
    for (size_t i = 1; i < n_args; i++) {
        o->its[i - 1] = py_iter(ctx, args[i]);
    }
    return PY_VAL(o);
}

static py_val map_next(py_ctx *ctx, py_val self)
{
    py_iterobj *o = PY_PTR(self);
    py_val small[4];
    py_val *a = o->n <= 4 ? small : py_alloc(ctx, o->n * sizeof(py_val));
    for (size_t i = 0; i < o->n; i++) {
        a[i] = py_next(ctx, o->its[i]);
        if (a[i] == PY_STOP) {
            return PY_STOP;
        }
    }
    return py_call(ctx, o->fn, o->n, a);
}

const py_type py_type_map = {
    {&py_type_type}, "map", PY_TF_ITER_SELF, map_make_new, .iternext = map_next};

static py_val filter_make_new(py_ctx *ctx, const py_type *type, size_t n_args, size_t n_kw,
                              const py_val *args)
{
    py_check_nargs(ctx, n_args, 2, 2);
    py_iterobj *o = iterobj_new(ctx, &py_type_filter, 1);
    o->fn = args[0];
    o->its[0] = py_iter(ctx, args[1]);
    return PY_VAL(o);
}

static py_val filter_next(py_ctx *ctx, py_val self)
{
    py_iterobj *o = PY_PTR(self);
    for (;;) {
        py_val x = py_next(ctx, o->its[0]);
        if (x == PY_STOP) {
            return PY_STOP;
        }
        py_val keep = o->fn == PY_NONE ? x : py_call(ctx, o->fn, 1, &x);
        if (py_truthy(ctx, keep)) {
            return x;
        }
    }
}

const py_type py_type_filter = {
    {&py_type_type}, "filter", PY_TF_ITER_SELF, filter_make_new, .iternext = filter_next};

static py_val reversed_make_new(py_ctx *ctx, const py_type *type, size_t n_args, size_t n_kw,
                                const py_val *args)
{
    py_check_nargs(ctx, n_args, 1, 1);
    py_val seq = args[0];
    const py_type *t = py_type_of(seq);
    if (t->flags & PY_TF_CLASS) {
        py_val m = py_special(ctx, seq, PY_Q___reversed__);
        if (m != PY_NULL) {
            return py_call(ctx, m, 0, NULL);
        }
    }
    if (t == &py_type_range) {
        py_range *r = PY_PTR(seq);
        size_t n = range_len(r);
        range_iter *it = py_alloc_raw(ctx, sizeof(range_iter));
        it->base.type = &py_type_range_iter;
        it->cur = r->start + ((intptr_t)n - 1) * r->step;
        it->step = -r->step;
        it->stop = r->start - r->step;
        return PY_VAL(it);
    }
    if (t == &py_type_dict || t == &py_type_dict_view) {
        seq = py_list_from_iter(ctx, seq);
    } else if (t == &py_type_set || t == &py_type_frozenset) {
        py_raise(ctx, &py_type_TypeError, "'%s' object is not reversible", t->name);
    }
    py_iterobj *o = iterobj_new(ctx, &py_type_reversed, 1);
    o->its[0] = seq;
    o->count = PY_MK_SMALL(py_len(ctx, seq));
    return PY_VAL(o);
}

static py_val reversed_next(py_ctx *ctx, py_val self)
{
    py_iterobj *o = PY_PTR(self);
    intptr_t i = PY_SMALL(o->count);
    if (i <= 0) {
        return PY_STOP;
    }
    o->count = PY_MK_SMALL(i - 1);
    return py_subscr(ctx, o->its[0], PY_MK_SMALL(i - 1), PY_NULL);
}

const py_type py_type_reversed = {
    {&py_type_type}, "reversed", PY_TF_ITER_SELF, reversed_make_new, .iternext = reversed_next};
