/* dict (insertion ordered), set and frozenset over one hash table design:
 * an entries array in insertion order plus an open-addressing index of
 * entry numbers. Sets iterate in index order (like CPython, small ints come
 * out sorted); dicts in insertion order. */
#include "internal.h"

#define MIN_INDEX 8

uint32_t py_key_hash(py_ctx *ctx, py_val key)
{
    if (PY_IS_QSTR(key)) {
        return py_qstr_hash(ctx, PY_QSTR(key));
    }
    if (PY_IS_SMALL(key)) {
        return (uint32_t)PY_SMALL(key);
    }
    const py_type *t = ((py_obj *)key)->type;
    if (t == &py_type_str) {
        return py_str_hash(ctx, key);
    }
    return (uint32_t)py_hash(ctx, key);
}

static bool keys_equal(py_ctx *ctx, py_val a, py_val b)
{
    if (a == b) {
        return true;
    }
    if ((PY_IS_QSTR(a) && PY_IS_QSTR(b)) || (PY_IS_SMALL(a) && PY_IS_SMALL(b))) {
        return false;
    }
    bool as = py_type_of(a) == &py_type_str, bs = py_type_of(b) == &py_type_str;
    if (as && bs) {
        return py_str_equal(ctx, a, b);
    }
    /* a str never equals a non-str built-in; a class instance (str subclass, own __eq__) may */
    if ((as || bs) && !(py_type_of(as ? b : a)->flags & PY_TF_CLASS)) {
        return false;
    }
    return py_equal(ctx, a, b);
}

py_dict *py_dict_alloc(py_ctx *ctx, const py_type *type, size_t cap)
{
    py_dict *d = py_obj_new(ctx, type, sizeof(py_dict));
    d->version = ++ctx->dict_version;
    if (cap > 0) {
        d->entries = py_alloc(ctx, cap * sizeof(py_dict_entry));
        d->cap = (uint32_t)cap;
    }
    return d;
}

py_val py_dict_new(py_ctx *ctx)
{
    return PY_VAL(py_dict_alloc(ctx, &py_type_dict, 0));
}

static void index_build(py_ctx *ctx, py_dict *d, uint32_t size)
{
    uint32_t *idx = py_alloc_raw(ctx, size * sizeof(uint32_t));
    uint32_t mask = size - 1;
    for (uint32_t e = 0; e < d->fill; e++) {
        if (d->entries[e].key == PY_NULL) {
            continue;
        }
        uint32_t i = py_key_hash(ctx, d->entries[e].key) & mask;
        while (idx[i] != 0) {
            i = (i + 1) & mask;
        }
        idx[i] = e + 1;
    }
    d->index = idx;
    d->mask = mask;
}

/* Drop deleted entries (renumbering) and rebuild the index. */
static void dict_resize(py_ctx *ctx, py_dict *d, uint32_t want_used)
{
    if (d->fill != d->used) {
        uint32_t w = 0;
        for (uint32_t e = 0; e < d->fill; e++) {
            if (d->entries[e].key != PY_NULL) {
                d->entries[w++] = d->entries[e];
            }
        }
        if (d->fill > w) {
            memset(d->entries + w, 0, (d->fill - w) * sizeof(py_dict_entry));
        }
        d->fill = w;
    }
    uint32_t cap = want_used < 4 ? 4 : want_used;
    if (cap > d->cap || cap * 4 < d->cap) {
        py_dict_entry *ne = py_alloc(ctx, cap * sizeof(py_dict_entry));
        if (d->fill > 0) {
            memcpy(ne, d->entries, d->fill * sizeof(py_dict_entry));
        }
        d->entries = ne;
        d->cap = cap;
    }
    uint32_t size = MIN_INDEX;
    while (size * 2 < d->cap * 3) {
        size *= 2;
    }
    index_build(ctx, d, size);
    d->version = ++ctx->dict_version;
}

py_dict_entry *py_dict_lookup(py_ctx *ctx, py_dict *d, py_val key, uint32_t hash)
{
    if (d->used == 0) {
        return NULL;
    }
    uint32_t mask = d->mask;
    uint32_t i = hash & mask;
    for (;;) {
        uint32_t e = d->index[i];
        if (e == 0) {
            return NULL;
        }
        py_dict_entry *ent = &d->entries[e - 1];
        if (ent->key == key) {
            return ent;
        }
        if (ent->key != PY_NULL && keys_equal(ctx, ent->key, key)) {
            return ent;
        }
        i = (i + 1) & mask;
    }
}

py_dict_entry *py_dict_lookup_q(py_ctx *ctx, py_dict *d, py_qstr q)
{
    if (d->used == 0) {
        return NULL;
    }
    py_val key = PY_MK_QSTR(q);
    uint32_t mask = d->mask;
    uint32_t i = py_qstr_hash(ctx, q) & mask;
    for (;;) {
        uint32_t e = d->index[i];
        if (e == 0) {
            return NULL;
        }
        py_dict_entry *ent = &d->entries[e - 1];
        if (ent->key == key) {
            return ent;
        }
        if (!PY_IS_QSTR(ent->key) && ent->key != PY_NULL && py_type_of(ent->key) == &py_type_str &&
            py_str_equal(ctx, ent->key, key)) {
            return ent;
        }
        i = (i + 1) & mask;
    }
}

