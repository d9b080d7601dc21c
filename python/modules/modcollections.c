/* The collections module: deque (ring buffer), OrderedDict (a dict whose
 * equality is order-sensitive, with move_to_end/popitem) and namedtuple
 * (each call builds a native tuple subtype at run time). */
#include <string.h>

#include "modutil.h"

/* ---- deque ------------------------------------------------------------------- */

typedef struct deque_obj {
    py_obj base;
    py_val *items;
    size_t cap, head, len;
    intptr_t maxlen; /* -1: unbounded */
    uint32_t state;  /* bumped on every mutation (iterators check it) */
} deque_obj;

typedef struct deque_iter {
    py_obj base;
    py_val dq;
    size_t i;
    uint32_t state;
    bool reverse;
} deque_iter;

extern const py_type coll_deque_type, coll_deque_iter_type;

static deque_obj *dq_of(py_val v)
{
    return PY_PTR(v);
}

static py_val *dq_at(deque_obj *d, size_t i)
{
    return &d->items[(d->head + i) % d->cap];
}

static void dq_grow(py_ctx *ctx, deque_obj *d)
{
    if (d->len < d->cap) {
        return;
    }
    size_t cap = d->cap ? d->cap * 2 : 8;
    py_val *items = py_alloc(ctx, cap * sizeof(py_val));
    for (size_t i = 0; i < d->len; i++) {
        items[i] = *dq_at(d, i);
    }
    d->items = items;
    d->cap = cap;
    d->head = 0;
}

static void dq_push(py_ctx *ctx, deque_obj *d, py_val v, bool left);

static py_val dq_pop_end(py_ctx *ctx, deque_obj *d, bool left)
{
    if (!d->len) {
        py_raise(ctx, &py_type_IndexError, "pop from an empty deque");
    }
    py_val v;
    if (left) {
        v = *dq_at(d, 0);
        *dq_at(d, 0) = PY_NULL;
        d->head = (d->head + 1) % d->cap;
    } else {
        v = *dq_at(d, d->len - 1);
        *dq_at(d, d->len - 1) = PY_NULL;
    }
    d->len--;
    d->state++;
    return v;
}

/* Appends on one side; a full bounded deque drops from the other side. */
static void dq_push(py_ctx *ctx, deque_obj *d, py_val v, bool left)
{
    if (d->maxlen == 0) {
        return;
    }
    if (d->maxlen > 0 && d->len == (size_t)d->maxlen) {
        dq_pop_end(ctx, d, !left);
    }
    dq_grow(ctx, d);
    if (left) {
        d->head = (d->head + d->cap - 1) % d->cap;
        d->items[d->head] = v;
    } else {
        *dq_at(d, d->len) = v;
    }
    d->len++;
    d->state++;
}

static void dq_extend(py_ctx *ctx, deque_obj *d, py_val iterable, bool left)
{
    if (PY_VAL(d) == iterable) {
        iterable = py_call(ctx, PY_OBJV(&py_type_list), 1, &iterable);
    }
    py_val it = py_iter(ctx, iterable), item;
    while ((item = py_next(ctx, it)) != PY_STOP) {
        dq_push(ctx, d, item, left);
    }
}

static py_val deque_make_new(py_ctx *ctx, const py_type *type, size_t n, size_t nk,
                             const py_val *args)
{
    const py_arg_spec spec[] = {
        {py_qstr_from_cstr(ctx, "iterable"), 0, PY_NONE},
        {py_qstr_from_cstr(ctx, "maxlen"), 0, PY_NONE},
        {0, 0, PY_NONE}, /* MicroPython's flags argument, ignored */
    };
    py_val v[3];
    py_parse_args(ctx, n, nk, args, spec, 3, v);
    deque_obj *d = py_obj_new(ctx, type, sizeof(deque_obj));
    d->maxlen = -1;
    if (v[1] != PY_NONE) {
        intmax_t m = py_int_get(ctx, v[1]);
        if (m < 0) {
            py_raise(ctx, &py_type_ValueError, "maxlen must be non-negative");
        }
        d->maxlen = (intptr_t)m;
    }
    if (v[0] != PY_NONE) {
        dq_extend(ctx, d, v[0], false);
    }
    return PY_VAL(d);
}

static py_val dq_append(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    dq_push(ctx, dq_of(a[0]), a[1], false);
    return PY_NONE;
}
static PY_FUN(dq_append_obj, "append", 2, 2, dq_append);

static py_val dq_appendleft(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    dq_push(ctx, dq_of(a[0]), a[1], true);
    return PY_NONE;
}
static PY_FUN(dq_appendleft_obj, "appendleft", 2, 2, dq_appendleft);

static py_val dq_pop(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return dq_pop_end(ctx, dq_of(a[0]), false);
}
static PY_FUN(dq_pop_obj, "pop", 1, 1, dq_pop);

static py_val dq_popleft(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return dq_pop_end(ctx, dq_of(a[0]), true);
}
static PY_FUN(dq_popleft_obj, "popleft", 1, 1, dq_popleft);

static py_val dq_extend_m(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    dq_extend(ctx, dq_of(a[0]), a[1], false);
    return PY_NONE;
}
static PY_FUN(dq_extend_obj, "extend", 2, 2, dq_extend_m);

static py_val dq_extendleft(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    dq_extend(ctx, dq_of(a[0]), a[1], true);
    return PY_NONE;
}
static PY_FUN(dq_extendleft_obj, "extendleft", 2, 2, dq_extendleft);

static py_val dq_clear(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    deque_obj *d = dq_of(a[0]);
    d->items = NULL;
    d->cap = d->len = d->head = 0;
    d->state++;
    return PY_NONE;
}
static PY_FUN(dq_clear_obj, "clear", 1, 1, dq_clear);

/* New deque with the same items (and maxlen). */
static py_val dq_clone(py_ctx *ctx, deque_obj *d)
{
    deque_obj *c = py_obj_new(ctx, &coll_deque_type, sizeof(deque_obj));
    c->maxlen = d->maxlen;
    for (size_t i = 0; i < d->len; i++) {
        dq_push(ctx, c, *dq_at(d, i), false);
    }
    return PY_VAL(c);
}

static py_val dq_copy(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return dq_clone(ctx, dq_of(a[0]));
}
static PY_FUN(dq_copy_obj, "copy", 1, 1, dq_copy);

/* Index of the first item equal to v at or after start, or -1. Comparisons
 * may run Python code that mutates the deque. */
static intptr_t dq_find(py_ctx *ctx, deque_obj *d, py_val v, size_t start, size_t stop)
{
    uint32_t state = d->state;
    for (size_t i = start; i < stop && i < d->len; i++) {
        bool eq = py_equal(ctx, *dq_at(d, i), v);
        if (d->state != state) {
            py_raise(ctx, &py_type_RuntimeError, "deque mutated during iteration");
        }
        if (eq) {
            return (intptr_t)i;
        }
    }
    return -1;
}

