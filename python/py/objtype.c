/* type, object, classes and instances, attribute lookup, super, property,
 * classmethod/staticmethod, functions, bound methods, cells, modules. */
#include "internal.h"

typedef struct py_inst {
    py_obj base;
    py_dict *dict;
} py_inst;

typedef struct py_super {
    py_obj base;
    const py_type *type;
    py_val obj;
} py_super;

typedef struct py_property {
    py_obj base;
    py_val fget, fset, fdel;
} py_property;

/* --- type dicts and MRO -------------------------------------------------------------- */

/* --- slot wrappers: special methods of native types as callables --------------------- */

static const py_type *native_of(py_val self)
{
    const py_type *t = py_type_of(self);
    while (t != NULL && (t->flags & PY_TF_CLASS)) {
        t = t->base_type;
    }
    return t;
}

#define SLOT_OF(self, slot)                      \
    ({                                           \
        const py_type *t_ = native_of(self);     \
        while (t_ != NULL && t_->slot == NULL) { \
            t_ = t_->base_type;                  \
        }                                        \
        t_;                                      \
    })

static py_val w_iter(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    const py_type *t = SLOT_OF(args[0], getiter);
    return t ? t->getiter(ctx, args[0]) : args[0];
}
static py_val w_next(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    const py_type *t = SLOT_OF(args[0], iternext);
    py_val v = t ? t->iternext(ctx, args[0]) : PY_STOP;
    if (v == PY_STOP) {
        py_raise_obj(ctx, py_exc_new(ctx, &py_type_StopIteration, 0, NULL));
    }
    return v;
}
static py_val w_unary(py_ctx *ctx, py_val self, int op)
{
    const py_type *t = SLOT_OF(self, unary_op);
    py_val r = t ? t->unary_op(ctx, op, self) : PY_NULL;
    if (r == PY_NULL) {
        py_raise(ctx, &py_type_TypeError, "unsupported operation on '%s'", py_type_name(self));
    }
    return r;
}
static py_val w_len(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return w_unary(ctx, args[0], PY_OP_LEN);
}
static py_val w_hash(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return w_unary(ctx, args[0], PY_OP_HASH);
}
static py_val w_subscr(py_ctx *ctx, py_val self, py_val idx, py_val v)
{
    const py_type *t = SLOT_OF(self, subscr);
    if (t == NULL) {
        py_raise(ctx, &py_type_TypeError, "'%s' object is not subscriptable", py_type_name(self));
    }
    return t->subscr(ctx, self, idx, v);
}
static py_val w_getitem(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return w_subscr(ctx, args[0], args[1], PY_NULL);
}
static py_val w_setitem(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    w_subscr(ctx, args[0], args[1], args[2]);
    return PY_NONE;
}
static py_val w_delitem(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    w_subscr(ctx, args[0], args[1], PY_STOP);
    return PY_NONE;
}
static py_val w_binop(py_ctx *ctx, const py_val *args, int op)
{
    const py_type *t = SLOT_OF(args[0], binary_op);
    py_val r = t ? t->binary_op(ctx, op, args[0], args[1]) : PY_NULL;
    return r == PY_NULL ? PY_NOTIMPL : r;
}
static py_val w_contains(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return w_binop(ctx, args, PY_OP_IN);
}
static py_val w_eq(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return w_binop(ctx, args, PY_OP_EQ);
}
static py_val w_lt(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return w_binop(ctx, args, PY_OP_LT);
}
static py_val w_add(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return w_binop(ctx, args, PY_OP_ADD);
}
static py_val w_repr(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    const py_type *t = SLOT_OF(args[0], print);
    py_strbuf b;
    py_strbuf_init(ctx, &b, 16);
    if (t != NULL) {
        t->print(ctx, &b.p, args[0], PY_PRINT_REPR);
    }
    return py_strbuf_finish(&b, &py_type_str);
}
static py_val w_call(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    const py_type *t = SLOT_OF(args[0], call);
    if (t == NULL) {
        py_raise(ctx, &py_type_TypeError, "'%s' object is not callable", py_type_name(args[0]));
    }
    return t->call(ctx, args[0], n - 1, nkw, args + 1);
}

static PY_FUN(w_iter_obj, "__iter__", 1, 1, w_iter);
static PY_FUN(w_next_obj, "__next__", 1, 1, w_next);
static PY_FUN(w_len_obj, "__len__", 1, 1, w_len);
static PY_FUN(w_hash_obj, "__hash__", 1, 1, w_hash);
static PY_FUN(w_getitem_obj, "__getitem__", 2, 2, w_getitem);
static PY_FUN(w_setitem_obj, "__setitem__", 3, 3, w_setitem);
static PY_FUN(w_delitem_obj, "__delitem__", 2, 2, w_delitem);
static PY_FUN(w_contains_obj, "__contains__", 2, 2, w_contains);
static PY_FUN(w_eq_obj, "__eq__", 2, 2, w_eq);
static PY_FUN(w_lt_obj, "__lt__", 2, 2, w_lt);
static PY_FUN(w_add_obj, "__add__", 2, 2, w_add);
static PY_FUN(w_repr_obj, "__repr__", 1, 1, w_repr);
static PY_FUN_KWARGS(w_call_obj, "__call__", 1, w_call);

static void add_wrappers(py_ctx *ctx, py_dict *d, const py_type *t)
{
    bool mutable_items = t->subscr != NULL && t != &py_type_str && t != &py_type_bytes &&
                         t != &py_type_tuple && t != &py_type_range;
    struct {
        py_qstr q;
        const py_cfun_obj *f;
        bool present;
    } w[] = {
        {PY_Q___iter__, &w_iter_obj, t->getiter != NULL || (t->flags & PY_TF_ITER_SELF)},
        {PY_Q___next__, &w_next_obj, t->iternext != NULL},
        {PY_Q___len__, &w_len_obj, t->unary_op != NULL && t != &py_type_int && t != &py_type_float},
        {PY_Q___getitem__, &w_getitem_obj, t->subscr != NULL},
        {PY_Q___setitem__, &w_setitem_obj, mutable_items},
        {PY_Q___delitem__, &w_delitem_obj, mutable_items},
        {PY_Q___contains__, &w_contains_obj, t->subscr != NULL || t->getiter != NULL},
        {PY_Q___eq__, &w_eq_obj, t->binary_op != NULL},
        {PY_Q___lt__, &w_lt_obj, t->binary_op != NULL},
        {PY_Q___add__, &w_add_obj, t->binary_op != NULL},
        {PY_Q___repr__, &w_repr_obj, t->print != NULL},
        {PY_Q___call__, &w_call_obj, t->call != NULL && t != &py_type_type},
        {PY_Q___hash__, &w_hash_obj,
         t->unary_op != NULL && t != &py_type_list && t != &py_type_dict && t != &py_type_set},
    };
    for (size_t i = 0; i < sizeof(w) / sizeof(w[0]); i++) {
        if (w[i].present && py_dict_lookup_q(ctx, d, w[i].q) == NULL) {
            py_dict_store_q(ctx, d, w[i].q, PY_VAL(w[i].f));
        }
    }
}

py_dict *py_type_locals(py_ctx *ctx, const py_type *t)
{
    if (t->flags & PY_TF_CLASS) {
        return t->dict;
    }
    if (ctx->type_dicts == NULL) {
        ctx->type_dicts = py_dict_alloc(ctx, &py_type_dict, 0);
    }
    /* same hash as py_dict_store uses for the key */
    py_dict_entry *e = py_dict_lookup(ctx, ctx->type_dicts, PY_VAL(t), py_key_hash(ctx, PY_VAL(t)));
    if (e != NULL) {
        return PY_PTR(e->value);
    }
    static const py_attr_def empty[] = {{NULL, 0}};
    py_val d = py_dict_from_attrs(ctx, t->locals ? t->locals : empty);
    if (t != &py_type_object) {
        add_wrappers(ctx, PY_PTR(d), t);
    }
    py_dict_store(ctx, ctx->type_dicts, PY_VAL(t), d);
    return PY_PTR(d);
}