void py_dict_store(py_ctx *ctx, py_dict *d, py_val key, py_val value)
{
    uint32_t hash = py_key_hash(ctx, key);
    py_dict_entry *e = py_dict_lookup(ctx, d, key, hash);
    if (e != NULL) {
        e->value = value;
        return;
    }
    if (d->index == NULL || d->fill >= d->cap || (d->fill + 1) * 3 > (d->mask + 1) * 2) {
        dict_resize(ctx, d, d->used < 4 ? 4 : d->used * 2);
    }
    uint32_t n = d->fill++;
    d->entries[n].key = key;
    d->entries[n].value = value;
    d->used++;
    uint32_t i = hash & d->mask;
    while (d->index[i] != 0) {
        i = (i + 1) & d->mask;
    }
    d->index[i] = n + 1;
    d->version = ++ctx->dict_version;
}

void py_dict_store_q(py_ctx *ctx, py_dict *d, py_qstr q, py_val value)
{
    py_dict_store(ctx, d, PY_MK_QSTR(q), value);
}

bool py_dict_remove(py_ctx *ctx, py_dict *d, py_val key, py_val *value_out)
{
    py_dict_entry *e = py_dict_lookup(ctx, d, key, py_key_hash(ctx, key));
    if (e == NULL) {
        return false;
    }
    if (value_out != NULL) {
        *value_out = e->value;
    }
    /* keep the index slot (tombstone: entry with NULL key) so probing works */
    e->key = PY_NULL;
    e->value = PY_NULL;
    d->used--;
    d->version = ++ctx->dict_version;
    if (d->used == 0 && d->fill > 0) {
        memset(d->entries, 0, d->fill * sizeof(py_dict_entry));
        d->fill = 0;
        memset(d->index, 0, (d->mask + 1) * sizeof(uint32_t));
    }
    return true;
}

void py_dict_set(py_ctx *ctx, py_val dict, py_val key, py_val value)
{
    py_dict_store(ctx, PY_PTR(dict), key, value);
}

py_val py_dict_get(py_ctx *ctx, py_val dict, py_val key)
{
    py_dict *d = PY_PTR(dict);
    py_dict_entry *e = py_dict_lookup(ctx, d, key, py_key_hash(ctx, key));
    return e ? e->value : PY_NULL;
}

static void dict_clear(py_ctx *ctx, py_dict *d)
{
    d->used = d->fill = d->cap = d->mask = 0;
    d->entries = NULL;
    d->index = NULL;
    d->version = ++ctx->dict_version;
}

/* --- dict type ------------------------------------------------------------------ */

static void dict_print(py_ctx *ctx, py_print *p, py_val self, int kind)
{
    py_dict *d = PY_PTR(self);
    PY_CSTACK_CHECK(ctx);
    py_print_str(p, "{");
    bool first = true;
    for (uint32_t i = 0; i < d->fill; i++) {
        if (d->entries[i].key == PY_NULL) {
            continue;
        }
        if (!first) {
            py_print_str(p, ", ");
        }
        first = false;
        py_print_val(ctx, p, d->entries[i].key, PY_PRINT_REPR);
        py_print_str(p, ": ");
        py_print_val(ctx, p, d->entries[i].value, PY_PRINT_REPR);
    }
    py_print_str(p, "}");
}

static void dict_update_from(py_ctx *ctx, py_dict *d, py_val src)
{
    const py_type *t = py_type_of(src);
    if (t == &py_type_dict ||
        (py_isinstance(ctx, src, &py_type_dict) && !(t->flags & PY_TF_CLASS))) {
        py_dict *s = PY_PTR(src);
        for (uint32_t i = 0; i < s->fill; i++) {
            if (s->entries[i].key != PY_NULL) {
                py_dict_store(ctx, d, s->entries[i].key, s->entries[i].value);
            }
        }
        return;
    }
    py_val keys = py_getattr_opt(ctx, src, PY_Q_keys);
    if (keys != PY_NULL) {
        py_val it = py_iter(ctx, py_call(ctx, keys, 0, NULL));
        for (py_val k; (k = py_next(ctx, it)) != PY_STOP;) {
            py_dict_store(ctx, d, k, py_subscr(ctx, src, k, PY_NULL));
        }
        return;
    }
    py_val it = py_iter(ctx, src);
    int index = 0;
    for (py_val item; (item = py_next(ctx, it)) != PY_STOP; index++) {
        if (!py_is_iterable(ctx, item)) {
            py_raise(ctx, &py_type_TypeError,
                     "cannot convert dictionary update sequence element #%d to a sequence", index);
        }
        py_val pit = py_iter(ctx, item);
        py_val k = py_next(ctx, pit);
        py_val v = k == PY_STOP ? PY_STOP : py_next(ctx, pit);
        int len = (k != PY_STOP) + (v != PY_STOP);
        while (v != PY_STOP && py_next(ctx, pit) != PY_STOP) {
            len++;
        }
        if (len != 2) {
            py_raise(ctx, &py_type_ValueError,
                     "dictionary update sequence element #%d has length %d; 2 is required", index,
                     len);
        }
        py_dict_store(ctx, d, k, v);
    }
}