static py_val dq_count(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    deque_obj *d = dq_of(a[0]);
    intptr_t count = 0;
    for (intptr_t i = 0; (i = dq_find(ctx, d, a[1], (size_t)i, d->len)) >= 0; i++) {
        count++;
    }
    return py_int_from(ctx, count);
}
static PY_FUN(dq_count_obj, "count", 2, 2, dq_count);

/* Python-style optional start/stop bounds clamped to the length. */
static size_t bound(py_ctx *ctx, py_val v, size_t len)
{
    intmax_t i = py_int_get(ctx, v);
    if (i < 0) {
        i += (intmax_t)len;
    }
    return i < 0 ? 0 : (uintmax_t)i > len ? len : (size_t)i;
}

static py_val dq_index(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    deque_obj *d = dq_of(a[0]);
    size_t start = n > 2 ? bound(ctx, a[2], d->len) : 0;
    size_t stop = n > 3 ? bound(ctx, a[3], d->len) : d->len;
    intptr_t i = dq_find(ctx, d, a[1], start, stop);
    if (i < 0) {
        py_raise(ctx, &py_type_ValueError, "%r is not in deque", a[1]);
    }
    return py_int_from(ctx, i);
}
static PY_FUN(dq_index_obj, "index", 2, 4, dq_index);

static void dq_delete_at(deque_obj *d, size_t i)
{
    for (size_t k = i; k + 1 < d->len; k++) {
        *dq_at(d, k) = *dq_at(d, k + 1);
    }
    *dq_at(d, d->len - 1) = PY_NULL;
    d->len--;
    d->state++;
}

static py_val dq_remove(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    deque_obj *d = dq_of(a[0]);
    intptr_t i = dq_find(ctx, d, a[1], 0, d->len);
    if (i < 0) {
        py_raise(ctx, &py_type_ValueError, "%r is not in deque", a[1]);
    }
    dq_delete_at(d, (size_t)i);
    return PY_NONE;
}
static PY_FUN(dq_remove_obj, "remove", 2, 2, dq_remove);

static py_val dq_insert(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    deque_obj *d = dq_of(a[0]);
    if (d->maxlen >= 0 && d->len == (size_t)d->maxlen) {
        py_raise(ctx, &py_type_IndexError, "deque already at its maximum size");
    }
    size_t i = bound(ctx, a[1], d->len);
    dq_push(ctx, d, PY_NONE, false);
    for (size_t k = d->len - 1; k > i; k--) {
        *dq_at(d, k) = *dq_at(d, k - 1);
    }
    *dq_at(d, i) = a[2];
    return PY_NONE;
}
static PY_FUN(dq_insert_obj, "insert", 3, 3, dq_insert);

static py_val dq_reverse(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    deque_obj *d = dq_of(a[0]);
    for (size_t i = 0, j = d->len; i + 1 < j; i++, j--) {
        py_val t = *dq_at(d, i);
        *dq_at(d, i) = *dq_at(d, j - 1);
        *dq_at(d, j - 1) = t;
    }
    d->state++;
    return PY_NONE;
}
static PY_FUN(dq_reverse_obj, "reverse", 1, 1, dq_reverse);

static py_val dq_rotate(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    deque_obj *d = dq_of(a[0]);
    intmax_t k = n > 1 ? py_int_get(ctx, a[1]) : 1;
    if (d->len < 2) {
        return PY_NONE;
    }
    k %= (intmax_t)d->len;
    k = k < 0 ? k + (intmax_t)d->len : k;
    /* Rotating right by k moves the head back by k slots once the ring is
     * exactly full-sized; compact first so the arithmetic is simple. */
    py_val *items = py_alloc(ctx, d->len * sizeof(py_val));
    for (size_t i = 0; i < d->len; i++) {
        items[(i + (size_t)k) % d->len] = *dq_at(d, i);
    }
    d->items = items;
    d->cap = d->len;
    d->head = 0;
    d->state++;
    return PY_NONE;
}
static PY_FUN(dq_rotate_obj, "rotate", 1, 2, dq_rotate);

static size_t dq_index_arg(py_ctx *ctx, deque_obj *d, py_val index)
{
    intmax_t i;
    if (!py_is_int(index)) {
        py_raise(ctx, &py_type_TypeError, "sequence index must be integer, not '%s'",
                 py_type_of(index)->name);
    }
    if (!py_int_get_checked(ctx, index, &i)) {
        i = -1 - (intmax_t)d->len;
    }
    if (i < 0) {
        i += (intmax_t)d->len;
    }
    if (i < 0 || (uintmax_t)i >= d->len) {
        py_raise(ctx, &py_type_IndexError, "deque index out of range");
    }
    return (size_t)i;
}

static py_val deque_subscr(py_ctx *ctx, py_val self, py_val index, py_val value)
{
    deque_obj *d = dq_of(self);
    size_t i = dq_index_arg(ctx, d, index);
    if (value == PY_NULL) {
        return *dq_at(d, i);
    }
    if (value == PY_STOP) {
        dq_delete_at(d, i);
    } else {
        *dq_at(d, i) = value;
    }
    return PY_NONE;
}

static py_val deque_unary(py_ctx *ctx, int op, py_val self)
{
    deque_obj *d = dq_of(self);
    switch (op) {
    case PY_OP_LEN: return PY_MK_SMALL(d->len);
    case PY_OP_BOOL: return PY_BOOL(d->len != 0);
    case PY_OP_HASH: py_raise(ctx, &py_type_TypeError, "unhashable type: 'collections.deque'");
    default: return PY_NULL;
    }
}

static py_val dq_to_list(py_ctx *ctx, deque_obj *d)
{
    py_val l = py_list_new(ctx, 0, NULL);
    for (size_t i = 0; i < d->len; i++) {
        py_list_append(ctx, l, *dq_at(d, i));
    }
    return l;
}

/* d * n (in place for *=): the items repeated n times, trimmed to maxlen. */
static py_val dq_repeat(py_ctx *ctx, py_val dv, py_val nv, bool inplace)
{
    deque_obj *d = dq_of(dv);
    intmax_t n = py_int_get(ctx, nv);
    py_val items = dq_to_list(ctx, d);
    py_val r = inplace ? dv : dq_clone(ctx, d);
    deque_obj *t = dq_of(r);
    t->items = NULL;
    t->cap = t->len = t->head = 0;
    t->state++;
    py_list *l = PY_PTR(items);
    if (t->maxlen >= 0 && l->len && n > (intmax_t)(t->maxlen / l->len) + 1) {
        n = (intmax_t)(t->maxlen / l->len) + 1; /* only the last maxlen items stay */
    }
    for (intmax_t k = 0; k < n && l->len; k++) {
        for (size_t i = 0; i < l->len; i++) {
            dq_push(ctx, t, l->items[i], false);
        }
        py_check_interrupt(ctx);
    }
    return r;
}