static py_val lookup_one(py_ctx *ctx, const py_type *t, py_qstr name)
{
    py_dict *d = py_type_locals(ctx, t);
    if (d == NULL) {
        return PY_NULL;
    }
    py_dict_entry *e = py_dict_lookup_q(ctx, d, name);
    return e ? e->value : PY_NULL;
}

py_val py_lookup_type_attr(py_ctx *ctx, const py_type *t, py_qstr name)
{
    if (t->mro != NULL) {
        for (size_t i = 0; i < t->mro->len; i++) {
            py_val v = lookup_one(ctx, PY_PTR(t->mro->items[i]), name);
            if (v != PY_NULL) {
                return v;
            }
        }
        return PY_NULL;
    }
    for (; t != NULL; t = t->base_type) {
        py_val v = lookup_one(ctx, t, name);
        if (v != PY_NULL) {
            return v;
        }
    }
    return lookup_one(ctx, &py_type_object, name);
}

bool py_issubclass(py_ctx *ctx, const py_type *sub, const py_type *t)
{
    if (sub == t || t == &py_type_object) {
        return true;
    }
    if (sub->mro != NULL) {
        for (size_t i = 0; i < sub->mro->len; i++) {
            if (PY_PTR(sub->mro->items[i]) == t) {
                return true;
            }
        }
        return false;
    }
    for (const py_type *b = sub->base_type; b != NULL; b = b->base_type) {
        if (b == t) {
            return true;
        }
    }
    return false;
}

bool py_isinstance(py_ctx *ctx, py_val v, const py_type *t)
{
    return py_issubclass(ctx, py_type_of(v), t);
}

static py_dict **inst_dict_slot(py_val obj)
{
    const py_type *t = py_type_of(obj);
    if (!(t->flags & PY_TF_CLASS) || t->dict_off == 0) {
        return NULL;
    }
    return (py_dict **)((char *)obj + t->dict_off);
}

/* --- binding ----------------------------------------------------------------------- */

py_val py_bound_new(py_ctx *ctx, py_val fun, py_val self)
{
    py_bound *b = py_obj_new(ctx, &py_type_bound_method, sizeof(py_bound));
    b->fun = fun;
    b->self = self;
    return PY_VAL(b);
}

static bool is_method_like(py_val v)
{
    const py_type *t = py_type_of(v);
    return t == &py_type_function || t == &py_type_cfun;
}

/* A class attribute accessed through an instance (or class when inst is NULL). */
static py_val bind_attr(py_ctx *ctx, py_val attr, py_val inst, const py_type *cls)
{
    const py_type *t = py_type_of(attr);
    if (t == &py_type_function || t == &py_type_cfun) {
        return inst != PY_NULL ? py_bound_new(ctx, attr, inst) : attr;
    }
    if (t == &py_type_staticmethod) {
        return ((py_wrap_obj *)attr)->fun;
    }
    if (t == &py_type_classmethod) {
        return py_bound_new(ctx, ((py_wrap_obj *)attr)->fun, PY_VAL(cls));
    }
    if (t == &py_type_property && inst != PY_NULL) {
        py_property *p = PY_PTR(attr);
        if (p->fget == PY_NONE) {
            py_raise(ctx, &py_type_AttributeError, "property has no getter");
        }
        return py_call(ctx, p->fget, 1, &inst);
    }
    if ((t->flags & PY_TF_CLASS)) {
        py_val get = py_lookup_type_attr(ctx, t, PY_Q___get__);
        if (get != PY_NULL) {
            py_val args[3] = {attr, inst == PY_NULL ? PY_NONE : inst, PY_VAL(cls)};
            return py_call(ctx, get, 3, args);
        }
    }
    return attr;
}

/* --- attribute access ---------------------------------------------------------------- */

/* A class attribute that is an instance of a class defining __set__ or
 * __delete__ (a data descriptor: it takes precedence over the instance dict). */
static bool is_data_descr(py_ctx *ctx, py_val v)
{
    const py_type *t = py_type_of(v);
    if (t == &py_type_property) {
        return true;
    }
    if (!(t->flags & PY_TF_CLASS)) {
        return false;
    }
    return py_lookup_type_attr(ctx, t, PY_Q___set__) != PY_NULL ||
           py_lookup_type_attr(ctx, t, PY_Q___delete__) != PY_NULL;
}

static py_val type_getattr(py_ctx *ctx, const py_type *t, py_qstr name)
{
    py_val v = py_lookup_type_attr(ctx, t, name);
    if (v != PY_NULL) {
        return bind_attr(ctx, v, PY_NULL, t);
    }
    switch (name) {
    case PY_Q___name__:
    case PY_Q___qualname__: return py_str_from_cstr(ctx, t->name);
    case PY_Q___bases__:
        if (t->bases != NULL) {
            return PY_VAL(t->bases);
        }
        {
            py_val b = PY_VAL(t->base_type ? t->base_type : &py_type_object);
            return t == &py_type_object ? py_tuple_new(ctx, 0, NULL) : py_tuple_new(ctx, 1, &b);
        }
    case PY_Q___mro__:
        if (t->mro != NULL) {
            return PY_VAL(t->mro);
        }
        {
            py_val l = py_list_new(ctx, 0, NULL);
            for (const py_type *b = t; b != NULL; b = b->base_type) {
                py_list_append(ctx, l, PY_VAL(b));
            }
            if (t != &py_type_object) {
                py_list_append(ctx, l, PY_VAL(&py_type_object));
            }
            return py_tuple_from_iter(ctx, l);
        }
    case PY_Q___dict__: {
        py_dict *d = py_type_locals(ctx, t);
        return d ? PY_VAL(d) : py_dict_new(ctx);
    }
    case PY_Q___doc__: return PY_NONE;
    case PY_Q___module__: return PY_MK_QSTR(PY_Q_builtins);
    }
    return PY_NULL;
}

static py_val module_getattr(py_ctx *ctx, py_module *m, py_qstr name)
{
    py_dict_entry *e = py_dict_lookup_q(ctx, m->globals, name);
    if (e != NULL) {
        return e->value;
    }
    if (name == PY_Q___dict__) {
        return PY_VAL(m->globals);
    }
    if (name == PY_Q___name__) {
        return PY_MK_QSTR(m->name);
    }
    return PY_NULL;
}

static py_val fun_getattr(py_ctx *ctx, py_val obj, py_qstr name)
{
    const py_type *t = py_type_of(obj);
    if (t == &py_type_function) {
        py_fun *f = PY_PTR(obj);
        if (f->attrs != NULL) {
            py_dict_entry *e = py_dict_lookup_q(ctx, f->attrs, name);
            if (e != NULL) {
                return e->value;
            }
        }
        if (name == PY_Q___name__) {
            return f->name != PY_NULL ? f->name : PY_MK_QSTR(f->code->name);
        }
        if (name == PY_Q___qualname__) {
            return PY_MK_QSTR(f->code->qualname);
        }
        if (name == PY_Q___dict__) {
            if (f->attrs == NULL) {
                f->attrs = py_dict_alloc(ctx, &py_type_dict, 0);
            }
            return PY_VAL(f->attrs);
        }
        if (name == PY_Q___module__) {
            py_dict_entry *e = py_dict_lookup_q(ctx, f->globals, PY_Q___name__);
            return e ? e->value : PY_NONE;
        }
        if (name == PY_Q___doc__) {
            return f->code->doc;
        }
    } else if (t == &py_type_cfun) {
        if (name == PY_Q___name__ || name == PY_Q___qualname__) {
            return py_str_from_cstr(ctx, ((py_cfun_obj *)obj)->name);
        }
    } else if (t == &py_type_bound_method) {
        py_bound *b = PY_PTR(obj);
        if (name == PY_Q___self__) {
            return b->self;
        }
        if (name == PY_Q___func__) {
            return b->fun;
        }
        return fun_getattr(ctx, b->fun, name);
    }
    return PY_NULL;
}