static void dict_update_args(py_ctx *ctx, py_dict *d, size_t n_args, size_t n_kw,
                             const py_val *args)
{
    if (n_args > 1) {
        py_raise(ctx, &py_type_TypeError, "dict expected at most 1 argument, got %d", (int)n_args);
    }
    if (n_args == 1) {
        dict_update_from(ctx, d, args[0]);
    }
    for (size_t i = 0; i < n_kw; i++) {
        py_dict_store(ctx, d, args[n_args + 2 * i], args[n_args + 2 * i + 1]);
    }
}

static py_val dict_make_new(py_ctx *ctx, const py_type *type, size_t n_args, size_t n_kw,
                            const py_val *args)
{
    py_dict *d = py_dict_alloc(ctx, &py_type_dict, 0);
    dict_update_args(ctx, d, n_args, n_kw, args);
    return PY_VAL(d);
}

static py_val dict_unary_op(py_ctx *ctx, int op, py_val self)
{
    py_dict *d = PY_PTR(self);
    switch (op) {
    case PY_OP_LEN: return PY_MK_SMALL(d->used);
    case PY_OP_BOOL: return PY_BOOL(d->used != 0);
    case PY_OP_HASH: py_raise(ctx, &py_type_TypeError, "unhashable type: '%s'", py_type_name(self));
    default: return PY_NULL;
    }
}

static py_val dict_copy_val(py_ctx *ctx, py_dict *s, const py_type *type)
{
    py_dict *d = py_dict_alloc(ctx, type, 0);
    if (s->used > 0) {
        dict_resize(ctx, d, s->used);
        for (uint32_t i = 0; i < s->fill; i++) {
            if (s->entries[i].key != PY_NULL) {
                py_dict_store(ctx, d, s->entries[i].key, s->entries[i].value);
            }
        }
    }
    return PY_VAL(d);
}

static py_val dict_binary_op(py_ctx *ctx, int op, py_val a, py_val b)
{
    py_dict *d = PY_PTR(a);
    switch (op) {
    case PY_OP_IN: return PY_BOOL(py_dict_lookup(ctx, d, b, py_key_hash(ctx, b)) != NULL);
    case PY_OP_EQ:
    case PY_OP_NE: {
        if (!py_isinstance(ctx, b, &py_type_dict) || !py_isinstance(ctx, a, &py_type_dict)) {
            return PY_NULL;
        }
        py_dict *e = PY_PTR(b);
        bool eq = d->used == e->used;
        for (uint32_t i = 0; eq && i < d->fill; i++) {
            py_val k = d->entries[i].key;
            if (k == PY_NULL) {
                continue;
            }
            py_dict_entry *o = py_dict_lookup(ctx, e, k, py_key_hash(ctx, k));
            eq = o != NULL &&
                 (o->value == d->entries[i].value || py_equal(ctx, o->value, d->entries[i].value));
        }
        return PY_BOOL(eq == (op == PY_OP_EQ));
    }
    case PY_OP_OR:
    case PY_OP_IOR:
        if (!py_isinstance(ctx, b, &py_type_dict) || !py_isinstance(ctx, a, &py_type_dict)) {
            return PY_NULL;
        }
        if (op == PY_OP_OR) {
            a = dict_copy_val(ctx, d, &py_type_dict);
        }
        dict_update_from(ctx, PY_PTR(a), b);
        return a;
    }
    return PY_NULL;
}

static py_val dict_subscr(py_ctx *ctx, py_val self, py_val index, py_val value)
{
    py_dict *d = PY_PTR(self);
    if (value == PY_NULL) {
        py_dict_entry *e = py_dict_lookup(ctx, d, index, py_key_hash(ctx, index));
        if (e == NULL) {
            if (py_type_of(self)->flags & PY_TF_CLASS) {
                py_val m = py_special(ctx, self, PY_Q___missing__);
                if (m != PY_NULL) {
                    return py_call(ctx, m, 1, &index);
                }
            }
            py_raise_obj(ctx, py_exc_new(ctx, &py_type_KeyError, 1, &index));
        }
        return e->value;
    }
    if (value == PY_STOP) {
        if (!py_dict_remove(ctx, d, index, NULL)) {
            py_raise_obj(ctx, py_exc_new(ctx, &py_type_KeyError, 1, &index));
        }
        return PY_NONE;
    }
    py_dict_store(ctx, d, index, value);
    return PY_NONE;
}

/* Dict iterators and views. kind: 0 keys, 1 values, 2 items. */
typedef struct dict_iter {
    py_obj base;
    py_dict *d;
    uint32_t pos;
    uint32_t used;
    uint8_t kind;
} dict_iter;