static py_val deque_binary(py_ctx *ctx, int op, py_val a, py_val b)
{
    if (!py_isinstance(ctx, a, &coll_deque_type)) { /* called for the right operand */
        return op == PY_OP_MUL && py_is_int(a) ? dq_repeat(ctx, b, a, false) : PY_NULL;
    }
    if ((op == PY_OP_MUL || op == PY_OP_IMUL) && py_is_int(b)) {
        return dq_repeat(ctx, a, b, op == PY_OP_IMUL);
    }
    deque_obj *d = dq_of(a);
    if (op == PY_OP_IN) {
        return PY_BOOL(dq_find(ctx, d, b, 0, d->len) >= 0);
    }
    if (!py_isinstance(ctx, b, &coll_deque_type)) {
        return PY_NULL;
    }
    if (op >= PY_OP_LT && op <= PY_OP_GE) {
        return py_binary_op(ctx, op, dq_to_list(ctx, d), dq_to_list(ctx, dq_of(b)));
    }
    if (op == PY_OP_ADD || op == PY_OP_IADD) {
        py_val r = op == PY_OP_ADD ? dq_clone(ctx, d) : a;
        dq_extend(ctx, dq_of(r), b, false);
        return r;
    }
    return PY_NULL;
}

static void deque_print(py_ctx *ctx, py_print *p, py_val self, int kind)
{
    deque_obj *d = dq_of(self);
    py_printf(ctx, p, "deque(%r", dq_to_list(ctx, d));
    if (d->maxlen >= 0) {
        py_printf(ctx, p, ", maxlen=%ld", (long)d->maxlen);
    }
    py_print_str(p, ")");
}

static bool deque_attr(py_ctx *ctx, py_val self, py_qstr name, int op, py_val *value)
{
    if (op == PY_ATTR_LOAD && !strcmp(py_qstr_str(ctx, name, NULL), "maxlen")) {
        intptr_t m = dq_of(self)->maxlen;
        *value = m < 0 ? PY_NONE : py_int_from(ctx, m);
        return true;
    }
    return false;
}

static py_val deque_iter_new(py_ctx *ctx, py_val self, bool reverse)
{
    deque_iter *it = py_obj_new(ctx, &coll_deque_iter_type, sizeof(deque_iter));
    it->dq = self;
    it->state = dq_of(self)->state;
    it->reverse = reverse;
    return PY_VAL(it);
}

static py_val deque_getiter(py_ctx *ctx, py_val self)
{
    return deque_iter_new(ctx, self, false);
}

static py_val dq_reversed(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return deque_iter_new(ctx, a[0], true);
}
static PY_FUN(dq_reversed_obj, "__reversed__", 1, 1, dq_reversed);

static py_val deque_iternext(py_ctx *ctx, py_val self)
{
    deque_iter *it = PY_PTR(self);
    deque_obj *d = dq_of(it->dq);
    if (d->state != it->state) {
        py_raise(ctx, &py_type_RuntimeError, "deque mutated during iteration");
    }
    if (it->i >= d->len) {
        return PY_STOP;
    }
    size_t i = it->i++;
    return *dq_at(d, it->reverse ? d->len - 1 - i : i);
}

static const py_attr_def deque_locals[] = {
    {"append", PY_OBJV(&dq_append_obj)},
    {"appendleft", PY_OBJV(&dq_appendleft_obj)},
    {"pop", PY_OBJV(&dq_pop_obj)},
    {"popleft", PY_OBJV(&dq_popleft_obj)},
    {"extend", PY_OBJV(&dq_extend_obj)},
    {"extendleft", PY_OBJV(&dq_extendleft_obj)},
    {"clear", PY_OBJV(&dq_clear_obj)},
    {"copy", PY_OBJV(&dq_copy_obj)},
    {"count", PY_OBJV(&dq_count_obj)},
    {"index", PY_OBJV(&dq_index_obj)},
    {"insert", PY_OBJV(&dq_insert_obj)},
    {"remove", PY_OBJV(&dq_remove_obj)},
    {"reverse", PY_OBJV(&dq_reverse_obj)},
    {"rotate", PY_OBJV(&dq_rotate_obj)},
    {"__reversed__", PY_OBJV(&dq_reversed_obj)},
    {NULL, 0},
};

const py_type coll_deque_type = {
    {&py_type_type},
    "deque",
    PY_TF_BASETYPE,
    deque_make_new,
    deque_print,
    .unary_op = deque_unary,
    .binary_op = deque_binary,
    .attr = deque_attr,
    .subscr = deque_subscr,
    .getiter = deque_getiter,
    .locals = deque_locals,
    .inst_size = sizeof(deque_obj),
};

const py_type coll_deque_iter_type = {
    {&py_type_type},
    "_deque_iterator",
    PY_TF_ITER_SELF,
    .iternext = deque_iternext,
};

/* ---- OrderedDict ------------------------------------------------------------ */

extern const py_type coll_odict_type;

static py_val odict_make_new(py_ctx *ctx, const py_type *type, size_t n, size_t nk,
                             const py_val *args)
{
    if (n > 1) {
        py_raise(ctx, &py_type_TypeError, "expected at most 1 arguments, got %d", (int)n);
    }
    py_val d = py_dict_new(ctx);
    ((py_obj *)PY_PTR(d))->type = type;
    if (n || nk) {
        py_call_kw(ctx, py_getattr(ctx, d, py_qstr_from_cstr(ctx, "update")), n, nk, args);
    }
    return d;
}

/* Live entries in insertion order. */
static py_dict_entry *odict_entry(py_dict *d, bool last)
{
    if (last) {
        for (uint32_t i = d->fill; i-- > 0;) {
            if (d->entries[i].key != PY_NULL) {
                return &d->entries[i];
            }
        }
    } else {
        for (uint32_t i = 0; i < d->fill; i++) {
            if (d->entries[i].key != PY_NULL) {
                return &d->entries[i];
            }
        }
    }
    return NULL;
}

static bool last_arg(py_ctx *ctx, size_t n, size_t nk, const py_val *a, size_t npos)
{
    const py_arg_spec spec[] = {
        {0, PY_ARG_REQUIRED, 0},
        {0, PY_ARG_REQUIRED, 0},
        {py_qstr_from_cstr(ctx, "last"), 0, PY_TRUE},
    };
    py_val v[3];
    py_parse_args(ctx, n, nk, a, spec + (2 - npos), npos + 1, v);
    return py_truthy(ctx, v[npos]);
}

static py_val od_popitem(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    bool last = last_arg(ctx, n, nk, a, 1);
    py_dict_entry *e = odict_entry(PY_PTR(a[0]), last);
    if (!e) {
        py_raise(ctx, &py_type_KeyError, "dictionary is empty");
    }
    py_val kv[2] = {e->key, e->value};
    py_subscr(ctx, a[0], kv[0], PY_STOP);
    return py_tuple_new(ctx, 2, kv);
}
static PY_FUN_KWARGS(od_popitem_obj, "popitem", 1, od_popitem);