static py_val native_getattr(py_ctx *ctx, py_val obj, const py_type *t, py_qstr name)
{
    for (const py_type *b = t; b != NULL; b = b->base_type) {
        if (b->attr != NULL) {
            py_val v;
            if (b->attr(ctx, obj, name, PY_ATTR_LOAD, &v)) {
                return v;
            }
        }
    }
    py_val v = py_lookup_type_attr(ctx, t, name);
    if (v != PY_NULL) {
        return bind_attr(ctx, v, obj, t);
    }
    if (name == PY_Q___class__) {
        return PY_VAL(t);
    }
    return fun_getattr(ctx, obj, name);
}

static py_val generic_getattr(py_ctx *ctx, py_val obj, py_qstr name, bool override);

py_val py_getattr_opt(py_ctx *ctx, py_val obj, py_qstr name)
{
    return generic_getattr(ctx, obj, name, true);
}

/* The class's __getattr__(obj, name); an AttributeError from it means "not found" (PY_NULL,
 * the exception left in cur_exc for the caller's message). */
static py_val call_getattr_hook(py_ctx *ctx, py_val ga, py_val obj, py_qstr name)
{
    py_val args[2] = {obj, PY_MK_QSTR(name)};
    py_jmp j;
    if (py_try(ctx, &j) == 0) {
        py_val r = py_call(ctx, ga, 2, args);
        py_try_end(ctx, &j);
        return r;
    }
    if (py_isinstance(ctx, j.exc, &py_type_AttributeError)) {
        ctx->cur_exc = j.exc;
        return PY_NULL;
    }
    py_raise_obj(ctx, j.exc);
}

/* A data descriptor's value; when it raises AttributeError and the class has __getattr__,
 * that hook gets the lookup instead, as in CPython. */
static py_val data_descr_get(py_ctx *ctx, py_val cv, py_val obj, const py_type *t, py_qstr name)
{
    py_val ga = py_lookup_type_attr(ctx, t, PY_Q___getattr__);
    if (ga == PY_NULL) {
        return bind_attr(ctx, cv, obj, t);
    }
    py_jmp j;
    if (py_try(ctx, &j) == 0) {
        py_val r = bind_attr(ctx, cv, obj, t);
        py_try_end(ctx, &j);
        return r;
    }
    if (!py_isinstance(ctx, j.exc, &py_type_AttributeError)) {
        py_raise_obj(ctx, j.exc);
    }
    return call_getattr_hook(ctx, ga, obj, name);
}

/* Attribute lookup; override=false is object.__getattribute__ (skips a
 * class's own __getattribute__). */
static py_val generic_getattr(py_ctx *ctx, py_val obj, py_qstr name, bool override)
{
    const py_type *t = py_type_of(obj);
    if (t == &py_type_type) {
        if (name == PY_Q___class__) {
            return PY_VAL(&py_type_type);
        }
        return type_getattr(ctx, PY_PTR(obj), name);
    }
    if (t == &py_type_module) {
        return module_getattr(ctx, PY_PTR(obj), name);
    }
    if (!(t->flags & PY_TF_CLASS)) {
        return native_getattr(ctx, obj, t, name);
    }
    if ((t->flags & PY_TF_GETATTRIBUTE) && override) {
        py_val ga = py_lookup_type_attr(ctx, t, PY_Q___getattribute__);
        if (ga != PY_NULL && py_type_of(ga) == &py_type_function) {
            py_val args[2] = {obj, PY_MK_QSTR(name)};
            py_jmp j;
            if (py_try(ctx, &j) == 0) {
                py_val r = py_call(ctx, ga, 2, args);
                py_try_end(ctx, &j);
                return r;
            }
            if (!py_isinstance(ctx, j.exc, &py_type_AttributeError)) {
                py_raise_obj(ctx, j.exc);
            }
            py_val gattr = py_lookup_type_attr(ctx, t, PY_Q___getattr__);
            if (gattr == PY_NULL) {
                py_raise_obj(ctx, j.exc);
            }
            return py_call(ctx, gattr, 2, args);
        }
    }
    py_val cv = py_lookup_type_attr(ctx, t, name);
    if (cv != PY_NULL && is_data_descr(ctx, cv)) {
        return data_descr_get(ctx, cv, obj, t, name);
    }
    py_dict **slot = inst_dict_slot(obj);
    if (slot != NULL && *slot != NULL) {
        py_dict_entry *e = py_dict_lookup_q(ctx, *slot, name);
        if (e != NULL) {
            return e->value;
        }
    }
    if (cv != PY_NULL) {
        return bind_attr(ctx, cv, obj, t);
    }
    if (name == PY_Q___class__) {
        return PY_VAL(t);
    }
    if (name == PY_Q___dict__ && slot != NULL && !(t->flags & PY_TF_HAS_SLOTS)) {
        if (*slot == NULL) {
            *slot = py_dict_alloc(ctx, &py_type_dict, 0);
        }
        return PY_VAL(*slot);
    }
    /* native base attributes (exception args, ...) */
    for (const py_type *b = t->base_type; b != NULL; b = b->base_type) {
        if (b->attr != NULL) {
            py_val v;
            if (b->attr(ctx, obj, name, PY_ATTR_LOAD, &v)) {
                return v;
            }
        }
    }
    py_val ga = py_lookup_type_attr(ctx, t, PY_Q___getattr__);
    if (ga != PY_NULL) {
        return call_getattr_hook(ctx, ga, obj, name);
    }
    return PY_NULL;
}

_Noreturn static void attr_error(py_ctx *ctx, py_val obj, py_qstr name)
{
    if (py_type_of(obj) == &py_type_module) {
        py_raise(ctx, &py_type_AttributeError, "module '%q' has no attribute '%q'",
                 ((py_module *)obj)->name, name);
    }
    if (py_type_of(obj) == &py_type_type) {
        py_raise(ctx, &py_type_AttributeError, "type object '%s' has no attribute '%q'",
                 ((py_type *)obj)->name, name);
    }
    py_raise(ctx, &py_type_AttributeError, "'%s' object has no attribute '%q'", py_type_name(obj),
             name);
}

py_val py_getattr(py_ctx *ctx, py_val obj, py_qstr name)
{
    py_val v = py_getattr_opt(ctx, obj, name);
    if (v == PY_NULL) {
        /* a class's __getattr__ said no with its own AttributeError: that one propagates */
        const py_type *t = py_type_of(obj);
        if ((t->flags & PY_TF_CLASS) && ctx->cur_exc != PY_NULL &&
            py_lookup_type_attr(ctx, t, PY_Q___getattr__) != PY_NULL &&
            py_isinstance(ctx, ctx->cur_exc, &py_type_AttributeError)) {
            py_raise_obj(ctx, ctx->cur_exc);
        }
        attr_error(ctx, obj, name);
    }
    return v;
}

py_val py_load_method(py_ctx *ctx, py_val obj, py_qstr name, py_val *self_out)
{
    const py_type *t = py_type_of(obj);
    *self_out = PY_NULL;
    if (t == &py_type_type || t == &py_type_module) {
        return py_getattr(ctx, obj, name);
    }
    if (t->flags & PY_TF_CLASS) {
        py_dict **slot = inst_dict_slot(obj);
        if (slot != NULL && *slot != NULL && py_dict_lookup_q(ctx, *slot, name) != NULL) {
            return py_getattr(ctx, obj, name);
        }
    }
    if (t->attr != NULL && !(t->flags & PY_TF_CLASS)) {
        return py_getattr(ctx, obj, name);
    }
    py_val v = py_lookup_type_attr(ctx, t, name);
    if (v != PY_NULL && is_method_like(v)) {
        *self_out = obj;
        return v;
    }
    return py_getattr(ctx, obj, name);
}

/* Special method lookup on the class only (bound to obj), or PY_NULL. */
py_val py_special(py_ctx *ctx, py_val obj, py_qstr name)
{
    const py_type *t = py_type_of(obj);
    if (!(t->flags & PY_TF_CLASS)) {
        return PY_NULL;
    }
    py_val v = PY_NULL;
    for (size_t i = 0; i < t->mro->len; i++) {
        const py_type *c = PY_PTR(t->mro->items[i]);
        if (!(c->flags & PY_TF_CLASS)) {
            break; /* natives implement specials through slots */
        }
        py_dict_entry *e = py_dict_lookup_q(ctx, c->dict, name);
        if (e != NULL) {
            v = e->value;
            break;
        }
    }
    if (v == PY_NULL || v == PY_NONE) {
        return PY_NULL;
    }
    return bind_attr(ctx, v, obj, t);
}