static py_val dict_iternext(py_ctx *ctx, py_val self)
{
    dict_iter *it = PY_PTR(self);
    py_dict *d = it->d;
    if (d->used != it->used) {
        it->used = d->used;
        py_raise(ctx, &py_type_RuntimeError, "dictionary changed size during iteration");
    }
    while (it->pos < d->fill && d->entries[it->pos].key == PY_NULL) {
        it->pos++;
    }
    if (it->pos >= d->fill) {
        return PY_STOP;
    }
    py_dict_entry *e = &d->entries[it->pos++];
    if (it->kind == 0) {
        return e->key;
    }
    if (it->kind == 1) {
        return e->value;
    }
    py_val t[2] = {e->key, e->value};
    return py_tuple_new(ctx, 2, t);
}

static const py_type dict_iter_type = {
    {&py_type_type}, "dict_keyiterator", PY_TF_ITER_SELF, .iternext = dict_iternext};

static py_val dict_iter_new(py_ctx *ctx, py_dict *d, int kind)
{
    dict_iter *it = py_obj_new(ctx, &dict_iter_type, sizeof(dict_iter));
    it->d = d;
    it->kind = (uint8_t)kind;
    it->used = d->used;
    return PY_VAL(it);
}

static py_val dict_getiter(py_ctx *ctx, py_val self)
{
    return dict_iter_new(ctx, PY_PTR(self), 0);
}

typedef struct dict_view {
    py_obj base;
    py_dict *d;
    int kind;
} dict_view;

static py_val view_getiter(py_ctx *ctx, py_val self)
{
    dict_view *v = PY_PTR(self);
    return dict_iter_new(ctx, v->d, v->kind);
}

static void view_print(py_ctx *ctx, py_print *p, py_val self, int kind)
{
    dict_view *v = PY_PTR(self);
    static const char *const names[] = {"dict_keys", "dict_values", "dict_items"};
    py_printf(ctx, p, "%s(", names[v->kind]);
    py_val l = py_list_from_iter(ctx, self);
    py_print_val(ctx, p, l, PY_PRINT_REPR);
    py_print_str(p, ")");
}

static py_val view_unary_op(py_ctx *ctx, int op, py_val self)
{
    dict_view *v = PY_PTR(self);
    if (op == PY_OP_LEN) {
        return PY_MK_SMALL(v->d->used);
    }
    if (op == PY_OP_BOOL) {
        return PY_BOOL(v->d->used != 0);
    }
    return PY_NULL;
}

static py_val set_binary_op(py_ctx *ctx, int op, py_val a, py_val b);

/* A new set of the items of an iterable (a dict view or anything else). */
static py_val view_to_set(py_ctx *ctx, py_val v)
{
    py_val s = py_set_new(ctx, &py_type_set);
    py_val it = py_iter(ctx, v);
    for (py_val x; (x = py_next(ctx, it)) != PY_STOP;) {
        py_set_add(ctx, s, x);
    }
    return s;
}

static py_val view_binary_op(py_ctx *ctx, int op, py_val a, py_val b)
{
    if (py_type_of(a) != &py_type_dict_view) {
        if (op == PY_OP_SUB && ((dict_view *)PY_PTR(b))->kind != 1) { /* iterable - view */
            return set_binary_op(ctx, op, view_to_set(ctx, a), view_to_set(ctx, b));
        }
        py_val t = a;
        a = b;
        b = t;
        if (op != PY_OP_AND && op != PY_OP_OR && op != PY_OP_XOR && op != PY_OP_EQ) {
            return PY_NULL;
        }
    }
    dict_view *v = PY_PTR(a);
    if (op == PY_OP_IN) {
        if (v->kind == 0) {
            return PY_BOOL(py_dict_lookup(ctx, v->d, b, py_key_hash(ctx, b)) != NULL);
        }
        if (v->kind == 2) {
            if (py_type_of(b) != &py_type_tuple || ((py_tuple *)b)->len != 2) {
                return PY_FALSE;
            }
            py_tuple *t = PY_PTR(b);
            py_dict_entry *e =
                py_dict_lookup(ctx, v->d, t->items[0], py_key_hash(ctx, t->items[0]));
            return PY_BOOL(e != NULL && py_equal(ctx, e->value, t->items[1]));
        }
        return PY_NULL;
    }
    bool set_op = op == PY_OP_SUB || op == PY_OP_AND || op == PY_OP_OR || op == PY_OP_XOR ||
                  (op >= PY_OP_LT && op < PY_OP_IN);
    if (v->kind != 1 && set_op) {
        py_val s = py_set_new(ctx, &py_type_set);
        py_val it = view_getiter(ctx, a);
        for (py_val x; (x = py_next(ctx, it)) != PY_STOP;) {
            py_set_add(ctx, s, x);
        }
        if (py_type_of(b) == &py_type_dict_view) {
            py_val s2 = py_set_new(ctx, &py_type_set);
            it = view_getiter(ctx, b);
            for (py_val x; (x = py_next(ctx, it)) != PY_STOP;) {
                py_set_add(ctx, s2, x);
            }
            b = s2;
        } else if (py_type_of(b) != &py_type_set && py_type_of(b) != &py_type_frozenset) {
            py_val s2 = py_set_new(ctx, &py_type_set);
            it = py_iter(ctx, b);
            for (py_val x; (x = py_next(ctx, it)) != PY_STOP;) {
                py_set_add(ctx, s2, x);
            }
            b = s2;
        }
        return set_binary_op(ctx, op, s, b);
    }
    return PY_NULL;
}