static py_val od_move_to_end(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    bool last = last_arg(ctx, n, nk, a, 2);
    py_val self = a[0], key = a[1];
    py_val value = py_subscr(ctx, self, key, PY_NULL); /* KeyError if missing */
    py_subscr(ctx, self, key, PY_STOP);
    if (last) {
        py_subscr(ctx, self, key, value);
        return PY_NONE;
    }
    /* To the front: re-insert everything after it. */
    py_val items = py_call(ctx, py_getattr(ctx, self, PY_Q_items), 0, NULL);
    items = py_call(ctx, PY_OBJV(&py_type_list), 1, &items);
    py_call(ctx, py_getattr(ctx, self, py_qstr_from_cstr(ctx, "clear")), 0, NULL);
    py_subscr(ctx, self, key, value);
    size_t cnt;
    py_val *kv;
    mod_get_items(ctx, items, &cnt, &kv);
    for (size_t i = 0; i < cnt; i++) {
        py_tuple *t = PY_PTR(kv[i]);
        py_subscr(ctx, self, t->items[0], t->items[1]);
    }
    return PY_NONE;
}
static PY_FUN_KWARGS(od_move_to_end_obj, "move_to_end", 2, od_move_to_end);

/* copy() keeps the OrderedDict type (dict.copy would make a plain dict). */
static py_val od_copy(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return odict_make_new(ctx, py_type_of(a[0]), 1, 0, a);
}
static PY_FUN(od_copy_obj, "copy", 1, 1, od_copy);

static void odict_print(py_ctx *ctx, py_print *p, py_val self, int kind)
{
    py_dict *d = PY_PTR(self);
    py_printf(ctx, p, "%s(", py_type_of(self)->name);
    if (d->used) {
        py_val items = py_call(ctx, py_getattr(ctx, self, PY_Q_items), 0, NULL);
        py_printf(ctx, p, "%r", py_call(ctx, PY_OBJV(&py_type_list), 1, &items));
    }
    py_print_str(p, ")");
}

/* Two OrderedDicts are equal only with the same order; anything else
 * compares as a plain dict. */
static py_val odict_binary(py_ctx *ctx, int op, py_val a, py_val b)
{
    if (!py_isinstance(ctx, a, &py_type_dict)) {
        return PY_NULL; /* called for the right operand */
    }
    if ((op == PY_OP_EQ || op == PY_OP_NE) && py_isinstance(ctx, b, &coll_odict_type)) {
        py_val la = py_call(ctx, py_getattr(ctx, a, PY_Q_items), 0, NULL);
        py_val lb = py_call(ctx, py_getattr(ctx, b, PY_Q_items), 0, NULL);
        la = py_call(ctx, PY_OBJV(&py_type_list), 1, &la);
        lb = py_call(ctx, PY_OBJV(&py_type_list), 1, &lb);
        bool eq = py_equal(ctx, la, lb);
        return PY_BOOL(op == PY_OP_EQ ? eq : !eq);
    }
    return py_type_dict.binary_op ? py_type_dict.binary_op(ctx, op, a, b) : PY_NULL;
}

static const py_attr_def odict_locals[] = {
    {"copy", PY_OBJV(&od_copy_obj)},
    {"popitem", PY_OBJV(&od_popitem_obj)},
    {"move_to_end", PY_OBJV(&od_move_to_end_obj)},
    {NULL, 0},
};

const py_type coll_odict_type = {
    {&py_type_type},
    "OrderedDict",
    PY_TF_BASETYPE,
    odict_make_new,
    odict_print,
    .binary_op = odict_binary,
    .locals = odict_locals,
    .base_type = &py_type_dict,
    .inst_size = sizeof(py_dict),
};

/* ---- defaultdict ------------------------------------------------------------ */

typedef struct ddict_obj {
    py_dict d;
    py_val factory; /* callable or None */
} ddict_obj;

extern const py_type coll_ddict_type;

static py_val ddict_make_new(py_ctx *ctx, const py_type *type, size_t n, size_t nk,
                             const py_val *args)
{
    py_val factory = n ? args[0] : PY_NONE;
    const py_type *ft = py_type_of(factory);
    bool callable = factory == PY_NONE || ft == &py_type_type || ft == &py_type_function ||
                    ft == &py_type_cfun || ft == &py_type_bound_method || ft->call != NULL ||
                    py_getattr_opt(ctx, factory, PY_Q___call__) != PY_NULL;
    if (!callable) {
        py_raise(ctx, &py_type_TypeError, "first argument must be callable or None");
    }
    ddict_obj *o = py_obj_new(ctx, type, sizeof(ddict_obj));
    o->d = *(py_dict *)PY_PTR(py_dict_new(ctx)); /* a fresh empty dict header */
    o->d.base.type = type;
    o->factory = factory;
    if (n > 1 || nk) {
        py_val update = py_getattr(ctx, PY_VAL(o), py_qstr_from_cstr(ctx, "update"));
        py_call_kw(ctx, update, n ? n - 1 : 0, nk, args + (n ? 1 : 0));
    }
    return PY_VAL(o);
}

/* Missing keys get factory() stored and returned (CPython's __missing__). */
static py_val ddict_subscr(py_ctx *ctx, py_val self, py_val index, py_val value)
{
    if (value == PY_NULL) {
        py_val v = py_dict_get(ctx, self, index);
        if (v != PY_NULL) {
            return v;
        }
        ddict_obj *o = PY_PTR(self);
        if (o->factory == PY_NONE) {
            py_raise_obj(ctx, py_exc_new(ctx, &py_type_KeyError, 1, &index));
        }
        v = py_call(ctx, o->factory, 0, NULL);
        py_dict_set(ctx, self, index, v);
        return v;
    }
    return py_type_dict.subscr(ctx, self, index, value);
}

static void ddict_print(py_ctx *ctx, py_print *p, py_val self, int kind)
{
    ddict_obj *o = PY_PTR(self);
    py_val plain = py_call(ctx, PY_OBJV(&py_type_dict), 1, &self);
    py_printf(ctx, p, "%s(%r, %r)", py_type_of(self)->name, o->factory, plain);
}

static bool ddict_attr(py_ctx *ctx, py_val self, py_qstr name, int op, py_val *value)
{
    ddict_obj *o = PY_PTR(self);
    if (strcmp(py_qstr_str(ctx, name, NULL), "default_factory")) {
        return false;
    }
    if (op == PY_ATTR_LOAD) {
        *value = o->factory;
    } else {
        o->factory = op == PY_ATTR_STORE ? *value : PY_NONE;
    }
    return true;
}

static py_val dd_copy(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    py_val args[2] = {((ddict_obj *)PY_PTR(a[0]))->factory, a[0]};
    return ddict_make_new(ctx, &coll_ddict_type, 2, 0, args);
}
static PY_FUN(dd_copy_obj, "copy", 1, 1, dd_copy);

static const py_attr_def ddict_locals[] = {
    {"copy", PY_OBJV(&dd_copy_obj)},
    {NULL, 0},
};

const py_type coll_ddict_type = {
    {&py_type_type},
    "defaultdict",
    PY_TF_BASETYPE,
    ddict_make_new,
    ddict_print,
    .attr = ddict_attr,
    .subscr = ddict_subscr,
    .locals = ddict_locals,
    .base_type = &py_type_dict,
    .inst_size = sizeof(ddict_obj),
};