/* Is name listed in __slots__ of a class in t's MRO? */
static bool slot_allowed(py_ctx *ctx, const py_type *t, py_qstr name)
{
    for (size_t i = 0; t->mro != NULL && i < t->mro->len; i++) {
        const py_type *c = PY_PTR(t->mro->items[i]);
        if (!(c->flags & PY_TF_CLASS)) {
            continue;
        }
        py_dict_entry *e = py_dict_lookup_q(ctx, c->dict, PY_Q___slots__);
        if (e == NULL) {
            return true; /* a class without __slots__ in the chain has a dict */
        }
        py_val it = py_iter(ctx, e->value);
        for (py_val x; (x = py_next(ctx, it)) != PY_STOP;) {
            if (py_equal(ctx, x, PY_MK_QSTR(name))) {
                return true;
            }
        }
    }
    return false;
}

static void class_changed(py_ctx *ctx, py_type *t)
{
    t->version = ++ctx->class_version;
}

static void store_attr(py_ctx *ctx, py_val obj, py_qstr name, py_val value)
{
    const py_type *t = py_type_of(obj);
    if (t == &py_type_type) {
        py_type *c = PY_PTR(obj);
        if (!(c->flags & PY_TF_CLASS)) {
            py_raise(ctx, &py_type_TypeError, "cannot set '%q' attribute of immutable type '%s'",
                     name, c->name);
        }
        if (value == PY_NULL) {
            if (!py_dict_remove(ctx, c->dict, PY_MK_QSTR(name), NULL)) {
                attr_error(ctx, obj, name);
            }
        } else {
            py_dict_store_q(ctx, c->dict, name, value);
        }
        class_changed(ctx, c);
        return;
    }
    if (t == &py_type_module) {
        py_module *m = PY_PTR(obj);
        if (value == PY_NULL) {
            if (!py_dict_remove(ctx, m->globals, PY_MK_QSTR(name), NULL)) {
                attr_error(ctx, obj, name);
            }
        } else {
            py_dict_store_q(ctx, m->globals, name, value);
        }
        return;
    }
    if (t == &py_type_function) {
        py_fun *f = PY_PTR(obj);
        if (f->attrs == NULL) {
            f->attrs = py_dict_alloc(ctx, &py_type_dict, 0);
        }
        if (name == PY_Q___name__ && value != PY_NULL) {
            f->name = value;
            return;
        }
        if (value == PY_NULL) {
            py_dict_remove(ctx, f->attrs, PY_MK_QSTR(name), NULL);
        } else {
            py_dict_store_q(ctx, f->attrs, name, value);
        }
        return;
    }
    if (t->flags & PY_TF_CLASS) {
        py_val cv = py_lookup_type_attr(ctx, t, name);
        if (cv != PY_NULL && py_type_of(cv) == &py_type_property) {
            py_property *p = PY_PTR(cv);
            py_val fn = value == PY_NULL ? p->fdel : p->fset;
            if (fn == PY_NONE) {
                py_raise(ctx, &py_type_AttributeError, "property '%q' of '%s' object has no %s",
                         name, t->name, value == PY_NULL ? "deleter" : "setter");
            }
            py_val args[2] = {obj, value};
            py_call(ctx, fn, value == PY_NULL ? 1 : 2, args);
            return;
        }
        if (cv != PY_NULL && (py_type_of(cv)->flags & PY_TF_CLASS)) {
            py_val m = py_lookup_type_attr(ctx, py_type_of(cv),
                                           value == PY_NULL ? PY_Q___delete__ : PY_Q___set__);
            if (m != PY_NULL) {
                py_val args[3] = {cv, obj, value};
                py_call(ctx, m, value == PY_NULL ? 2 : 3, args);
                return;
            }
        }
        if ((t->flags & PY_TF_HAS_SLOTS) && !slot_allowed(ctx, t, name)) {
            py_raise(ctx, &py_type_AttributeError, "'%s' object has no attribute '%q'", t->name,
                     name);
        }
        py_val sa =
            py_lookup_type_attr(ctx, t, value == PY_NULL ? PY_Q___delattr__ : PY_Q___setattr__);
        if (sa != PY_NULL && py_type_of(sa) == &py_type_function) {
            py_val args[3] = {obj, PY_MK_QSTR(name), value};
            py_call(ctx, sa, value == PY_NULL ? 2 : 3, args);
            return;
        }
        py_dict **slot = inst_dict_slot(obj);
        if (slot != NULL) {
            if (*slot == NULL) {
                *slot = py_dict_alloc(ctx, &py_type_dict, 0);
            }
            if (value == PY_NULL) {
                if (!py_dict_remove(ctx, *slot, PY_MK_QSTR(name), NULL)) {
                    attr_error(ctx, obj, name);
                }
            } else {
                py_dict_store_q(ctx, *slot, name, value);
            }
            return;
        }
        if (t->flags & PY_TF_HAS_SLOTS) {
            py_raise(ctx, &py_type_AttributeError, "'%s' object has no attribute '%q'", t->name,
                     name);
        }
    }
    for (const py_type *b = t; b != NULL; b = b->base_type) {
        if (b->attr != NULL &&
            b->attr(ctx, obj, name, value == PY_NULL ? PY_ATTR_DELETE : PY_ATTR_STORE, &value)) {
            return;
        }
    }
    if (py_lookup_type_attr(ctx, t, name) != PY_NULL) {
        py_raise(ctx, &py_type_AttributeError, "'%s' object attribute '%q' is read-only",
                 py_type_name(obj), name);
    }
    attr_error(ctx, obj, name);
}

/* object.__setattr__ semantics: plain dict store (used by super().__setattr__) */
void py_setattr(py_ctx *ctx, py_val obj, py_qstr name, py_val value)
{
    store_attr(ctx, obj, name, value);
}

void py_delattr(py_ctx *ctx, py_val obj, py_qstr name)
{
    store_attr(ctx, obj, name, PY_NULL);
}

/* --- type objects ----------------------------------------------------------------- */

static void type_print(py_ctx *ctx, py_print *p, py_val self, int kind)
{
    const py_type *t = PY_PTR(self);
    if (t->flags & PY_TF_CLASS) {
        py_val mod =
            t->dict ? py_dict_get(ctx, PY_VAL(t->dict), PY_MK_QSTR(PY_Q___module__)) : PY_NULL;
        if (mod != PY_NULL && py_is_str(mod) && !py_equal(ctx, mod, PY_MK_QSTR(PY_Q_builtins))) {
            py_printf(ctx, p, "<class '%S.%s'>", mod, t->name);
            return;
        }
    }
    py_printf(ctx, p, "<class '%s'>", t->name);
}

/* C3 linearisation of the bases' MROs. */
static py_tuple *compute_mro(py_ctx *ctx, py_type *t, size_t n_bases, const py_val *bases)
{
    py_val seqs = py_list_new(ctx, 0, NULL);
    for (size_t i = 0; i < n_bases; i++) {
        py_val m = type_getattr(ctx, PY_PTR(bases[i]), PY_Q___mro__);
        py_list_append(ctx, seqs, py_list_from_iter(ctx, m));
    }
    py_list_append(ctx, seqs, py_list_new(ctx, n_bases, bases));
    py_val out = py_list_new(ctx, 1, NULL);
    ((py_list *)out)->items[0] = PY_VAL(t);
    py_list *sl = PY_PTR(seqs);
    for (;;) {
        py_val cand = PY_NULL;
        bool any = false;
        for (size_t i = 0; i < sl->len && cand == PY_NULL; i++) {
            py_list *s = PY_PTR(sl->items[i]);
            if (s->len == 0) {
                continue;
            }
            any = true;
            py_val head = s->items[0];
            bool in_tail = false;
            for (size_t j = 0; j < sl->len && !in_tail; j++) {
                py_list *o = PY_PTR(sl->items[j]);
                for (size_t k = 1; k < o->len; k++) {
                    if (o->items[k] == head) {
                        in_tail = true;
                        break;
                    }
                }
            }
            if (!in_tail) {
                cand = head;
            }
        }
        if (!any) {
            break;
        }
        if (cand == PY_NULL) {
            py_raise(ctx, &py_type_TypeError,
                     "Cannot create a consistent method resolution order (MRO)");
        }
        py_list_append(ctx, out, cand);
        for (size_t i = 0; i < sl->len; i++) {
            py_list *s = PY_PTR(sl->items[i]);
            if (s->len > 0 && s->items[0] == cand) {
                py_vmove(s->items, s->items + 1, (s->len - 1));
                s->len--;
            }
        }
    }
    return PY_PTR(py_tuple_from_iter(ctx, out));
}