const py_type py_type_dict_view = {
    {&py_type_type}, "dict_view",    0,    NULL, view_print,   NULL,
    view_unary_op,   view_binary_op, NULL, NULL, view_getiter,
};

static py_val view_new(py_ctx *ctx, py_val d, int kind)
{
    dict_view *v = py_obj_new(ctx, &py_type_dict_view, sizeof(dict_view));
    v->d = PY_PTR(d);
    v->kind = kind;
    return PY_VAL(v);
}

static py_val dict_keys(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return view_new(ctx, args[0], 0);
}
static py_val dict_values(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return view_new(ctx, args[0], 1);
}
static py_val dict_items(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return view_new(ctx, args[0], 2);
}

static py_val dict_get(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    py_dict_entry *e = py_dict_lookup(ctx, PY_PTR(args[0]), args[1], py_key_hash(ctx, args[1]));
    return e ? e->value : n > 2 ? args[2] : PY_NONE;
}

static py_val dict_setdefault(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    py_dict *d = PY_PTR(args[0]);
    py_dict_entry *e = py_dict_lookup(ctx, d, args[1], py_key_hash(ctx, args[1]));
    if (e != NULL) {
        return e->value;
    }
    py_val v = n > 2 ? args[2] : PY_NONE;
    py_dict_store(ctx, d, args[1], v);
    return v;
}

static py_val dict_pop(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    py_val v;
    if (py_dict_remove(ctx, PY_PTR(args[0]), args[1], &v)) {
        return v;
    }
    if (n > 2) {
        return args[2];
    }
    py_raise_obj(ctx, py_exc_new(ctx, &py_type_KeyError, 1, &args[1]));
}

static py_val dict_popitem(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    py_dict *d = PY_PTR(args[0]);
    for (uint32_t i = d->fill; i-- > 0;) {
        if (d->entries[i].key != PY_NULL) {
            py_val t[2] = {d->entries[i].key, d->entries[i].value};
            py_val r = py_tuple_new(ctx, 2, t);
            py_dict_remove(ctx, d, t[0], NULL);
            return r;
        }
    }
    py_raise(ctx, &py_type_KeyError, "popitem(): dictionary is empty");
}

static py_val dict_clear_m(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    dict_clear(ctx, PY_PTR(args[0]));
    return PY_NONE;
}

static py_val dict_copy(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return dict_copy_val(ctx, PY_PTR(args[0]), &py_type_dict);
}

static py_val dict_update(py_ctx *ctx, size_t n_args, size_t n_kw, const py_val *args)
{
    dict_update_args(ctx, PY_PTR(args[0]), n_args - 1, n_kw, args + 1);
    return PY_NONE;
}

static py_val dict_fromkeys(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    py_val d = py_call(ctx, args[0], 0, NULL);
    py_val it = py_iter(ctx, args[1]);
    for (py_val k; (k = py_next(ctx, it)) != PY_STOP;) {
        py_subscr(ctx, d, k, n > 2 ? args[2] : PY_NONE);
    }
    return d;
}

static PY_FUN(dict_keys_obj, "keys", 1, 1, dict_keys);
static PY_FUN(dict_values_obj, "values", 1, 1, dict_values);
static PY_FUN(dict_items_obj, "items", 1, 1, dict_items);
static PY_FUN(dict_get_obj, "get", 2, 3, dict_get);
static PY_FUN(dict_setdefault_obj, "setdefault", 2, 3, dict_setdefault);
static PY_FUN(dict_pop_obj, "pop", 2, 3, dict_pop);
static PY_FUN(dict_popitem_obj, "popitem", 1, 1, dict_popitem);
static PY_FUN(dict_clear_obj, "clear", 1, 1, dict_clear_m);
static PY_FUN(dict_copy_obj, "copy", 1, 1, dict_copy);
static PY_FUN_KWARGS(dict_update_obj, "update", 1, dict_update);
static PY_FUN(dict_fromkeys_fun, "fromkeys", 2, 3, dict_fromkeys);
static PY_CLASSMETHOD(dict_fromkeys_obj, dict_fromkeys_fun);

static const py_attr_def dict_locals[] = {
    {"keys", PY_OBJV(&dict_keys_obj)},
    {"values", PY_OBJV(&dict_values_obj)},
    {"items", PY_OBJV(&dict_items_obj)},
    {"get", PY_OBJV(&dict_get_obj)},
    {"setdefault", PY_OBJV(&dict_setdefault_obj)},
    {"pop", PY_OBJV(&dict_pop_obj)},
    {"popitem", PY_OBJV(&dict_popitem_obj)},
    {"clear", PY_OBJV(&dict_clear_obj)},
    {"copy", PY_OBJV(&dict_copy_obj)},
    {"update", PY_OBJV(&dict_update_obj)},
    {"fromkeys", PY_OBJV(&dict_fromkeys_obj)},
    {NULL, 0},
};