/* ---- Counter ------------------------------------------------------------------ */

extern const py_type coll_counter_type;

static py_val new_counter(py_ctx *ctx, const py_type *type)
{
    py_val d = py_dict_new(ctx);
    ((py_obj *)PY_PTR(d))->type = type;
    return d;
}

static py_val count_of(py_ctx *ctx, py_val c, py_val key)
{
    py_val v = py_dict_get(ctx, c, key);
    return v == PY_NULL ? PY_MK_SMALL(0) : v;
}

/* Adds (sign 1) or subtracts (sign -1) counts from a mapping or iterable. */
static void counter_feed(py_ctx *ctx, py_val self, py_val src, int sign)
{
    py_val op_fn = PY_MK_SMALL(sign);
    if (py_isinstance(ctx, src, &py_type_dict)) {
        py_dict *d = PY_PTR(src);
        for (uint32_t i = 0; i < d->fill; i++) {
            py_val k = d->entries[i].key;
            if (k != PY_NULL) {
                py_val delta = py_binary_op(ctx, PY_OP_MUL, d->entries[i].value, op_fn);
                py_dict_set(ctx, self, k,
                            py_binary_op(ctx, PY_OP_ADD, count_of(ctx, self, k), delta));
            }
        }
        return;
    }
    py_val it = py_iter(ctx, src), k;
    while ((k = py_next(ctx, it)) != PY_STOP) {
        py_dict_set(ctx, self, k, py_binary_op(ctx, PY_OP_ADD, count_of(ctx, self, k), op_fn));
    }
}

static void counter_feed_args(py_ctx *ctx, py_val self, size_t n, size_t nk, const py_val *a,
                              int sign)
{
    if (n > 1) {
        py_raise(ctx, &py_type_TypeError, "expected at most 1 arguments, got %d", (int)n);
    }
    if (n) {
        counter_feed(ctx, self, a[0], sign);
    }
    for (size_t i = 0; i < nk; i++) {
        py_val k = a[n + 2 * i],
               delta = py_binary_op(ctx, PY_OP_MUL, a[n + 2 * i + 1], PY_MK_SMALL(sign));
        py_dict_set(ctx, self, k, py_binary_op(ctx, PY_OP_ADD, count_of(ctx, self, k), delta));
    }
}

static py_val counter_make_new(py_ctx *ctx, const py_type *type, size_t n, size_t nk,
                               const py_val *args)
{
    py_val c = new_counter(ctx, type);
    counter_feed_args(ctx, c, n, nk, args, 1);
    return c;
}

static py_val counter_subscr(py_ctx *ctx, py_val self, py_val index, py_val value)
{
    if (value == PY_NULL) {
        return count_of(ctx, self, index); /* missing counts are zero */
    }
    return py_type_dict.subscr(ctx, self, index, value);
}

static py_val cn_update(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    counter_feed_args(ctx, a[0], n - 1, nk, a + 1, 1);
    return PY_NONE;
}
static PY_FUN_KWARGS(cn_update_obj, "update", 1, cn_update);

static py_val cn_subtract(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    counter_feed_args(ctx, a[0], n - 1, nk, a + 1, -1);
    return PY_NONE;
}
static PY_FUN_KWARGS(cn_subtract_obj, "subtract", 1, cn_subtract);

/* (key, count) pairs sorted by count, largest first, ties in insertion order. */
static py_val most_common_list(py_ctx *ctx, py_val self)
{
    py_dict *d = PY_PTR(self);
    py_val list = py_list_new(ctx, 0, NULL);
    for (uint32_t i = 0; i < d->fill; i++) {
        py_val kv[2] = {d->entries[i].key, d->entries[i].value};
        if (kv[0] != PY_NULL) {
            py_list_append(ctx, list, py_tuple_new(ctx, 2, kv));
        }
    }
    /* Stable insertion sort on the counts (descending). */
    py_list *l = PY_PTR(list);
    for (size_t i = 1; i < l->len; i++) {
        py_val item = l->items[i];
        size_t j = i;
        while (j > 0 &&
               py_truthy(ctx, py_binary_op(ctx, PY_OP_GT, ((py_tuple *)PY_PTR(item))->items[1],
                                           ((py_tuple *)PY_PTR(l->items[j - 1]))->items[1]))) {
            l->items[j] = l->items[j - 1];
            j--;
        }
        l->items[j] = item;
    }
    return list;
}

static py_val cn_most_common(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    py_val list = most_common_list(ctx, a[0]);
    if (n < 2 || a[1] == PY_NONE) {
        return list;
    }
    py_list *l = PY_PTR(list);
    intmax_t k = py_int_get(ctx, a[1]);
    size_t take = k < 0 ? 0 : (uintmax_t)k < l->len ? (size_t)k : l->len;
    return py_list_new(ctx, take, l->items);
}
static PY_FUN(cn_most_common_obj, "most_common", 1, 2, cn_most_common);

static py_val cn_elements(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    py_dict *d = PY_PTR(a[0]);
    py_val out = py_list_new(ctx, 0, NULL);
    for (uint32_t i = 0; i < d->fill; i++) {
        if (d->entries[i].key == PY_NULL) {
            continue;
        }
        intmax_t c = py_int_get(ctx, d->entries[i].value);
        for (intmax_t k = 0; k < c; k++) {
            py_list_append(ctx, out, d->entries[i].key);
        }
    }
    return py_iter(ctx, out);
}
static PY_FUN(cn_elements_obj, "elements", 1, 1, cn_elements);

static py_val cn_total(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    py_dict *d = PY_PTR(a[0]);
    py_val sum = PY_MK_SMALL(0);
    for (uint32_t i = 0; i < d->fill; i++) {
        if (d->entries[i].key != PY_NULL) {
            sum = py_binary_op(ctx, PY_OP_ADD, sum, d->entries[i].value);
        }
    }
    return sum;
}
static PY_FUN(cn_total_obj, "total", 1, 1, cn_total);

static py_val cn_copy(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return counter_make_new(ctx, py_type_of(a[0]), 1, 0, a);
}
static PY_FUN(cn_copy_obj, "copy", 1, 1, cn_copy);

static void counter_print(py_ctx *ctx, py_print *p, py_val self, int kind)
{
    py_list *l = PY_PTR(most_common_list(ctx, self));
    py_printf(ctx, p, "%s(", py_type_of(self)->name);
    if (l->len) {
        py_print_str(p, "{");
        for (size_t i = 0; i < l->len; i++) {
            py_tuple *kv = PY_PTR(l->items[i]);
            py_printf(ctx, p, "%s%r: %r", i ? ", " : "", kv->items[0], kv->items[1]);
        }
        py_print_str(p, "}");
    }
    py_print_str(p, ")");
}

/* Counter arithmetic: combine counts key by key (self's keys first) and keep
 * the positive results. */