static void set_fun_class(py_ctx *ctx, py_val v, const py_type *t)
{
    const py_type *vt = py_type_of(v);
    if (vt == &py_type_staticmethod || vt == &py_type_classmethod) {
        v = ((py_wrap_obj *)v)->fun;
        vt = py_type_of(v);
    }
    if (vt == &py_type_property) {
        py_property *p = PY_PTR(v);
        set_fun_class(ctx, p->fget, t);
        set_fun_class(ctx, p->fset, t);
        set_fun_class(ctx, p->fdel, t);
        return;
    }
    if (vt == &py_type_function) {
        ((py_fun *)v)->klass = t;
    }
}

static py_val make_class(py_ctx *ctx, py_qstr name, size_t n_bases, const py_val *bases,
                         py_dict *dict)
{
    py_val obj_base = PY_VAL(&py_type_object);
    if (n_bases == 0) {
        n_bases = 1;
        bases = &obj_base;
    }
    py_type *t = py_alloc(ctx, sizeof(py_type));
    t->base.type = &py_type_type;
    t->name = py_qstr_str(ctx, name, NULL);
    t->flags = PY_TF_CLASS;
    t->dict = dict;
    t->bases = PY_PTR(py_tuple_new(ctx, n_bases, bases));
    t->dict_off = offsetof(py_inst, dict);
    const py_type *native = NULL;
    for (size_t i = 0; i < n_bases; i++) {
        if (py_type_of(bases[i]) != &py_type_type) {
            py_raise(ctx, &py_type_TypeError, "bases must be types");
        }
        const py_type *b = PY_PTR(bases[i]);
        if (!(b->flags & (PY_TF_CLASS | PY_TF_BASETYPE | PY_TF_EXCEPTION)) &&
            b != &py_type_object) {
            py_raise(ctx, &py_type_TypeError, "type '%s' is not an acceptable base type", b->name);
        }
        const py_type *nb = b;
        while (nb != NULL && (nb->flags & PY_TF_CLASS)) {
            nb = nb->base_type;
        }
        if (nb != NULL && nb != &py_type_object && native == NULL) {
            native = nb;
        }
        t->flags |= b->flags & (PY_TF_EXCEPTION | PY_TF_GETATTRIBUTE);
        if (b->flags & PY_TF_CLASS) {
            t->dict_off = b->dict_off;
        }
    }
    t->base_type = native;
    if (native != NULL &&
        !(bases[0] != PY_NULL && (((py_type *)PY_PTR(bases[0]))->flags & PY_TF_CLASS))) {
        t->dict_off = native->inst_size;
    } else if (native != NULL && t->dict_off == offsetof(py_inst, dict)) {
        t->dict_off = native->inst_size;
    }
    if (t->flags & PY_TF_EXCEPTION) {
        t->dict_off = offsetof(py_exc, dict);
    }
    t->mro = compute_mro(ctx, t, n_bases, bases);
    if (py_dict_lookup_q(ctx, dict, PY_Q___slots__) != NULL && native == NULL) {
        /* __slots__ restricts attribute names; values still live in a dict */
        t->flags |= PY_TF_HAS_SLOTS;
    }
    if (py_dict_lookup_q(ctx, dict, PY_Q___getattribute__) != NULL) {
        t->flags |= PY_TF_GETATTRIBUTE;
    }
    if (py_dict_lookup_q(ctx, dict, PY_Q___eq__) != NULL &&
        py_dict_lookup_q(ctx, dict, PY_Q___hash__) == NULL) {
        py_dict_store_q(ctx, dict, PY_Q___hash__, PY_NONE);
    }
    for (uint32_t i = 0; i < dict->fill; i++) {
        if (dict->entries[i].key != PY_NULL) {
            set_fun_class(ctx, dict->entries[i].value, t);
        }
    }
    class_changed(ctx, t);
    /* __set_name__ on descriptors, __init_subclass__ on the parent */
    for (uint32_t i = 0; i < dict->fill; i++) {
        py_val v = dict->entries[i].value;
        if (dict->entries[i].key != PY_NULL && (py_type_of(v)->flags & PY_TF_CLASS)) {
            py_val sn = py_special(ctx, v, PY_Q___set_name__);
            if (sn != PY_NULL) {
                py_val a[2] = {PY_VAL(t), dict->entries[i].key};
                py_call(ctx, sn, 2, a);
            }
        }
    }
    if (t->mro->len > 1) {
        const py_type *parent = PY_PTR(t->mro->items[1]);
        py_val isc = py_lookup_type_attr(ctx, parent, PY_Q___init_subclass__);
        if (isc != PY_NULL && py_type_of(isc) == &py_type_function) {
            py_val a = PY_VAL(t);
            py_call(ctx, isc, 1, &a);
        } else if (isc != PY_NULL && py_type_of(isc) == &py_type_classmethod) {
            py_val a = PY_VAL(t);
            py_call(ctx, ((py_wrap_obj *)isc)->fun, 1, &a);
        }
    }
    return PY_VAL(t);
}

py_val py_build_class(py_ctx *ctx, py_val body, py_qstr name, size_t n_bases, const py_val *bases,
                      py_val metaclass)
{
    py_dict *dict = py_dict_alloc(ctx, &py_type_dict, 0);
    py_fun *f = PY_PTR(body);
    py_dict_entry *modname = py_dict_lookup_q(ctx, f->globals, PY_Q___name__);
    if (modname != NULL) {
        py_dict_store_q(ctx, dict, PY_Q___module__, modname->value);
    }
    py_dict_store_q(ctx, dict, PY_Q___qualname__, PY_MK_QSTR(name));
    /* run the body with the class dict as its namespace */
    extern py_val py_call_with_locals(py_ctx * ctx, py_fun * fun, py_dict * locals);
    py_call_with_locals(ctx, f, dict);
    if (metaclass != PY_NULL && metaclass != PY_VAL(&py_type_type)) {
        py_val args[3] = {PY_MK_QSTR(name), py_tuple_new(ctx, n_bases, bases), PY_VAL(dict)};
        return py_call(ctx, metaclass, 3, args);
    }
    return make_class(ctx, name, n_bases, bases, dict);
}

static py_val object_new(py_ctx *ctx, const py_type *t)
{
    if (t->flags & PY_TF_EXCEPTION) {
        return py_exc_new(ctx, t, 0, NULL);
    }
    size_t size = sizeof(py_inst);
    if (t->base_type != NULL) {
        size = t->dict_off + sizeof(py_dict *);
    }
    if (t->dict_off == 0) {
        size = sizeof(py_obj) + sizeof(py_dict *);
    }
    py_obj *o = py_alloc(ctx, size);
    o->type = t;
    return PY_VAL(o);
}

py_val py_instance_new(py_ctx *ctx, const py_type *t)
{
    return object_new(ctx, t);
}

/* Instance of a class deriving from a native type: build the native part
 * with the native constructor, then copy it into an object of the class. */