const py_type py_type_dict = {
    {&py_type_type},
    "dict",
    PY_TF_BASETYPE,
    dict_make_new,
    dict_print,
    NULL,
    dict_unary_op,
    dict_binary_op,
    NULL,
    dict_subscr,
    dict_getiter,
    NULL,
    dict_locals,
    .inst_size = sizeof(py_dict),
};

/* --- set / frozenset ----------------------------------------------------------------- */

py_val py_set_new(py_ctx *ctx, const py_type *type)
{
    return PY_VAL(py_dict_alloc(ctx, type, 0));
}

void py_set_add(py_ctx *ctx, py_val set, py_val item)
{
    py_dict_store(ctx, PY_PTR(set), item, PY_TRUE);
}

static bool is_set(py_val v)
{
    const py_type *t = py_type_of(v);
    return t == &py_type_set || t == &py_type_frozenset;
}

typedef struct set_iter {
    py_obj base;
    py_dict *d;
    uint32_t pos;
    uint32_t used;
} set_iter;

static py_val set_iternext(py_ctx *ctx, py_val self)
{
    set_iter *it = PY_PTR(self);
    py_dict *d = it->d;
    if (d->used != it->used) {
        it->used = d->used;
        py_raise(ctx, &py_type_RuntimeError, "Set changed size during iteration");
    }
    if (d->used == 0) {
        return PY_STOP;
    }
    while (it->pos <= d->mask) {
        uint32_t e = d->index[it->pos++];
        if (e != 0 && d->entries[e - 1].key != PY_NULL) {
            return d->entries[e - 1].key;
        }
    }
    return PY_STOP;
}

static const py_type set_iter_type = {
    {&py_type_type}, "set_iterator", PY_TF_ITER_SELF, .iternext = set_iternext};

static py_val set_getiter(py_ctx *ctx, py_val self)
{
    set_iter *it = py_obj_new(ctx, &set_iter_type, sizeof(set_iter));
    it->d = PY_PTR(self);
    it->used = it->d->used;
    return PY_VAL(it);
}

static void set_print(py_ctx *ctx, py_print *p, py_val self, int kind)
{
    py_dict *d = PY_PTR(self);
    bool frozen = py_type_of(self) == &py_type_frozenset;
    if (d->used == 0) {
        py_print_str(p, frozen ? "frozenset()" : "set()");
        return;
    }
    py_print_str(p, frozen ? "frozenset({" : "{");
    py_val it = set_getiter(ctx, self);
    bool first = true;
    for (py_val x; (x = set_iternext(ctx, it)) != PY_STOP;) {
        if (!first) {
            py_print_str(p, ", ");
        }
        first = false;
        py_print_val(ctx, p, x, PY_PRINT_REPR);
    }
    py_print_str(p, frozen ? "})" : "}");
}

static void set_update(py_ctx *ctx, py_val set, py_val iterable)
{
    py_val it = py_iter(ctx, iterable);
    for (py_val x; (x = py_next(ctx, it)) != PY_STOP;) {
        py_set_add(ctx, set, x);
    }
}

static py_val set_make_new(py_ctx *ctx, const py_type *type, size_t n_args, size_t n_kw,
                           const py_val *args)
{
    py_check_nargs(ctx, n_args, 0, 1);
    py_val s = py_set_new(ctx, type);
    if (n_args == 1) {
        set_update(ctx, s, args[0]);
    }
    return s;
}

static bool set_has(py_ctx *ctx, py_val set, py_val x)
{
    return py_dict_lookup(ctx, PY_PTR(set), x, py_key_hash(ctx, x)) != NULL;
}

static py_val set_copy_as(py_ctx *ctx, py_val s, const py_type *t)
{
    py_val r = py_set_new(ctx, t);
    set_update(ctx, r, s);
    return r;
}

static bool subset(py_ctx *ctx, py_val a, py_val b)
{
    py_val it = set_getiter(ctx, a);
    for (py_val x; (x = set_iternext(ctx, it)) != PY_STOP;) {
        if (!set_has(ctx, b, x)) {
            return false;
        }
    }
    return true;
}