static bool keep_positive(py_ctx *ctx, py_val v)
{
    return py_truthy(ctx, py_binary_op(ctx, PY_OP_GT, v, PY_MK_SMALL(0)));
}

static py_val combine(py_ctx *ctx, int op, py_val x, py_val y)
{
    switch (op) {
    case PY_OP_ADD: return py_binary_op(ctx, PY_OP_ADD, x, y);
    case PY_OP_SUB: return py_binary_op(ctx, PY_OP_SUB, x, y);
    case PY_OP_AND: return py_truthy(ctx, py_binary_op(ctx, PY_OP_LT, x, y)) ? x : y;
    default: return py_truthy(ctx, py_binary_op(ctx, PY_OP_LT, x, y)) ? y : x;
    }
}

static py_val counter_arith(py_ctx *ctx, int op, py_val a, py_val b)
{
    py_val r = new_counter(ctx, &coll_counter_type);
    py_dict *da = PY_PTR(a), *db = PY_PTR(b);
    for (uint32_t i = 0; i < da->fill; i++) {
        py_val k = da->entries[i].key;
        if (k != PY_NULL) {
            py_val v = combine(ctx, op, da->entries[i].value, count_of(ctx, b, k));
            if (keep_positive(ctx, v)) {
                py_dict_set(ctx, r, k, v);
            }
        }
    }
    for (uint32_t i = 0; i < db->fill; i++) {
        py_val k = db->entries[i].key;
        if (k == PY_NULL || py_dict_get(ctx, a, k) != PY_NULL) {
            continue;
        }
        py_val v = combine(ctx, op, PY_MK_SMALL(0), db->entries[i].value);
        if (keep_positive(ctx, v)) {
            py_dict_set(ctx, r, k, v);
        }
    }
    return r;
}

/* Equality treats missing counts as zero (Python 3.10+). */
static bool counter_eq(py_ctx *ctx, py_val a, py_val b)
{
    for (int pass = 0; pass < 2; pass++) {
        py_dict *d = PY_PTR(pass ? b : a);
        py_val other = pass ? a : b;
        for (uint32_t i = 0; i < d->fill; i++) {
            py_val k = d->entries[i].key;
            if (k != PY_NULL && !py_equal(ctx, d->entries[i].value, count_of(ctx, other, k))) {
                return false;
            }
        }
    }
    return true;
}

static py_val counter_binary(py_ctx *ctx, int op, py_val a, py_val b)
{
    if (!py_isinstance(ctx, a, &py_type_dict)) {
        return PY_NULL; /* called for the right operand */
    }
    bool bc =
        py_isinstance(ctx, a, &coll_counter_type) && py_isinstance(ctx, b, &coll_counter_type);
    if (bc && (op == PY_OP_EQ || op == PY_OP_NE)) {
        bool eq = counter_eq(ctx, a, b);
        return PY_BOOL(op == PY_OP_EQ ? eq : !eq);
    }
    if (bc && (op == PY_OP_ADD || op == PY_OP_SUB || op == PY_OP_AND || op == PY_OP_OR)) {
        return counter_arith(ctx, op, a, b);
    }
    return py_type_dict.binary_op ? py_type_dict.binary_op(ctx, op, a, b) : PY_NULL;
}

static py_val counter_unary(py_ctx *ctx, int op, py_val self)
{
    if (op == PY_OP_POS || op == PY_OP_NEG) {
        py_val empty = new_counter(ctx, &coll_counter_type);
        return op == PY_OP_POS ? counter_arith(ctx, PY_OP_ADD, self, empty)
                               : counter_arith(ctx, PY_OP_SUB, empty, self);
    }
    return py_type_dict.unary_op ? py_type_dict.unary_op(ctx, op, self) : PY_NULL;
}

static const py_attr_def counter_locals[] = {
    {"update", PY_OBJV(&cn_update_obj)},
    {"subtract", PY_OBJV(&cn_subtract_obj)},
    {"most_common", PY_OBJV(&cn_most_common_obj)},
    {"elements", PY_OBJV(&cn_elements_obj)},
    {"total", PY_OBJV(&cn_total_obj)},
    {"copy", PY_OBJV(&cn_copy_obj)},
    {NULL, 0},
};

const py_type coll_counter_type = {
    {&py_type_type},
    "Counter",
    PY_TF_BASETYPE,
    counter_make_new,
    counter_print,
    .unary_op = counter_unary,
    .binary_op = counter_binary,
    .subscr = counter_subscr,
    .locals = counter_locals,
    .base_type = &py_type_dict,
    .inst_size = sizeof(py_dict),
};

/* ---- namedtuple ----------------------------------------------------------------- */

/* A namedtuple class: a native tuple subtype built at run time. */
typedef struct nt_type {
    py_type type;
    py_val name, fields, defaults; /* str, tuple of str, tuple (rightmost fields) */
    py_attr_def *locals;
} nt_type;

typedef struct nt_getter {
    py_obj base;
    size_t index;
} nt_getter;

extern const py_type coll_nt_getter_type;
static py_val nt_make_new(py_ctx *ctx, const py_type *type, size_t n, size_t nk,
                          const py_val *args);

/* The namedtuple type behind self (or a class derived from it). */
static nt_type *nt_of_type(const py_type *t)
{
    for (; t; t = t->base_type) {
        if (t->make_new == nt_make_new) {
            return (nt_type *)(uintptr_t)t;
        }
    }
    return NULL;
}

static py_val getter_call(py_ctx *ctx, py_val self, size_t n, size_t nk, const py_val *args)
{
    py_check_nargs(ctx, n + nk, 1, 1);
    size_t len;
    py_val *items;
    mod_get_items(ctx, args[0], &len, &items);
    size_t i = ((nt_getter *)PY_PTR(self))->index;
    if (i >= len) {
        py_raise(ctx, &py_type_IndexError, "tuple index out of range");
    }
    return items[i];
}

const py_type coll_nt_getter_type = {{&py_type_type}, "_tuplegetter", 0, .call = getter_call};

static size_t nt_nfields(const nt_type *nt)
{
    return ((py_tuple *)PY_PTR(nt->fields))->len;
}

static py_val nt_field(const nt_type *nt, size_t i)
{
    return ((py_tuple *)PY_PTR(nt->fields))->items[i];
}

static py_val new_instance(py_ctx *ctx, const py_type *type, size_t n, const py_val *values)
{
    py_val t = py_tuple_new(ctx, n, values);
    ((py_obj *)PY_PTR(t))->type = type;
    return t;
}

/* Places keyword arguments into their field slots. */
static void nt_keywords(py_ctx *ctx, nt_type *nt, size_t nk, const py_val *kw, py_val *vals)
{
    size_t nf = nt_nfields(nt);
    for (size_t k = 0; k < nk; k++) {
        py_val key = PY_MK_QSTR(PY_QSTR(kw[2 * k]));
        size_t f = 0;
        while (f < nf && !py_equal(ctx, nt_field(nt, f), key)) {
            f++;
        }
        if (f == nf) {
            py_raise(ctx, &py_type_TypeError,
                     "%s.__new__() got an unexpected keyword argument '%q'", nt->type.name,
                     PY_QSTR(kw[2 * k]));
        }
        if (vals[f] != PY_NULL) {
            py_raise(ctx, &py_type_TypeError, "%s.__new__() got multiple values for argument '%q'",
                     nt->type.name, PY_QSTR(kw[2 * k]));
        }
        vals[f] = kw[2 * k + 1];
    }
}