static py_val native_subclass_new(py_ctx *ctx, const py_type *t, size_t n_args, size_t n_kw,
                                  const py_val *args)
{
    const py_type *nt = t->base_type;
    if (nt->flags & PY_TF_EXCEPTION) {
        py_val e = py_exc_new(ctx, t, n_args, args);
        return e;
    }
    if (nt->make_new == NULL) {
        py_raise(ctx, &py_type_TypeError, "cannot create '%s' instances", t->name);
    }
    py_val nv = nt->make_new(ctx, nt, n_args, n_kw, args);
    if (nt->inst_size != 0 && PY_IS_PTR(nv) && py_gc_is_heap(ctx, PY_PTR(nv))) {
        py_obj *o = py_alloc(ctx, t->dict_off + sizeof(py_dict *));
        memcpy(o, PY_PTR(nv), nt->inst_size);
        o->type = t;
        return PY_VAL(o);
    }
    /* immutable natives (int, str, tuple, float, bytes): a copy of the value
     * object with the class as its type, without an instance dict */
    extern py_val py_box_value(py_ctx * ctx, py_val v);
    nv = py_box_value(ctx, nv);
    size_t size = py_gc_size(ctx, PY_PTR(nv));
    py_obj *o = py_alloc(ctx, size);
    memcpy(o, PY_PTR(nv), size);
    o->type = t;
    return PY_VAL(o);
}

static py_val class_call(py_ctx *ctx, const py_type *t, size_t n_args, size_t n_kw,
                         const py_val *args)
{
    py_val newf = py_lookup_type_attr(ctx, t, PY_Q___new__);
    py_val initf = py_lookup_type_attr(ctx, t, PY_Q___init__);
    py_val obj;
    if (newf != PY_NULL && py_type_of(newf) == &py_type_staticmethod) {
        newf = ((py_wrap_obj *)newf)->fun;
    }
    size_t total = n_args + 2 * n_kw;
    if (newf != PY_NULL && py_type_of(newf) == &py_type_function) {
        py_val *a = py_alloc(ctx, (total + 1) * sizeof(py_val));
        a[0] = PY_VAL(t);
        py_vcopy(a + 1, args, total);
        obj = py_call_kw(ctx, newf, n_args + 1, n_kw, a);
        if (!py_isinstance(ctx, obj, t)) {
            return obj;
        }
    } else if (t->base_type != NULL && t->base_type != &py_type_object) {
        bool user_init = initf != PY_NULL && py_type_of(initf) == &py_type_function;
        bool exc = (t->flags & PY_TF_EXCEPTION) != 0;
        obj = native_subclass_new(ctx, t, user_init && !exc ? 0 : n_args,
                                  user_init || exc ? 0 : n_kw, args);
    } else {
        if ((initf == PY_NULL || py_type_of(initf) != &py_type_function) && (n_args || n_kw)) {
            py_raise(ctx, &py_type_TypeError, "%s() takes no arguments", t->name);
        }
        obj = object_new(ctx, t);
    }
    if (initf != PY_NULL && py_type_of(initf) == &py_type_function) {
        py_val small[8];
        py_val *a = total + 1 <= 8 ? small : py_alloc(ctx, (total + 1) * sizeof(py_val));
        a[0] = obj;
        py_vcopy(a + 1, args, total);
        py_val r = py_call_kw(ctx, initf, n_args + 1, n_kw, a);
        if (r != PY_NONE) {
            py_raise(ctx, &py_type_TypeError, "__init__() should return None, not '%s'",
                     py_type_name(r));
        }
    }
    return obj;
}

static py_val type_call(py_ctx *ctx, py_val self, size_t n_args, size_t n_kw, const py_val *args)
{
    const py_type *t = PY_PTR(self);
    if (t->flags & PY_TF_CLASS) {
        return class_call(ctx, t, n_args, n_kw, args);
    }
    if (t->make_new == NULL) {
        py_raise(ctx, &py_type_TypeError, "cannot create '%s' instances", t->name);
    }
    return t->make_new(ctx, t, n_args, n_kw, args);
}

static py_val type_make_new(py_ctx *ctx, const py_type *type, size_t n_args, size_t n_kw,
                            const py_val *args)
{
    if (n_args == 1 && n_kw == 0) {
        return PY_VAL(py_type_of(args[0]));
    }
    if (n_args != 3) {
        py_raise(ctx, &py_type_TypeError, "type() takes 1 or 3 arguments");
    }
    size_t nb;
    py_val *bases;
    py_get_items(ctx, args[1], &nb, &bases);
    py_dict *d = py_dict_alloc(ctx, &py_type_dict, 0);
    py_dict *src = PY_PTR(args[2]);
    for (uint32_t i = 0; i < src->fill; i++) {
        if (src->entries[i].key != PY_NULL) {
            py_val k = src->entries[i].key;
            if (!PY_IS_QSTR(k)) {
                size_t kn;
                const char *ks = py_str_get(ctx, k, &kn);
                k = PY_MK_QSTR(py_qstr_from(ctx, ks, kn));
            }
            py_dict_store(ctx, d, k, src->entries[i].value);
        }
    }
    size_t nn;
    const char *ns = py_str_get(ctx, args[0], &nn);
    return make_class(ctx, py_qstr_from(ctx, ns, nn), nb, bases, d);
}

static bool type_attr(py_ctx *ctx, py_val self, py_qstr name, int op, py_val *value)
{
    return false;
}

static py_val type_binary_op(py_ctx *ctx, int op, py_val a, py_val b)
{
    if (op == PY_OP_OR) {
        /* int | None style unions: keep as a tuple for isinstance */
        py_val t[2] = {a, b};
        return py_tuple_new(ctx, 2, t);
    }
    return PY_NULL;
}

const py_type py_type_type = {
    {&py_type_type}, "type", PY_TF_BASETYPE, type_make_new, type_print,
    type_call,       NULL,   type_binary_op, type_attr,
};

/* --- object ---------------------------------------------------------------------- */

static void object_print(py_ctx *ctx, py_print *p, py_val self, int kind)
{
    const py_type *t = py_type_of(self);
    py_val mod = (t->flags & PY_TF_CLASS) && t->dict
                     ? py_dict_get(ctx, PY_VAL(t->dict), PY_MK_QSTR(PY_Q___module__))
                     : PY_NULL;
    if (mod != PY_NULL && py_is_str(mod)) {
        py_printf(ctx, p, "<%S.%s object at 0x%lx>", mod, t->name, (unsigned long)self);
    } else {
        py_printf(ctx, p, "<%s object at 0x%lx>", t->name, (unsigned long)self);
    }
}

static py_val object_make_new(py_ctx *ctx, const py_type *type, size_t n_args, size_t n_kw,
                              const py_val *args)
{
    if (n_args || n_kw) {
        py_raise(ctx, &py_type_TypeError, "object() takes no arguments");
    }
    py_obj *o = py_alloc(ctx, sizeof(py_obj));
    o->type = &py_type_object;
    return PY_VAL(o);
}

static py_val object_init(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return PY_NONE;
}
static PY_FUN_KWARGS(object_init_obj, "__init__", 1, object_init);

static py_val object_new_m(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    if (py_type_of(args[0]) != &py_type_type) {
        py_raise(ctx, &py_type_TypeError, "object.__new__(X): X is not a type object");
    }
    const py_type *t = PY_PTR(args[0]);
    if (t->base_type != NULL && !(t->flags & PY_TF_EXCEPTION) && t->flags & PY_TF_CLASS) {
        return native_subclass_new(ctx, t, n - 1, nkw, args + 1);
    }
    if (t->flags & PY_TF_EXCEPTION) {
        return py_exc_new(ctx, t, n - 1, args + 1);
    }
    return object_new(ctx, t);
}
static PY_FUN_KWARGS(object_new_fun, "__new__", 1, object_new_m);
static PY_STATICMETHOD(object_new_obj, object_new_fun);

static py_val object_eq(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return args[0] == args[1] ? PY_TRUE : PY_NOTIMPL;
}
static PY_FUN(object_eq_obj, "__eq__", 2, 2, object_eq);

static py_val object_ne(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    py_val r = py_compare(ctx, PY_OP_EQ, args[0], args[1]);
    return PY_BOOL(!py_truthy(ctx, r));
}
static PY_FUN(object_ne_obj, "__ne__", 2, 2, object_ne);

static py_val object_hash(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return PY_MK_SMALL((intptr_t)(args[0] >> 4));
}
static PY_FUN(object_hash_obj, "__hash__", 1, 1, object_hash);