static py_val set_binary_op(py_ctx *ctx, int op, py_val a, py_val b)
{
    if (op == PY_OP_IN) {
        return PY_BOOL(set_has(ctx, a, b));
    }
    if (!is_set(a) || !is_set(b)) {
        return PY_NULL;
    }
    bool inplace = op >= PY_OP_IADD && op <= PY_OP_IXOR;
    if (inplace) {
        op -= PY_INPLACE_DELTA;
    }
    size_t na = ((py_dict *)a)->used, nb = ((py_dict *)b)->used;
    switch (op) {
    case PY_OP_OR:
    case PY_OP_AND:
    case PY_OP_SUB:
    case PY_OP_XOR: {
        py_val r = py_set_new(ctx, py_type_of(a));
        py_val it = set_getiter(ctx, a);
        for (py_val x; (x = set_iternext(ctx, it)) != PY_STOP;) {
            bool inb = set_has(ctx, b, x);
            if (op == PY_OP_OR || (op == PY_OP_AND && inb) || (op != PY_OP_AND && !inb)) {
                py_set_add(ctx, r, x);
            }
        }
        if (op == PY_OP_OR || op == PY_OP_XOR) {
            it = set_getiter(ctx, b);
            for (py_val x; (x = set_iternext(ctx, it)) != PY_STOP;) {
                if (op == PY_OP_OR || !set_has(ctx, a, x)) {
                    py_set_add(ctx, r, x);
                }
            }
        }
        if (inplace && py_type_of(a) == &py_type_set) {
            py_dict *d = PY_PTR(a), *rd = PY_PTR(r);
            *d = *rd;
            d->base.type = &py_type_set;
            return a;
        }
        return r;
    }
    case PY_OP_EQ: return PY_BOOL(na == nb && subset(ctx, a, b));
    case PY_OP_NE: return PY_BOOL(!(na == nb && subset(ctx, a, b)));
    case PY_OP_LE: return PY_BOOL(subset(ctx, a, b));
    case PY_OP_LT: return PY_BOOL(na < nb && subset(ctx, a, b));
    case PY_OP_GE: return PY_BOOL(subset(ctx, b, a));
    case PY_OP_GT: return PY_BOOL(na > nb && subset(ctx, b, a));
    }
    return PY_NULL;
}

static py_val set_unary_op(py_ctx *ctx, int op, py_val self)
{
    py_dict *d = PY_PTR(self);
    switch (op) {
    case PY_OP_LEN: return PY_MK_SMALL(d->used);
    case PY_OP_BOOL: return PY_BOOL(d->used != 0);
    case PY_OP_HASH: {
        if (py_type_of(self) != &py_type_frozenset) {
            py_raise(ctx, &py_type_TypeError, "unhashable type: 'set'");
        }
        uintptr_t h = 1927868237u;
        for (uint32_t i = 0; i < d->fill; i++) {
            if (d->entries[i].key != PY_NULL) {
                uintptr_t x = (uintptr_t)py_hash(ctx, d->entries[i].key);
                h ^= (x ^ (x << 16) ^ 89869747u) * 3644798167u;
            }
        }
        return PY_MK_SMALL((intptr_t)(h >> 2));
    }
    default: return PY_NULL;
    }
}

static py_val as_set(py_ctx *ctx, py_val v)
{
    return is_set(v) ? v : set_copy_as(ctx, v, &py_type_set);
}

static py_val set_op_method(py_ctx *ctx, size_t n, const py_val *args, int op, bool update)
{
    py_val r = args[0];
    if (!update) {
        r = set_copy_as(ctx, args[0], py_type_of(args[0]));
    }
    for (size_t i = 1; i < n; i++) {
        py_val nr = set_binary_op(ctx, op, r, as_set(ctx, args[i]));
        if (update || i + 1 < n || true) {
            py_dict *d = PY_PTR(r), *nd = PY_PTR(nr);
            const py_type *t = d->base.type;
            *d = *nd;
            d->base.type = t;
        }
    }
    return update ? PY_NONE : r;
}

static py_val set_add(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    py_set_add(ctx, args[0], args[1]);
    return PY_NONE;
}
static py_val set_remove(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    if (!py_dict_remove(ctx, PY_PTR(args[0]), args[1], NULL)) {
        py_raise_obj(ctx, py_exc_new(ctx, &py_type_KeyError, 1, &args[1]));
    }
    return PY_NONE;
}
static py_val set_discard(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    py_dict_remove(ctx, PY_PTR(args[0]), args[1], NULL);
    return PY_NONE;
}
static py_val set_pop(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    py_val it = set_getiter(ctx, args[0]);
    py_val x = set_iternext(ctx, it);
    if (x == PY_STOP) {
        py_raise(ctx, &py_type_KeyError, "pop from an empty set");
    }
    py_dict_remove(ctx, PY_PTR(args[0]), x, NULL);
    return x;
}
static py_val set_clear(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    dict_clear(ctx, PY_PTR(args[0]));
    return PY_NONE;
}
static py_val set_copy(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return set_copy_as(ctx, args[0], py_type_of(args[0]));
}
static py_val set_union(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return set_op_method(ctx, n, args, PY_OP_OR, false);
}
static py_val set_intersection(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return set_op_method(ctx, n, args, PY_OP_AND, false);
}
static py_val set_difference(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return set_op_method(ctx, n, args, PY_OP_SUB, false);
}
static py_val set_symdiff(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return set_op_method(ctx, n, args, PY_OP_XOR, false);
}
static py_val set_update_m(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    for (size_t i = 1; i < n; i++) {
        set_update(ctx, args[0], args[i]);
    }
    return PY_NONE;
}
static py_val set_intersection_update(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return set_op_method(ctx, n, args, PY_OP_AND, true);
}
static py_val set_difference_update(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return set_op_method(ctx, n, args, PY_OP_SUB, true);
}
static py_val set_symdiff_update(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return set_op_method(ctx, n, args, PY_OP_XOR, true);
}
static py_val set_issubset(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return PY_BOOL(subset(ctx, args[0], as_set(ctx, args[1])));
}
static py_val set_issuperset(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return PY_BOOL(subset(ctx, as_set(ctx, args[1]), args[0]));
}
static py_val set_isdisjoint(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    py_val it = py_iter(ctx, args[1]);
    for (py_val x; (x = py_next(ctx, it)) != PY_STOP;) {
        if (set_has(ctx, args[0], x)) {
            return PY_FALSE;
        }
    }
    return PY_TRUE;
}