/* CPython's "missing 2 required positional arguments: 'x' and 'y'". */
static _Noreturn void missing_error(py_ctx *ctx, nt_type *nt, const py_val *vals, size_t missing)
{
    mod_buf b;
    mb_init(ctx, &b, 64);
    size_t seen = 0;
    for (size_t f = 0; f < nt_nfields(nt); f++) {
        if (vals[f] != PY_NULL) {
            continue;
        }
        if (seen) {
            mb_adds(ctx, &b, missing == 2 ? " and " : seen + 1 == missing ? ", and " : ", ");
        }
        mb_add_val(ctx, &b, nt_field(nt, f), PY_PRINT_REPR);
        seen++;
    }
    py_raise(ctx, &py_type_TypeError, "%s.__new__() missing %d required positional argument%s: %S",
             nt->type.name, (int)missing, missing == 1 ? "" : "s", mb_to_str(ctx, &b));
}

static py_val nt_make_new(py_ctx *ctx, const py_type *type, size_t n, size_t nk, const py_val *args)
{
    nt_type *nt = nt_of_type(type);
    size_t nf = nt_nfields(nt), nd = py_len(ctx, nt->defaults);
    if (n > nf) {
        py_raise(ctx, &py_type_TypeError,
                 "%s.__new__() takes %d positional arguments but %d were given", nt->type.name,
                 (int)nf + 1, (int)n + 1);
    }
    py_val *vals = py_alloc(ctx, (nf + 1) * sizeof(py_val));
    if (n) {
        memcpy(vals, args, n * sizeof(py_val));
    }
    nt_keywords(ctx, nt, nk, args + n, vals);
    size_t missing = 0;
    for (size_t f = 0; f < nf; f++) {
        if (vals[f] == PY_NULL && f >= nf - nd) {
            vals[f] = ((py_tuple *)PY_PTR(nt->defaults))->items[f - (nf - nd)];
        }
        missing += vals[f] == PY_NULL;
    }
    if (missing) {
        missing_error(ctx, nt, vals, missing);
    }
    return new_instance(ctx, type, nf, vals);
}

static void nt_print(py_ctx *ctx, py_print *p, py_val self, int kind)
{
    nt_type *nt = nt_of_type(py_type_of(self));
    size_t n;
    py_val *items;
    mod_get_items(ctx, self, &n, &items);
    py_printf(ctx, p, "%s(", py_type_of(self)->name);
    for (size_t i = 0; i < n && i < nt_nfields(nt); i++) {
        py_printf(ctx, p, "%s%S=%r", i ? ", " : "", nt_field(nt, i), items[i]);
    }
    py_print_str(p, ")");
}

static py_val nt_asdict(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    nt_type *nt = nt_of_type(py_type_of(a[0]));
    size_t len;
    py_val *items, d = py_dict_new(ctx);
    mod_get_items(ctx, a[0], &len, &items);
    for (size_t i = 0; i < len && i < nt_nfields(nt); i++) {
        py_dict_set(ctx, d, nt_field(nt, i), items[i]);
    }
    return d;
}
static PY_FUN(nt_asdict_obj, "_asdict", 1, 1, nt_asdict);

static py_val nt_replace(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    if (n != 1) {
        py_raise(ctx, &py_type_TypeError,
                 "_replace() takes 1 positional argument but %d were given", (int)n);
    }
    nt_type *nt = nt_of_type(py_type_of(a[0]));
    size_t len, nf = nt_nfields(nt);
    py_val *items;
    mod_get_items(ctx, a[0], &len, &items);
    py_val *vals = py_alloc(ctx, (nf + 1) * sizeof(py_val));
    for (size_t k = 0; k < nk; k++) {
        py_val key = PY_MK_QSTR(PY_QSTR(a[1 + 2 * k]));
        size_t f = 0;
        while (f < nf && !py_equal(ctx, nt_field(nt, f), key)) {
            f++;
        }
        if (f == nf) {
            py_raise(ctx, &py_type_ValueError, "Got unexpected field names: ['%q']",
                     PY_QSTR(a[1 + 2 * k]));
        }
        vals[f] = a[2 + 2 * k];
    }
    for (size_t f = 0; f < nf; f++) {
        vals[f] = vals[f] != PY_NULL ? vals[f] : items[f];
    }
    return new_instance(ctx, py_type_of(a[0]), nf, vals);
}
static PY_FUN_KWARGS(nt_replace_obj, "_replace", 1, nt_replace);

static py_val nt_make(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    const py_type *cls = PY_PTR(a[0]);
    nt_type *nt = nt_of_type(cls);
    py_val t = py_call(ctx, PY_OBJV(&py_type_tuple), 1, &a[1]);
    size_t len;
    py_val *items;
    mod_get_items(ctx, t, &len, &items);
    if (len != nt_nfields(nt)) {
        py_raise(ctx, &py_type_TypeError, "Expected %d arguments, got %d", (int)nt_nfields(nt),
                 (int)len);
    }
    return py_call(ctx, a[0], len, items);
}
static PY_FUN(nt_make_fun, "_make", 2, 2, nt_make);
static PY_CLASSMETHOD(nt_make_obj, nt_make_fun);

static const char *const py_keywords[] = {
    "False", "None",     "True",  "and",    "as",   "assert", "async",  "await",    "break",
    "class", "continue", "def",   "del",    "elif", "else",   "except", "finally",  "for",
    "from",  "global",   "if",    "import", "in",   "is",     "lambda", "nonlocal", "not",
    "or",    "pass",     "raise", "return", "try",  "while",  "with",   "yield",
};

static bool is_identifier(const char *s, size_t len)
{
    if (!len || (s[0] >= '0' && s[0] <= '9')) {
        return false;
    }
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        if (!(c == '_' || c >= 0x80 || (c >= '0' && c <= '9') ||
              ((c | 32) >= 'a' && (c | 32) <= 'z'))) {
            return false;
        }
    }
    return true;
}

static bool is_keyword(const char *s, size_t len)
{
    for (size_t i = 0; i < sizeof py_keywords / sizeof *py_keywords; i++) {
        if (strlen(py_keywords[i]) == len && !memcmp(py_keywords[i], s, len)) {
            return true;
        }
    }
    return false;
}