static py_val object_repr(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    py_strbuf b;
    py_strbuf_init(ctx, &b, 32);
    object_print(ctx, &b.p, args[0], PY_PRINT_REPR);
    return py_strbuf_finish(&b, &py_type_str);
}
static PY_FUN(object_repr_obj, "__repr__", 1, 1, object_repr);

static py_val object_str(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    py_val m = py_special(ctx, args[0], PY_Q___repr__);
    if (m != PY_NULL) {
        return py_call(ctx, m, 0, NULL);
    }
    return py_repr(ctx, args[0]);
}
static PY_FUN(object_str_obj, "__str__", 1, 1, object_str);

static py_val object_setattr(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    size_t len;
    const char *s = py_str_get(ctx, args[1], &len);
    py_qstr q = py_qstr_from(ctx, s, len);
    py_dict **slot = inst_dict_slot(args[0]);
    if (slot == NULL) {
        py_setattr(ctx, args[0], q, args[2]);
        return PY_NONE;
    }
    if (*slot == NULL) {
        *slot = py_dict_alloc(ctx, &py_type_dict, 0);
    }
    py_dict_store_q(ctx, *slot, q, args[2]);
    return PY_NONE;
}
static PY_FUN(object_setattr_obj, "__setattr__", 3, 3, object_setattr);

static py_val object_delattr(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    size_t len;
    const char *s = py_str_get(ctx, args[1], &len);
    py_qstr q = py_qstr_from(ctx, s, len);
    py_dict **slot = inst_dict_slot(args[0]);
    if (slot == NULL || *slot == NULL || !py_dict_remove(ctx, *slot, PY_MK_QSTR(q), NULL)) {
        attr_error(ctx, args[0], q);
    }
    return PY_NONE;
}
static PY_FUN(object_delattr_obj, "__delattr__", 2, 2, object_delattr);

static py_val object_getattribute(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    size_t len;
    const char *s = py_str_get(ctx, args[1], &len);
    py_qstr q = py_qstr_from(ctx, s, len);
    py_val v = generic_getattr(ctx, args[0], q, false);
    if (v == PY_NULL) {
        attr_error(ctx, args[0], q);
    }
    return v;
}
static PY_FUN(object_getattribute_obj, "__getattribute__", 2, 2, object_getattribute);

static py_val object_init_subclass(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return PY_NONE;
}
static PY_FUN(object_init_subclass_fun, "__init_subclass__", 1, 1, object_init_subclass);
static PY_CLASSMETHOD(object_init_subclass_obj, object_init_subclass_fun);

static py_val object_format(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    size_t len;
    py_str_get(ctx, args[1], &len);
    if (len != 0) {
        py_raise(ctx, &py_type_TypeError, "unsupported format string passed to %s.__format__",
                 py_type_name(args[0]));
    }
    return py_to_str(ctx, args[0]);
}
static PY_FUN(object_format_obj, "__format__", 2, 2, object_format);

static const py_attr_def object_locals[] = {
    {"__init__", PY_OBJV(&object_init_obj)},
    {"__new__", PY_OBJV(&object_new_obj)},
    {"__eq__", PY_OBJV(&object_eq_obj)},
    {"__ne__", PY_OBJV(&object_ne_obj)},
    {"__hash__", PY_OBJV(&object_hash_obj)},
    {"__repr__", PY_OBJV(&object_repr_obj)},
    {"__str__", PY_OBJV(&object_str_obj)},
    {"__setattr__", PY_OBJV(&object_setattr_obj)},
    {"__delattr__", PY_OBJV(&object_delattr_obj)},
    {"__getattribute__", PY_OBJV(&object_getattribute_obj)},
    {"__init_subclass__", PY_OBJV(&object_init_subclass_obj)},
    {"__format__", PY_OBJV(&object_format_obj)},
    {NULL, 0},
};

const py_type py_type_object = {
    {&py_type_type}, "object",     PY_TF_BASETYPE,
    object_make_new, object_print, .locals = object_locals,
};

/* --- super ------------------------------------------------------------------------- */

py_val py_super_new(py_ctx *ctx, const py_type *t, py_val obj)
{
    py_super *s = py_obj_new(ctx, &py_type_super, sizeof(py_super));
    s->type = t;
    s->obj = obj;
    return PY_VAL(s);
}

static py_val super_make_new(py_ctx *ctx, const py_type *type, size_t n_args, size_t n_kw,
                             const py_val *args)
{
    if (n_args == 2) {
        if (py_type_of(args[0]) != &py_type_type) {
            py_raise(ctx, &py_type_TypeError, "super() argument 1 must be a type");
        }
        return py_super_new(ctx, PY_PTR(args[0]), args[1]);
    }
    py_frame *f = ctx->frame;
    if (n_args != 0 || f == NULL || f->fun == NULL || f->fun->klass == NULL ||
        f->code->n_pos + f->code->n_kwonly == 0) {
        py_raise(ctx, &py_type_RuntimeError, "super(): no arguments");
    }
    py_val self = f->locals[0];
    if (self != PY_NULL && py_type_of(self) == &py_type_cell) {
        self = ((py_cell *)self)->v;
    }
    return py_super_new(ctx, f->fun->klass, self);
}

static bool super_attr(py_ctx *ctx, py_val self, py_qstr name, int op, py_val *value)
{
    if (op != PY_ATTR_LOAD) {
        return false;
    }
    py_super *s = PY_PTR(self);
    bool is_cls =
        py_type_of(s->obj) == &py_type_type && py_issubclass(ctx, PY_PTR(s->obj), s->type);
    const py_type *t = is_cls ? PY_PTR(s->obj) : py_type_of(s->obj);
    py_val mro = type_getattr(ctx, t, PY_Q___mro__);
    size_t n;
    py_val *items;
    py_get_items(ctx, mro, &n, &items);
    size_t i = 0;
    while (i < n && PY_PTR(items[i]) != s->type) {
        i++;
    }
    for (i++; i < n; i++) {
        py_val v = lookup_one(ctx, PY_PTR(items[i]), name);
        if (i + 1 == n && v == PY_NULL) {
            v = PY_NULL;
        }
        if (v != PY_NULL) {
            if (is_cls) {
                const py_type *vt = py_type_of(v);
                *value = vt == &py_type_classmethod
                             ? py_bound_new(ctx, ((py_wrap_obj *)v)->fun, s->obj)
                             : bind_attr(ctx, v, PY_NULL, t);
            } else {
                *value = bind_attr(ctx, v, s->obj, t);
            }
            return true;
        }
    }
    if (t != &py_type_object) {
        py_val v = lookup_one(ctx, &py_type_object, name);
        if (v != PY_NULL) {
            *value = bind_attr(ctx, v, is_cls ? PY_NULL : s->obj, t);
            return true;
        }
    }
    py_raise(ctx, &py_type_AttributeError, "'super' object has no attribute '%q'", name);
}

static void super_print(py_ctx *ctx, py_print *p, py_val self, int kind)
{
    py_super *s = PY_PTR(self);
    py_printf(ctx, p, "<super: <class '%s'>, <%s object>>", s->type->name, py_type_name(s->obj));
}

const py_type py_type_super = {{&py_type_type}, "super",     0,
                               super_make_new,  super_print, .attr = super_attr};

/* --- property / classmethod / staticmethod -------------------------------------------- */

static py_val property_make_new(py_ctx *ctx, const py_type *type, size_t n_args, size_t n_kw,
                                const py_val *args)
{
    static const py_arg_spec spec[] = {{PY_Q_fget, 0, PY_NONE},
                                       {PY_Q_fset, 0, PY_NONE},
                                       {PY_Q_fdel, 0, PY_NONE},
                                       {PY_Q_doc, 0, PY_NONE}};
    py_val a[4];
    py_parse_args(ctx, n_args, n_kw, args, spec, 4, a);
    py_property *p = py_obj_new(ctx, &py_type_property, sizeof(py_property));
    p->fget = a[0];
    p->fset = a[1];
    p->fdel = a[2];
    return PY_VAL(p);
}

static py_val property_copy(py_ctx *ctx, py_val self, int which, py_val fn)
{
    py_property *o = PY_PTR(self);
    py_property *p = py_obj_new(ctx, &py_type_property, sizeof(py_property));
    *p = *o;
    if (which == 0) {
        p->fget = fn;
    } else if (which == 1) {
        p->fset = fn;
    } else {
        p->fdel = fn;
    }
    return PY_VAL(p);
}