static PY_FUN(set_add_obj, "add", 2, 2, set_add);
static PY_FUN(set_remove_obj, "remove", 2, 2, set_remove);
static PY_FUN(set_discard_obj, "discard", 2, 2, set_discard);
static PY_FUN(set_pop_obj, "pop", 1, 1, set_pop);
static PY_FUN(set_clear_obj, "clear", 1, 1, set_clear);
static PY_FUN(set_copy_obj, "copy", 1, 1, set_copy);
static PY_FUN(set_union_obj, "union", 1, PY_ARGS_VAR, set_union);
static PY_FUN(set_intersection_obj, "intersection", 1, PY_ARGS_VAR, set_intersection);
static PY_FUN(set_difference_obj, "difference", 1, PY_ARGS_VAR, set_difference);
static PY_FUN(set_symdiff_obj, "symmetric_difference", 2, 2, set_symdiff);
static PY_FUN(set_update_obj, "update", 1, PY_ARGS_VAR, set_update_m);
static PY_FUN(set_intersection_update_obj, "intersection_update", 1, PY_ARGS_VAR,
              set_intersection_update);
static PY_FUN(set_difference_update_obj, "difference_update", 1, PY_ARGS_VAR,
              set_difference_update);
static PY_FUN(set_symdiff_update_obj, "symmetric_difference_update", 2, 2, set_symdiff_update);
static PY_FUN(set_issubset_obj, "issubset", 2, 2, set_issubset);
static PY_FUN(set_issuperset_obj, "issuperset", 2, 2, set_issuperset);
static PY_FUN(set_isdisjoint_obj, "isdisjoint", 2, 2, set_isdisjoint);

#define FROZEN_METHODS                                                                          \
    {"copy", PY_OBJV(&set_copy_obj)}, {"union", PY_OBJV(&set_union_obj)},                       \
        {"intersection", PY_OBJV(&set_intersection_obj)},                                       \
        {"difference", PY_OBJV(&set_difference_obj)},                                           \
        {"symmetric_difference", PY_OBJV(&set_symdiff_obj)},                                    \
        {"issubset", PY_OBJV(&set_issubset_obj)}, {"issuperset", PY_OBJV(&set_issuperset_obj)}, \
    {                                                                                           \
        "isdisjoint", PY_OBJV(&set_isdisjoint_obj)                                              \
    }

static const py_attr_def set_locals[] = {
    FROZEN_METHODS,
    {"add", PY_OBJV(&set_add_obj)},
    {"remove", PY_OBJV(&set_remove_obj)},
    {"discard", PY_OBJV(&set_discard_obj)},
    {"pop", PY_OBJV(&set_pop_obj)},
    {"clear", PY_OBJV(&set_clear_obj)},
    {"update", PY_OBJV(&set_update_obj)},
    {"intersection_update", PY_OBJV(&set_intersection_update_obj)},
    {"difference_update", PY_OBJV(&set_difference_update_obj)},
    {"symmetric_difference_update", PY_OBJV(&set_symdiff_update_obj)},
    {NULL, 0},
};

static const py_attr_def frozenset_locals[] = {
    FROZEN_METHODS,
    {NULL, 0},
};

const py_type py_type_set = {
    {&py_type_type},
    "set",
    PY_TF_BASETYPE,
    set_make_new,
    set_print,
    NULL,
    set_unary_op,
    set_binary_op,
    NULL,
    NULL,
    set_getiter,
    NULL,
    set_locals,
    .inst_size = sizeof(py_dict),
};

const py_type py_type_frozenset = {
    {&py_type_type},  "frozenset",   0,    set_make_new, set_print,   NULL,
    set_unary_op,     set_binary_op, NULL, NULL,         set_getiter, NULL,
    frozenset_locals,
};

/* dict made from a const attribute table (modules, native type locals) */
py_val py_dict_from_attrs(py_ctx *ctx, const py_attr_def *attrs)
{
    size_t n = 0;
    while (attrs[n].name != NULL) {
        n++;
    }
    py_dict *d = py_dict_alloc(ctx, &py_type_dict, 0);
    if (n > 0) {
        dict_resize(ctx, d, (uint32_t)n);
    }
    for (size_t i = 0; i < n; i++) {
        py_dict_store_q(ctx, d, py_qstr_from_cstr(ctx, attrs[i].name), attrs[i].value);
    }
    return PY_VAL(d);
}