/* field_names as a list of str: "a b", "a, b" or any iterable of str. */
static py_val field_list(py_ctx *ctx, py_val names)
{
    if (py_type_of(names) == &py_type_str || PY_IS_QSTR(names)) {
        size_t len;
        const char *s = py_str_get(ctx, names, &len);
        py_val list = py_list_new(ctx, 0, NULL);
        for (size_t i = 0; i < len;) {
            while (i < len && (s[i] == ',' || s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r'))) {
                i++;
            }
            size_t start = i;
            while (i < len && !(s[i] == ',' || s[i] == ' ' || (s[i] >= '\t' && s[i] <= '\r'))) {
                i++;
            }
            if (i > start) {
                py_list_append(ctx, list, py_str_new(ctx, s + start, i - start));
            }
        }
        return list;
    }
    py_val list = py_list_new(ctx, 0, NULL), it = py_iter(ctx, names), item;
    while ((item = py_next(ctx, it)) != PY_STOP) {
        py_list_append(ctx, list, py_to_str(ctx, item));
    }
    return list;
}

/* Validates (or with rename, replaces) the field names in place. */
static void check_fields(py_ctx *ctx, py_list *l, bool rename)
{
    for (size_t i = 0; i < l->len; i++) {
        size_t len;
        const char *s = py_str_get(ctx, l->items[i], &len);
        bool dup = false;
        for (size_t j = 0; j < i; j++) {
            dup |= py_equal(ctx, l->items[j], l->items[i]);
        }
        bool bad = !is_identifier(s, len) || is_keyword(s, len) || s[0] == '_' || dup;
        if (bad && rename) {
            char buf[24];
            size_t p = sizeof buf;
            buf[--p] = 0;
            for (size_t v = i;; v /= 10) {
                buf[--p] = (char)('0' + v % 10);
                if (v < 10) {
                    break;
                }
            }
            buf[--p] = '_';
            l->items[i] = py_str_from_cstr(ctx, buf + p);
        } else if (!is_identifier(s, len)) {
            py_raise(ctx, &py_type_ValueError,
                     "Type names and field names must be valid identifiers: %r", l->items[i]);
        } else if (is_keyword(s, len)) {
            py_raise(ctx, &py_type_ValueError, "Type names and field names cannot be a keyword: %r",
                     l->items[i]);
        } else if (s[0] == '_') {
            py_raise(ctx, &py_type_ValueError, "Field names cannot start with an underscore: %r",
                     l->items[i]);
        } else if (dup) {
            py_raise(ctx, &py_type_ValueError, "Encountered duplicate field name: %r", l->items[i]);
        }
    }
}

/* The class's attribute table: fields as properties, then helpers. */
static py_attr_def *nt_locals(py_ctx *ctx, py_list *fields, py_val field_tuple, py_val defaults)
{
    size_t nf = fields->len, k = 0;
    py_attr_def *defs = py_alloc(ctx, (nf + 8) * sizeof(py_attr_def));
    for (size_t i = 0; i < nf; i++) {
        nt_getter *g = py_obj_new(ctx, &coll_nt_getter_type, sizeof(nt_getter));
        g->index = i;
        py_val gv = PY_VAL(g);
        size_t len;
        defs[k].name = py_str_get(ctx, fields->items[i], &len);
        defs[k++].value = py_call(ctx, PY_OBJV(&py_type_property), 1, &gv);
    }
    py_val fdef = py_dict_new(ctx);
    size_t nd = py_len(ctx, defaults);
    for (size_t i = 0; i < nd; i++) {
        py_dict_set(ctx, fdef, fields->items[nf - nd + i],
                    ((py_tuple *)PY_PTR(defaults))->items[i]);
    }
    defs[k++] = (py_attr_def){"_fields", field_tuple};
    defs[k++] = (py_attr_def){"_field_defaults", fdef};
    defs[k++] = (py_attr_def){"__match_args__", field_tuple};
    defs[k++] = (py_attr_def){"_make", PY_OBJV(&nt_make_obj)};
    defs[k++] = (py_attr_def){"_asdict", PY_OBJV(&nt_asdict_obj)};
    defs[k++] = (py_attr_def){"_replace", PY_OBJV(&nt_replace_obj)};
    defs[k] = (py_attr_def){NULL, 0};
    return defs;
}

static py_val coll_namedtuple(py_ctx *ctx, size_t n, size_t nk, const py_val *args)
{
    const py_arg_spec spec[] = {
        {py_qstr_from_cstr(ctx, "typename"), PY_ARG_REQUIRED, 0},
        {py_qstr_from_cstr(ctx, "field_names"), PY_ARG_REQUIRED, 0},
        {py_qstr_from_cstr(ctx, "rename"), PY_ARG_KWONLY, PY_FALSE},
        {py_qstr_from_cstr(ctx, "defaults"), PY_ARG_KWONLY, PY_NONE},
        {py_qstr_from_cstr(ctx, "module"), PY_ARG_KWONLY, PY_NONE},
    };
    py_val v[5];
    py_parse_args(ctx, n, nk, args, spec, 5, v);
    py_val name = py_to_str(ctx, v[0]);
    size_t nlen;
    const char *tname = py_str_get(ctx, name, &nlen);
    if (!is_identifier(tname, nlen)) {
        py_raise(ctx, &py_type_ValueError,
                 "Type names and field names must be valid identifiers: %r", name);
    }
    if (is_keyword(tname, nlen)) {
        py_raise(ctx, &py_type_ValueError, "Type names and field names cannot be a keyword: %r",
                 name);
    }
    py_val fl = field_list(ctx, v[1]);
    py_list *fields = PY_PTR(fl);
    check_fields(ctx, fields, py_truthy(ctx, v[2]));
    py_val defaults = v[3] == PY_NONE ? py_tuple_new(ctx, 0, NULL)
                                      : py_call(ctx, PY_OBJV(&py_type_tuple), 1, &v[3]);
    if (py_len(ctx, defaults) > fields->len) {
        py_raise(ctx, &py_type_TypeError, "Got more default values than field names");
    }
    nt_type *nt = py_alloc(ctx, sizeof(nt_type));
    nt->name = name;
    nt->fields = py_tuple_new(ctx, fields->len, fields->items);
    nt->defaults = defaults;
    nt->locals = nt_locals(ctx, fields, nt->fields, defaults);
    py_type *t = &nt->type;
    t->base.type = &py_type_type;
    t->name = tname;
    t->flags = PY_TF_BASETYPE;
    t->make_new = nt_make_new;
    t->print = nt_print;
    t->binary_op = mod_tuple_binary;
    t->locals = nt->locals;
    t->base_type = &py_type_tuple;
    t->inst_size = (uint16_t)(sizeof(py_tuple) + fields->len * sizeof(py_val));
    return PY_VAL(t);
}
static PY_FUN_KWARGS(coll_namedtuple_obj, "namedtuple", 2, coll_namedtuple);

static const py_attr_def coll_attrs[] = {
    {"deque", PY_OBJV(&coll_deque_type)},          {"OrderedDict", PY_OBJV(&coll_odict_type)},
    {"defaultdict", PY_OBJV(&coll_ddict_type)},    {"Counter", PY_OBJV(&coll_counter_type)},
    {"namedtuple", PY_OBJV(&coll_namedtuple_obj)}, {NULL, 0},
};

const py_module_def py_mod_collections = {"collections", coll_attrs, NULL};