static py_val property_getter(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return property_copy(ctx, args[0], 0, args[1]);
}
static py_val property_setter(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return property_copy(ctx, args[0], 1, args[1]);
}
static py_val property_deleter(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return property_copy(ctx, args[0], 2, args[1]);
}
static PY_FUN(property_getter_obj, "getter", 2, 2, property_getter);
static PY_FUN(property_setter_obj, "setter", 2, 2, property_setter);
static PY_FUN(property_deleter_obj, "deleter", 2, 2, property_deleter);

static const py_attr_def property_locals[] = {
    {"getter", PY_OBJV(&property_getter_obj)},
    {"setter", PY_OBJV(&property_setter_obj)},
    {"deleter", PY_OBJV(&property_deleter_obj)},
    {NULL, 0},
};

static bool property_attr(py_ctx *ctx, py_val self, py_qstr name, int op, py_val *value)
{
    py_property *p = PY_PTR(self);
    if (op == PY_ATTR_LOAD && (name == PY_Q_fget || name == PY_Q_fset || name == PY_Q_fdel)) {
        *value = name == PY_Q_fget ? p->fget : name == PY_Q_fset ? p->fset : p->fdel;
        return true;
    }
    return false;
}

const py_type py_type_property = {
    {&py_type_type},          "property", 0, property_make_new, .attr = property_attr,
    .locals = property_locals};

static py_val wrap_new(py_ctx *ctx, const py_type *type, size_t n_args, size_t n_kw,
                       const py_val *args)
{
    py_check_nargs(ctx, n_args, 1, 1);
    py_wrap_obj *w = py_obj_new(ctx, type, sizeof(py_wrap_obj));
    w->fun = args[0];
    return PY_VAL(w);
}

static bool wrap_attr(py_ctx *ctx, py_val self, py_qstr name, int op, py_val *value)
{
    if (op == PY_ATTR_LOAD && name == PY_Q___func__) {
        *value = ((py_wrap_obj *)self)->fun;
        return true;
    }
    return false;
}

const py_type py_type_staticmethod = {
    {&py_type_type}, "staticmethod", 0, wrap_new, .attr = wrap_attr};
const py_type py_type_classmethod = {
    {&py_type_type}, "classmethod", 0, wrap_new, .attr = wrap_attr};

/* --- functions, methods, cells, code, modules -------------------------------------------- */

static void fun_print(py_ctx *ctx, py_print *p, py_val self, int kind)
{
    py_val name = fun_getattr(ctx, self, PY_Q___qualname__);
    py_printf(ctx, p, "<function %S at 0x%lx>", name, (unsigned long)self);
}

static py_val fun_call(py_ctx *ctx, py_val self, size_t n_args, size_t n_kw, const py_val *args)
{
    return py_call_fun(ctx, PY_PTR(self), n_args, n_kw, args);
}

static py_val fun_binary_op(py_ctx *ctx, int op, py_val a, py_val b)
{
    if (op == PY_OP_EQ && py_type_of(a) == &py_type_bound_method &&
        py_type_of(b) == &py_type_bound_method) {
        py_bound *x = PY_PTR(a), *y = PY_PTR(b);
        return PY_BOOL(x->fun == y->fun && x->self == y->self);
    }
    return PY_NULL;
}

static bool fun_attr(py_ctx *ctx, py_val self, py_qstr name, int op, py_val *value)
{
    if (op == PY_ATTR_LOAD) {
        py_val v = fun_getattr(ctx, self, name);
        if (v != PY_NULL) {
            *value = v;
            return true;
        }
    }
    return false;
}

const py_type py_type_function = {
    {&py_type_type}, "function", 0, NULL, fun_print, fun_call, .binary_op = fun_binary_op,
    .attr = fun_attr};

static void cfun_print(py_ctx *ctx, py_print *p, py_val self, int kind)
{
    py_printf(ctx, p, "<built-in function %s>", ((py_cfun_obj *)self)->name);
}

static py_val cfun_call(py_ctx *ctx, py_val self, size_t n_args, size_t n_kw, const py_val *args)
{
    return py_call_kw(ctx, self, n_args, n_kw, args);
}

const py_type py_type_cfun = {
    {&py_type_type}, "builtin_function_or_method", 0, NULL, cfun_print, cfun_call,
    .attr = fun_attr};

static void bound_print(py_ctx *ctx, py_print *p, py_val self, int kind)
{
    py_bound *b = PY_PTR(self);
    py_val name = fun_getattr(ctx, b->fun, PY_Q___name__);
    py_printf(ctx, p, "<bound method %s.%S of %r>", py_type_name(b->self), name, b->self);
}

static py_val bound_call(py_ctx *ctx, py_val self, size_t n_args, size_t n_kw, const py_val *args)
{
    return py_call_kw(ctx, self, n_args, n_kw, args);
}

const py_type py_type_bound_method = {
    {&py_type_type}, "method", 0, NULL, bound_print, bound_call, .binary_op = fun_binary_op,
    .attr = fun_attr};

const py_type py_type_cell = {{&py_type_type}, "cell"};
const py_type py_type_code = {{&py_type_type}, "code"};

static void module_print(py_ctx *ctx, py_print *p, py_val self, int kind)
{
    py_module *m = PY_PTR(self);
    py_dict_entry *e = py_dict_lookup_q(ctx, m->globals, PY_Q___file__);
    if (e != NULL) {
        py_printf(ctx, p, "<module '%q' from '%S'>", m->name, e->value);
    } else {
        py_printf(ctx, p, "<module '%q'>", m->name);
    }
}

const py_type py_type_module = {{&py_type_type}, "module", 0, NULL, module_print};

py_val py_module_new(py_ctx *ctx, py_qstr name)
{
    py_module *m = py_obj_new(ctx, &py_type_module, sizeof(py_module));
    m->globals = py_dict_alloc(ctx, &py_type_dict, 0);
    m->name = name;
    py_dict_store_q(ctx, m->globals, PY_Q___name__, PY_MK_QSTR(name));
    py_dict_store_q(ctx, m->globals, PY_Q___doc__, PY_NONE);
    return PY_VAL(m);
}

void py_module_set(py_ctx *ctx, py_val module, const char *name, py_val value)
{
    py_module *m = PY_PTR(module);
    py_dict_store_q(ctx, m->globals, py_qstr_from_cstr(ctx, name), value);
}

const char *py_type_name_str(const py_type *t)
{
    return t->name;
}

py_val py_dir(py_ctx *ctx, py_val obj)
{
    py_val out = py_list_new(ctx, 0, NULL);
    py_val seen = py_set_new(ctx, &py_type_set);
    const py_type *t = py_type_of(obj);
    py_dict *dicts[64];
    size_t nd = 0;
    if (t == &py_type_module) {
        dicts[nd++] = ((py_module *)obj)->globals;
    } else {
        py_dict **slot = inst_dict_slot(obj);
        if (slot != NULL && *slot != NULL) {
            dicts[nd++] = *slot;
        }
        const py_type *c = t == &py_type_type ? PY_PTR(obj) : t;
        py_val mro = type_getattr(ctx, c, PY_Q___mro__);
        size_t n;
        py_val *items;
        py_get_items(ctx, mro, &n, &items);
        for (size_t i = 0; i < n && nd < 64; i++) {
            py_dict *d = py_type_locals(ctx, PY_PTR(items[i]));
            if (d != NULL) {
                dicts[nd++] = d;
            }
        }
    }
    for (size_t k = 0; k < nd; k++) {
        py_dict *d = dicts[k];
        for (uint32_t i = 0; i < d->fill; i++) {
            py_val key = d->entries[i].key;
            if (key != PY_NULL && py_is_str(key) &&
                !py_truthy(ctx, py_binary_op(ctx, PY_OP_IN, seen, key))) {
                py_set_add(ctx, seen, key);
                py_list_append(ctx, out, key);
            }
        }
    }
    py_list_sort(ctx, out, PY_NONE, false);
    return out;
}
