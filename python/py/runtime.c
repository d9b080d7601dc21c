/* Generic object operations: calls, attributes, operators, truth, hashing,
 * printing, iteration, exceptions raised from C. */
#include "internal.h"

/* --- singletons ------------------------------------------------------------ */

static void none_print(py_ctx *ctx, py_print *p, py_val self, int kind)
{
    py_print_str(p, self == PY_NONE ? "None" : self == PY_ELLIPSIS ? "Ellipsis" : "NotImplemented");
}

static py_val none_unary(py_ctx *ctx, int op, py_val self)
{
    if (op == PY_OP_BOOL) {
        return PY_BOOL(self != PY_NONE);
    }
    return PY_NULL;
}

const py_type py_type_none = {{&py_type_type}, "NoneType", 0, NULL, none_print, NULL, none_unary};
const py_type py_type_ellipsis = {{&py_type_type}, "ellipsis", 0,         NULL,
                                  none_print,      NULL,       none_unary};
const py_type py_type_notimpl = {{&py_type_type}, "NotImplementedType", 0, NULL, none_print, NULL,
                                 none_unary};
const py_obj py_none_obj = {&py_type_none};
const py_obj py_ellipsis_obj = {&py_type_ellipsis};
const py_obj py_notimpl_obj = {&py_type_notimpl};
const py_obj py_true_obj = {&py_type_bool};
const py_obj py_false_obj = {&py_type_bool};

/* --- printing ------------------------------------------------------------------ */

void py_print_str(py_print *p, const char *s)
{
    p->write(p->data, s, strlen(s));
}

void py_print_val(py_ctx *ctx, py_print *p, py_val v, int kind)
{
    PY_CSTACK_CHECK(ctx);
    const py_type *t = py_type_of(v);
    if (t->flags & PY_TF_CLASS) {
        py_val m = py_special(ctx, v, kind == PY_PRINT_STR ? PY_Q___str__ : PY_Q___repr__);
        if (m == PY_NULL && kind == PY_PRINT_STR) {
            m = py_special(ctx, v, PY_Q___repr__);
        }
        if (m != PY_NULL) {
            py_val r = py_call(ctx, m, 0, NULL);
            if (!py_is_str(r) || py_type_of(r) != &py_type_str) {
                py_raise(ctx, &py_type_TypeError, "__%s__ returned non-string (type %T)",
                         kind == PY_PRINT_STR ? "str" : "repr", r);
            }
            size_t n;
            const char *s = py_str_get(ctx, r, &n);
            p->write(p->data, s, n);
            return;
        }
    }
    while (t->print == NULL && t->base_type != NULL) {
        t = t->base_type;
    }
    if (t->print != NULL) {
        bool container = t == &py_type_list || t == &py_type_dict || t == &py_type_tuple;
        if (container) {
            for (int i = 0; i < ctx->repr_depth && i < 16; i++) {
                if (ctx->repr_stack[i] == v) {
                    py_print_str(p, t == &py_type_list   ? "[...]"
                                    : t == &py_type_dict ? "{...}"
                                                         : "(...)");
                    return;
                }
            }
            if (ctx->repr_depth < 16) {
                ctx->repr_stack[ctx->repr_depth] = v;
            }
            ctx->repr_depth++;
            py_jmp j;
            if (py_try(ctx, &j) == 0) {
                t->print(ctx, p, v, kind);
                py_try_end(ctx, &j);
                ctx->repr_depth--;
                return;
            }
            ctx->repr_depth--;
            py_raise_obj(ctx, j.exc);
        }
        t->print(ctx, p, v, kind);
        return;
    }
    py_printf(ctx, p, "<%s object at 0x%x>", py_type_name(v), (unsigned long)v);
}

static void print_int(py_print *p, unsigned long long u, bool neg, unsigned base, int width,
                      char pad)
{
    char buf[72];
    int i = sizeof(buf);
    do {
        unsigned d = (unsigned)(u % base);
        buf[--i] = (char)(d < 10 ? '0' + d : 'a' + d - 10);
        u /= base;
    } while (u != 0);
    if (neg) {
        buf[--i] = '-';
    }
    int len = (int)sizeof(buf) - i;
    while (len < width) {
        p->write(p->data, &pad, 1);
        width--;
    }
    p->write(p->data, buf + i, sizeof(buf) - i);
}

void py_vprintf(py_ctx *ctx, py_print *p, const char *fmt, va_list ap)
{
    while (*fmt) {
        const char *s = fmt;
        while (*fmt && *fmt != '%') {
            fmt++;
        }
        if (fmt > s) {
            p->write(p->data, s, fmt - s);
        }
        if (!*fmt) {
            break;
        }
        fmt++;
        char pad = ' ';
        int width = 0;
        if (*fmt == '0') {
            pad = '0';
            fmt++;
        }
        while (*fmt >= '0' && *fmt <= '9') {
            width = width * 10 + (*fmt++ - '0');
        }
        int lng = 0;
        while (*fmt == 'l' || *fmt == 'z') {
            lng = *fmt == 'z' ? 3 : lng + 1;
            fmt++;
        }
        char c = *fmt++;
        switch (c) {
        case 'd': {
            long long v = lng == 0   ? va_arg(ap, int)
                          : lng == 3 ? (long long)va_arg(ap, size_t)
                          : lng == 1 ? va_arg(ap, long)
                                     : va_arg(ap, long long);
            print_int(p, v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v, v < 0, 10,
                      width, pad);
            break;
        }
        case 'u':
        case 'x': {
            unsigned long long v = lng == 0   ? va_arg(ap, unsigned)
                                   : lng == 3 ? va_arg(ap, size_t)
                                   : lng == 1 ? va_arg(ap, unsigned long)
                                              : va_arg(ap, unsigned long long);
            print_int(p, v, false, c == 'x' ? 16 : 10, width, pad);
            break;
        }
        case 's': {
            const char *str = va_arg(ap, const char *);
            py_print_str(p, str ? str : "(null)");
            break;
        }
        case 'c': {
            char ch = (char)va_arg(ap, int);
            p->write(p->data, &ch, 1);
            break;
        }
        case 'q': {
            size_t n;
            const char *str = py_qstr_str(ctx, (py_qstr)va_arg(ap, int), &n);
            p->write(p->data, str, n);
            break;
        }
        case 'r': py_print_val(ctx, p, va_arg(ap, py_val), PY_PRINT_REPR); break;
        case 'S': py_print_val(ctx, p, va_arg(ap, py_val), PY_PRINT_STR); break;
        case 'T': py_print_str(p, py_type_name(va_arg(ap, py_val))); break;
        default: p->write(p->data, &c, 1); break;
        }
    }
}

void py_printf(py_ctx *ctx, py_print *p, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    py_vprintf(ctx, p, fmt, ap);
    va_end(ap);
}

py_val py_repr(py_ctx *ctx, py_val v)
{
    if (py_type_of(v) == &py_type_str && false) {
        return v;
    }
    py_strbuf b;
    py_strbuf_init(ctx, &b, 16);
    py_print_val(ctx, &b.p, v, PY_PRINT_REPR);
    return py_strbuf_finish(&b, &py_type_str);
}

py_val py_to_str(py_ctx *ctx, py_val v)
{
    if (py_type_of(v) == &py_type_str) {
        return v;
    }
    py_strbuf b;
    py_strbuf_init(ctx, &b, 16);
    py_print_val(ctx, &b.p, v, PY_PRINT_STR);
    return py_strbuf_finish(&b, &py_type_str);
}

const char *py_type_name(py_val v)
{
    return py_type_of(v)->name;
}

/* --- exceptions ----------------------------------------------------------------- */

_Noreturn void py_raise_obj(py_ctx *ctx, py_val exc)
{
    if (py_type_of(exc) == &py_type_type) {
        const py_type *t = PY_PTR(exc);
        if (!py_issubclass(ctx, t, &py_type_BaseException)) {
            py_raise(ctx, &py_type_TypeError, "exceptions must derive from BaseException");
        }
        exc = py_call(ctx, exc, 0, NULL);
    }
    if (!py_isinstance(ctx, exc, &py_type_BaseException)) {
        py_raise(ctx, &py_type_TypeError, "exceptions must derive from BaseException");
    }
    py_jmp *j = ctx->jmp;
    j->exc = exc;
    ctx->jmp = j->prev;
    longjmp(j->buf, 1);
}

_Noreturn void py_raise(py_ctx *ctx, const py_type *type, const char *fmt, ...)
{
    py_val msg = PY_NULL;
    if (fmt != NULL && type != &py_type_MemoryError) {
        py_strbuf b;
        py_strbuf_init(ctx, &b, 32);
        va_list ap;
        va_start(ap, fmt);
        py_vprintf(ctx, &b.p, fmt, ap);
        va_end(ap);
        msg = py_strbuf_finish(&b, &py_type_str);
    }
    if (type == &py_type_MemoryError) {
        py_raise_obj(ctx, ctx->mem_err);
    }
    py_raise_obj(ctx, py_exc_new(ctx, type, msg == PY_NULL ? 0 : 1, &msg));
}

_Noreturn void py_raise_type(py_ctx *ctx, const char *what, py_val v)
{
    py_raise(ctx, &py_type_TypeError, what, py_type_name(v));
}

void py_jmp_push(py_ctx *ctx, py_jmp *j)
{
    j->prev = ctx->jmp;
    j->frame = ctx->frame;
    j->vsp = ctx->vsp;
    j->depth = ctx->depth;
    j->exc = PY_NULL;
    ctx->jmp = j;
}

int py_jmp_restore(py_ctx *ctx, py_jmp *j)
{
    ctx->vsp = j->vsp;
    ctx->depth = j->depth;
    ctx->frame = j->frame;
    ctx->reraise = 0;
    return 1;
}

void py_jmp_pop(py_ctx *ctx, py_jmp *j)
{
    ctx->jmp = j->prev;
}

void py_check_cstack(py_ctx *ctx)
{
    char probe;
    if ((size_t)(ctx->cstack_base - &probe) > ctx->cstack_limit) {
        py_raise(ctx, &py_type_RecursionError, "maximum recursion depth exceeded");
    }
}

void py_check_interrupt(py_ctx *ctx)
{
    int flags = ctx->interrupt;
    if (flags == 0) {
        return;
    }
    ctx->interrupt = 0;
    if (ctx->threads != NULL) {
        flags = py_thread_check(ctx, flags);
    }
    if (flags & 1) {
        py_raise(ctx, &py_type_KeyboardInterrupt, NULL);
    }
    /* scheduled callbacks run one at a time, in order */
    while (ctx->sched_head != ctx->sched_tail) {
        unsigned h = ctx->sched_head % 8;
        py_val fn = ctx->sched[2 * h], arg = ctx->sched[2 * h + 1];
        ctx->sched[2 * h] = PY_NULL;
        ctx->sched_head++;
        py_call(ctx, fn, 1, &arg);
    }
}

const struct rtpy_hal *py_hal(py_ctx *ctx)
{
    return ctx->hal;
}

/* --- truth, equality, hashing ----------------------------------------------- */

size_t py_len(py_ctx *ctx, py_val v)
{
    const py_type *t = py_type_of(v);
    py_val r = PY_NULL;
    if (t->flags & PY_TF_CLASS) {
        py_val m = py_special(ctx, v, PY_Q___len__);
        if (m != PY_NULL) {
            r = py_call(ctx, m, 0, NULL);
            if (!PY_IS_SMALL(r)) {
                py_raise(ctx, &py_type_TypeError, "'%s' object cannot be interpreted as an integer",
                         py_type_name(r));
            }
            if (PY_SMALL(r) < 0) {
                py_raise(ctx, &py_type_ValueError, "__len__() should return >= 0");
            }
            return (size_t)PY_SMALL(r);
        }
    }
    while (t != NULL && t->unary_op == NULL) {
        t = t->base_type;
    }
    if (t != NULL) {
        r = t->unary_op(ctx, PY_OP_LEN, v);
    }
    if (r == PY_NULL) {
        py_raise(ctx, &py_type_TypeError, "object of type '%s' has no len()", py_type_name(v));
    }
    return (size_t)PY_SMALL(r);
}

bool py_truthy(py_ctx *ctx, py_val v)
{
    if (v == PY_TRUE) {
        return true;
    }
    if (v == PY_FALSE || v == PY_NONE) {
        return false;
    }
    if (PY_IS_SMALL(v)) {
        return PY_SMALL(v) != 0;
    }
    const py_type *t = py_type_of(v);
    if (t->flags & PY_TF_CLASS) {
        py_val m = py_special(ctx, v, PY_Q___bool__);
        if (m != PY_NULL) {
            py_val r = py_call(ctx, m, 0, NULL);
            if (r != PY_TRUE && r != PY_FALSE) {
                py_raise(ctx, &py_type_TypeError, "__bool__ should return bool, returned %s",
                         py_type_name(r));
            }
            return r == PY_TRUE;
        }
        m = py_special(ctx, v, PY_Q___len__);
        if (m != PY_NULL) {
            return py_len(ctx, v) != 0;
        }
    }
    while (t != NULL && t->unary_op == NULL) {
        t = t->base_type;
    }
    if (t == NULL) {
        return true;
    }
    py_val r = t->unary_op(ctx, PY_OP_BOOL, v);
    if (r != PY_NULL) {
        return r == PY_TRUE;
    }
    r = t->unary_op(ctx, PY_OP_LEN, v);
    if (r != PY_NULL) {
        return PY_SMALL(r) != 0;
    }
    return true;
}

bool py_equal(py_ctx *ctx, py_val a, py_val b)
{
    if (a == b) {
        /* NaN is the only value unequal to itself */
        if (py_type_of(a) == &py_type_float) {
            py_float_t f = ((py_float_obj *)a)->v;
            return f == f;
        }
        return true;
    }
    if (PY_IS_SMALL(a) && PY_IS_SMALL(b)) {
        return false;
    }
    if (PY_IS_QSTR(a) && PY_IS_QSTR(b)) {
        return false;
    }
    return py_truthy(ctx, py_compare(ctx, PY_OP_EQ, a, b));
}

intptr_t py_hash(py_ctx *ctx, py_val v)
{
    if (PY_IS_SMALL(v)) {
        intptr_t i = PY_SMALL(v);
        return i == -1 ? -2 : i;
    }
    if (PY_IS_QSTR(v)) {
        return py_qstr_hash(ctx, PY_QSTR(v));
    }
    PY_CSTACK_CHECK(ctx);
    const py_type *t = py_type_of(v);
    if (t->flags & PY_TF_CLASS) {
        py_val m = py_lookup_type_attr(ctx, t, PY_Q___hash__);
        if (m == PY_NONE) {
            py_raise(ctx, &py_type_TypeError, "unhashable type: '%s'", t->name);
        }
        if (m != PY_NULL && (py_type_of(m) == &py_type_function ||
                             (py_type_of(m) == &py_type_cfun && t->base_type != NULL))) {
            py_val r = py_call(ctx, m, 1, &v);
            if (!py_is_int(r)) {
                py_raise(ctx, &py_type_TypeError, "__hash__ method should return an integer");
            }
            return PY_IS_SMALL(r) ? PY_SMALL(r) : py_int_hash(r);
        }
        if (m == PY_NULL && py_lookup_type_attr(ctx, t, PY_Q___eq__) != PY_NULL) {
            py_raise(ctx, &py_type_TypeError, "unhashable type: '%s'", t->name);
        }
        return (intptr_t)(v >> 4);
    }
    while (t != NULL && t->unary_op == NULL) {
        t = t->base_type;
    }
    if (t != NULL) {
        py_val r = t->unary_op(ctx, PY_OP_HASH, v);
        if (r != PY_NULL) {
            return PY_SMALL(r);
        }
    }
    return (intptr_t)(v >> 4);
}

/* --- iteration ------------------------------------------------------------------ */

bool py_is_iterable(py_ctx *ctx, py_val v)
{
    const py_type *t = py_type_of(v);
    if ((t->flags & PY_TF_CLASS) && (py_lookup_type_attr(ctx, t, PY_Q___iter__) != PY_NULL ||
                                     py_lookup_type_attr(ctx, t, PY_Q___getitem__) != PY_NULL)) {
        return true;
    }
    while (t != NULL && t->getiter == NULL && t->iternext == NULL) {
        t = t->base_type;
    }
    return t != NULL;
}

py_val py_iter(py_ctx *ctx, py_val v)
{
    const py_type *t = py_type_of(v);
    if (t->flags & PY_TF_CLASS) {
        py_val m = py_special(ctx, v, PY_Q___iter__);
        if (m != PY_NULL) {
            extern py_val py_check_iterator(py_ctx * ctx, py_val it);
            return py_check_iterator(ctx, py_call(ctx, m, 0, NULL));
        }
        m = py_special(ctx, v, PY_Q___getitem__);
        if (m != PY_NULL) {
            py_val args[2] = {v, PY_MK_SMALL(0)};
            py_val it = py_tuple_new(ctx, 2, args);
            ((py_obj *)it)->type = &py_type_seq_iter;
            return it;
        }
    }
    while (t != NULL && t->getiter == NULL && t->iternext == NULL) {
        t = t->base_type;
    }
    if (t == NULL) {
        py_raise(ctx, &py_type_TypeError, "'%s' object is not iterable", py_type_name(v));
    }
    if (t->getiter == NULL) {
        return v;
    }
    return t->getiter(ctx, v);
}

/* The result of a user __iter__ must be an iterator object. */
py_val py_check_iterator(py_ctx *ctx, py_val it)
{
    const py_type *t = py_type_of(it);
    if (!PY_IS_PTR(it) || (t->iternext == NULL && !(t->flags & PY_TF_CLASS))) {
        py_raise(ctx, &py_type_TypeError, "iter() returned non-iterator of type '%s'", t->name);
    }
    return it;
}

py_val py_next(py_ctx *ctx, py_val it)
{
    const py_type *t = py_type_of(it);
    if (PY_LIKELY(t->iternext != NULL)) {
        return t->iternext(ctx, it);
    }
    if (t->flags & PY_TF_CLASS) {
        py_val m = py_special(ctx, it, PY_Q___next__);
        if (m != PY_NULL) {
            py_jmp j;
            if (py_try(ctx, &j) == 0) {
                py_val r = py_call(ctx, m, 0, NULL);
                py_try_end(ctx, &j);
                return r;
            }
            if (py_isinstance(ctx, j.exc, &py_type_StopIteration)) {
                return PY_STOP;
            }
            py_raise_obj(ctx, j.exc);
        }
    }
    py_raise(ctx, &py_type_TypeError, "'%s' object is not an iterator", py_type_name(it));
}

/* Iterator over an object with __getitem__ (stored as a 2-tuple). */
static py_val seq_iternext(py_ctx *ctx, py_val self)
{
    py_tuple *t = PY_PTR(self);
    py_jmp j;
    if (py_try(ctx, &j) == 0) {
        py_val r = py_subscr(ctx, t->items[0], t->items[1], PY_NULL);
        py_try_end(ctx, &j);
        t->items[1] = PY_MK_SMALL(PY_SMALL(t->items[1]) + 1);
        return r;
    }
    if (py_isinstance(ctx, j.exc, &py_type_IndexError) ||
        py_isinstance(ctx, j.exc, &py_type_StopIteration)) {
        return PY_STOP;
    }
    py_raise_obj(ctx, j.exc);
}

const py_type py_type_seq_iter = {
    {&py_type_type}, "iterator", PY_TF_ITER_SELF, .iternext = seq_iternext};

/* --- indexes ------------------------------------------------------------------ */

size_t py_index(py_ctx *ctx, py_val index, size_t len, const char *what)
{
    intptr_t i;
    if (PY_IS_SMALL(index)) {
        i = PY_SMALL(index);
    } else if (index == PY_TRUE || index == PY_FALSE) {
        i = index == PY_TRUE;
    } else if (py_is_int(index)) {
        intmax_t big;
        /* an int subclass instance may hold a small value; a real bigint cannot index */
        if (!py_int_get_checked(ctx, index, &big) || big < INTPTR_MIN || big > INTPTR_MAX) {
            py_raise(ctx, &py_type_IndexError, "cannot fit 'int' into an index-sized integer");
        }
        i = (intptr_t)big;
    } else {
        py_val m = py_special(ctx, index, PY_Q___index__);
        if (m != PY_NULL) {
            py_val iv = py_call(ctx, m, 0, NULL);
            if (!py_is_int(iv)) {
                py_raise(ctx, &py_type_TypeError, "__index__ returned non-int (type %s)",
                         py_type_name(iv));
            }
            return py_index(ctx, iv, len, what);
        }
        if (strcmp(what, "string") == 0) {
            py_raise(ctx, &py_type_TypeError, "string indices must be integers, not '%s'",
                     py_type_name(index));
        }
        py_raise(ctx, &py_type_TypeError, "%s indices must be integers or slices, not %s",
                 strcmp(what, "list assignment") == 0 ? "list" : what, py_type_name(index));
    }
    if (i < 0) {
        i += (intptr_t)len;
    }
    if (i < 0 || (size_t)i >= len) {
        if (strcmp(what, "index") == 0) {
            py_raise(ctx, &py_type_IndexError, "index out of range");
        }
        py_raise(ctx, &py_type_IndexError, "%s index out of range", what);
    }
    return (size_t)i;
}

py_val py_subscr(py_ctx *ctx, py_val obj, py_val index, py_val value)
{
    const py_type *t = py_type_of(obj);
    if (t->flags & PY_TF_CLASS) {
        py_qstr name = value == PY_NULL   ? PY_Q___getitem__
                       : value == PY_STOP ? PY_Q___delitem__
                                          : PY_Q___setitem__;
        py_val m = py_special(ctx, obj, name);
        if (m != PY_NULL) {
            py_val args[2] = {index, value};
            py_val r = py_call(ctx, m, value == PY_NULL || value == PY_STOP ? 1 : 2, args);
            return value == PY_NULL ? r : PY_NONE;
        }
        if (t == &py_type_type || py_type_of(obj) == &py_type_type) {
            /* fallthrough to native */
        }
    }
    if (t == &py_type_type && value == PY_NULL) {
        /* list[int] style generic alias: return the class itself */
        py_val m = py_lookup_type_attr(ctx, PY_PTR(obj), PY_Q___getitem__);
        if (m == PY_NULL) {
            return obj;
        }
    }
    while (t != NULL && t->subscr == NULL) {
        t = t->base_type;
    }
    if (t == NULL) {
        const char *what = value == PY_NULL   ? "'%s' object is not subscriptable"
                           : value == PY_STOP ? "'%s' object doesn't support item deletion"
                                              : "'%s' object does not support item assignment";
        py_raise(ctx, &py_type_TypeError, what, py_type_name(obj));
    }
    return t->subscr(ctx, obj, index, value);
}

/* --- calls ----------------------------------------------------------------------- */

/* The built-in type whose method table holds f, when args[0] is an instance of it: f was
 * then called as a method and CPython's messages leave self out of the counts. Only used on
 * the error path, so the linear search costs nothing in normal calls. */
static const py_type *cfun_method_owner(py_ctx *ctx, const py_cfun_obj *f, size_t n_args,
                                        const py_val *args)
{
    if (n_args == 0) {
        return NULL;
    }
    for (const py_type *t = py_type_of(args[0]); t != NULL; t = t->base_type) {
        /* bytearray runs most of its methods through the bytes implementations */
        const py_type *look = t == &py_type_bytearray ? &py_type_bytes : t;
        for (int pass = 0; pass < (look != t ? 2 : 1); pass++) {
            for (const py_attr_def *d = (pass ? look : t)->locals; d != NULL && d->name != NULL;
                 d++) {
                if (d->value == PY_VAL(f)) {
                    return t;
                }
            }
        }
    }
    return NULL;
}

/* Raise CPython 3.11's TypeError for a built-in called with the wrong number of arguments. */
static void cfun_arg_count_error(py_ctx *ctx, const py_cfun_obj *f, size_t n_args,
                                 const py_val *args)
{
    const py_type *owner = cfun_method_owner(ctx, f, n_args, args);
    size_t skip = owner != NULL ? 1 : 0;
    int given = (int)(n_args - skip);
    int min = (int)(f->min_args - skip);
    int max = f->max_args == PY_ARGS_VAR ? -1 : (int)(f->max_args - skip);
    const char *tname = owner != NULL ? owner->name : "";
    const char *dot = owner != NULL ? "." : "";
    if (min == max && min <= 1) {
        py_raise(ctx, &py_type_TypeError, "%s%s%s() takes %s (%d given)", tname, dot, f->name,
                 min == 0 ? "no arguments" : "exactly one argument", given);
    }
    int n = min == max ? min : given < min ? min : max;
    py_raise(ctx, &py_type_TypeError, "%s expected %s%d argument%s, got %d", f->name,
             min == max    ? ""
             : given < min ? "at least "
                           : "at most ",
             n, n == 1 ? "" : "s", given);
}

py_val py_call_kw(py_ctx *ctx, py_val fn, size_t n_args, size_t n_kw, const py_val *args)
{
    const py_type *t = py_type_of(fn);
    if (t == &py_type_function) {
        return py_call_fun(ctx, PY_PTR(fn), n_args, n_kw, args);
    }
    if (t == &py_type_cfun) {
        const py_cfun_obj *f = PY_PTR(fn);
        if (n_kw != 0 && !(f->flags & PY_FUN_KW)) {
            py_raise(ctx, &py_type_TypeError, "%s() takes no keyword arguments", f->name);
        }
        if (n_args < f->min_args || (f->max_args != PY_ARGS_VAR && n_args > f->max_args)) {
            cfun_arg_count_error(ctx, f, n_args, args);
        }
        return f->fun(ctx, n_args, n_kw, args);
    }
    if (t == &py_type_bound_method) {
        py_bound *b = PY_PTR(fn);
        size_t total = n_args + 2 * n_kw;
        py_val small[8];
        py_val *a = total + 1 <= 8 ? small : py_alloc(ctx, (total + 1) * sizeof(py_val));
        a[0] = b->self;
        py_vcopy(a + 1, args, total);
        return py_call_kw(ctx, b->fun, n_args + 1, n_kw, a);
    }
    if (t->flags & PY_TF_CLASS) {
        py_val m = py_lookup_type_attr(ctx, t, PY_Q___call__);
        if (m != PY_NULL && py_type_of(m) == &py_type_function) {
            size_t total = n_args + 2 * n_kw;
            py_val small[8];
            py_val *a = total + 1 <= 8 ? small : py_alloc(ctx, (total + 1) * sizeof(py_val));
            a[0] = fn;
            py_vcopy(a + 1, args, total);
            return py_call_fun(ctx, PY_PTR(m), n_args + 1, n_kw, a);
        }
    }
    while (t != NULL && t->call == NULL) {
        t = t->base_type;
    }
    if (t == NULL) {
        py_raise(ctx, &py_type_TypeError, "'%s' object is not callable", py_type_name(fn));
    }
    return t->call(ctx, fn, n_args, n_kw, args);
}

py_val py_call(py_ctx *ctx, py_val fn, size_t n_args, const py_val *args)
{
    return py_call_kw(ctx, fn, n_args, 0, args);
}

py_val py_call_method(py_ctx *ctx, py_val obj, py_qstr name, size_t n_args, const py_val *args)
{
    py_val self = PY_NULL;
    py_val m = py_load_method(ctx, obj, name, &self);
    if (self == PY_NULL) {
        return py_call(ctx, m, n_args, args);
    }
    py_val small[8];
    py_val *a = n_args + 1 <= 8 ? small : py_alloc(ctx, (n_args + 1) * sizeof(py_val));
    a[0] = self;
    py_vcopy(a + 1, args, n_args);
    return py_call(ctx, m, n_args + 1, a);
}

bool py_is_callable(py_ctx *ctx, py_val v)
{
    const py_type *t = py_type_of(v);
    if (t == &py_type_function || t == &py_type_cfun || t == &py_type_bound_method ||
        t == &py_type_type) {
        return true;
    }
    if (t->flags & PY_TF_CLASS) {
        return py_lookup_type_attr(ctx, t, PY_Q___call__) != PY_NULL;
    }
    return t->call != NULL;
}

void py_check_nargs(py_ctx *ctx, size_t n, size_t min, size_t max)
{
    if (n < min || n > max) {
        if (min == max) {
            py_raise(ctx, &py_type_TypeError,
                     "function takes %d positional arguments but %d were given", (int)min, (int)n);
        }
        py_raise(ctx, &py_type_TypeError, "function expected %s %d arguments, got %d",
                 n < min ? "at least" : "at most", (int)(n < min ? min : max), (int)n);
    }
}

void py_parse_args(py_ctx *ctx, size_t n_args, size_t n_kw, const py_val *args,
                   const py_arg_spec *spec, size_t n_spec, py_val *out)
{
    size_t npos = 0;
    while (npos < n_spec && !(spec[npos].flags & PY_ARG_KWONLY)) {
        npos++;
    }
    if (n_args > npos) {
        py_raise(ctx, &py_type_TypeError,
                 "function takes at most %d positional arguments (%d given)", (int)npos,
                 (int)n_args);
    }
    for (size_t i = 0; i < n_spec; i++) {
        out[i] = i < n_args ? args[i] : PY_NULL;
    }
    for (size_t k = 0; k < n_kw; k++) {
        py_qstr name = PY_QSTR(args[n_args + 2 * k]);
        size_t i = 0;
        while (i < n_spec && spec[i].name != name) {
            i++;
        }
        if (i == n_spec || spec[i].name == 0) {
            py_raise(ctx, &py_type_TypeError,
                     "'%q' is an invalid keyword argument for this function", name);
        }
        if (out[i] != PY_NULL) {
            py_raise(ctx, &py_type_TypeError,
                     "argument for function given by name ('%q') and position", name);
        }
        out[i] = args[n_args + 2 * k + 1];
    }
    for (size_t i = 0; i < n_spec; i++) {
        if (out[i] == PY_NULL) {
            if (spec[i].flags & PY_ARG_REQUIRED) {
                if (spec[i].name) {
                    py_raise(ctx, &py_type_TypeError, "function missing required argument '%q'",
                             spec[i].name);
                }
                py_raise(ctx, &py_type_TypeError, "function missing required positional argument");
            }
            out[i] = spec[i].def;
        }
    }
}

/* --- operators ------------------------------------------------------------------- */

static const uint16_t op_names[] = {
    [PY_OP_ADD] = PY_Q___add__,
    [PY_OP_SUB] = PY_Q___sub__,
    [PY_OP_MUL] = PY_Q___mul__,
    [PY_OP_MATMUL] = PY_Q___matmul__,
    [PY_OP_TRUEDIV] = PY_Q___truediv__,
    [PY_OP_FLOORDIV] = PY_Q___floordiv__,
    [PY_OP_MOD] = PY_Q___mod__,
    [PY_OP_POW] = PY_Q___pow__,
    [PY_OP_LSHIFT] = PY_Q___lshift__,
    [PY_OP_RSHIFT] = PY_Q___rshift__,
    [PY_OP_AND] = PY_Q___and__,
    [PY_OP_OR] = PY_Q___or__,
    [PY_OP_XOR] = PY_Q___xor__,
    [PY_OP_IADD] = PY_Q___iadd__,
    [PY_OP_ISUB] = PY_Q___isub__,
    [PY_OP_IMUL] = PY_Q___imul__,
    [PY_OP_IMATMUL] = PY_Q___imatmul__,
    [PY_OP_ITRUEDIV] = PY_Q___itruediv__,
    [PY_OP_IFLOORDIV] = PY_Q___ifloordiv__,
    [PY_OP_IMOD] = PY_Q___imod__,
    [PY_OP_IPOW] = PY_Q___ipow__,
    [PY_OP_ILSHIFT] = PY_Q___ilshift__,
    [PY_OP_IRSHIFT] = PY_Q___irshift__,
    [PY_OP_IAND] = PY_Q___iand__,
    [PY_OP_IOR] = PY_Q___ior__,
    [PY_OP_IXOR] = PY_Q___ixor__,
    [PY_OP_LT] = PY_Q___lt__,
    [PY_OP_GT] = PY_Q___gt__,
    [PY_OP_EQ] = PY_Q___eq__,
    [PY_OP_NE] = PY_Q___ne__,
    [PY_OP_LE] = PY_Q___le__,
    [PY_OP_GE] = PY_Q___ge__,
    [PY_OP_DIVMOD] = PY_Q___divmod__,
};

static const uint16_t rop_names[] = {
    [PY_OP_ADD] = PY_Q___radd__,
    [PY_OP_SUB] = PY_Q___rsub__,
    [PY_OP_MUL] = PY_Q___rmul__,
    [PY_OP_MATMUL] = PY_Q___rmatmul__,
    [PY_OP_TRUEDIV] = PY_Q___rtruediv__,
    [PY_OP_FLOORDIV] = PY_Q___rfloordiv__,
    [PY_OP_MOD] = PY_Q___rmod__,
    [PY_OP_POW] = PY_Q___rpow__,
    [PY_OP_LSHIFT] = PY_Q___rlshift__,
    [PY_OP_RSHIFT] = PY_Q___rrshift__,
    [PY_OP_AND] = PY_Q___rand__,
    [PY_OP_OR] = PY_Q___ror__,
    [PY_OP_XOR] = PY_Q___rxor__,
    [PY_OP_LT] = PY_Q___gt__,
    [PY_OP_GT] = PY_Q___lt__,
    [PY_OP_EQ] = PY_Q___eq__,
    [PY_OP_NE] = PY_Q___ne__,
    [PY_OP_LE] = PY_Q___ge__,
    [PY_OP_GE] = PY_Q___le__,
};

static const char *const op_symbols[] = {
    [PY_OP_ADD] = "+",         [PY_OP_SUB] = "-",           [PY_OP_MUL] = "*",
    [PY_OP_MATMUL] = "@",      [PY_OP_TRUEDIV] = "/",       [PY_OP_FLOORDIV] = "//",
    [PY_OP_MOD] = "%",         [PY_OP_POW] = "** or pow()", [PY_OP_LSHIFT] = "<<",
    [PY_OP_RSHIFT] = ">>",     [PY_OP_AND] = "&",           [PY_OP_OR] = "|",
    [PY_OP_XOR] = "^",         [PY_OP_IADD] = "+=",         [PY_OP_ISUB] = "-=",
    [PY_OP_IMUL] = "*=",       [PY_OP_IMATMUL] = "@=",      [PY_OP_ITRUEDIV] = "/=",
    [PY_OP_IFLOORDIV] = "//=", [PY_OP_IMOD] = "%=",         [PY_OP_IPOW] = "**=",
    [PY_OP_ILSHIFT] = "<<=",   [PY_OP_IRSHIFT] = ">>=",     [PY_OP_IAND] = "&=",
    [PY_OP_IOR] = "|=",        [PY_OP_IXOR] = "^=",         [PY_OP_LT] = "<",
    [PY_OP_GT] = ">",          [PY_OP_EQ] = "==",           [PY_OP_NE] = "!=",
    [PY_OP_LE] = "<=",         [PY_OP_GE] = ">=",           [PY_OP_DIVMOD] = "divmod()",
};

static py_val native_binop(py_ctx *ctx, const py_type *t, int op, py_val a, py_val b)
{
    while (t != NULL && t->binary_op == NULL) {
        t = t->base_type;
    }
    if (t == NULL) {
        return PY_NULL;
    }
    return t->binary_op(ctx, op, a, b);
}

static py_val call_special2(py_ctx *ctx, py_val obj, py_qstr name, py_val arg)
{
    py_val m = py_special(ctx, obj, name);
    if (m == PY_NULL) {
        return PY_NULL;
    }
    py_val r = py_call(ctx, m, 1, &arg);
    return r == PY_NOTIMPL ? PY_NULL : r;
}

static py_val try_binop(py_ctx *ctx, int op, py_val a, py_val b)
{
    const py_type *ta = py_type_of(a), *tb = py_type_of(b);
    py_val r;
    bool rfirst = ta != tb && (tb->flags & PY_TF_CLASS) && py_issubclass(ctx, tb, ta);
    if (rfirst && op < PY_OP_IN && rop_names[op]) {
        r = call_special2(ctx, b, rop_names[op], a);
        if (r != PY_NULL) {
            return r;
        }
    }
    if (ta->flags & PY_TF_CLASS) {
        r = op_names[op] ? call_special2(ctx, a, op_names[op], b) : PY_NULL;
        if (r != PY_NULL) {
            return r;
        }
    }
    r = native_binop(ctx, ta, op, a, b);
    if (r != PY_NULL) {
        return r;
    }
    if (ta == tb) {
        if (!(tb->flags & PY_TF_CLASS) || op == PY_OP_EQ || op == PY_OP_NE) {
            return PY_NULL;
        }
    }
    if ((tb->flags & PY_TF_CLASS) && !rfirst && op < PY_OP_IN && rop_names[op] &&
        !(ta == tb && op >= PY_OP_LT && op <= PY_OP_GE && false)) {
        r = call_special2(ctx, b, rop_names[op], a);
        if (r != PY_NULL) {
            return r;
        }
    }
    if (ta != tb) {
        r = native_binop(ctx, tb, op, a, b);
    }
    return r;
}

static bool is_repeatable_seq(py_val v)
{
    const py_type *t = py_type_of(v);
    return py_is_str(v) || t == &py_type_bytes || t == &py_type_bytearray || t == &py_type_list ||
           t == &py_type_tuple;
}

/* seq * n where n is an instance with __index__ (CPython's sequence repeat accepts those). */
static py_val seq_repeat_index(py_ctx *ctx, int op, py_val a, py_val b)
{
    bool a_seq = is_repeatable_seq(a);
    py_val n = a_seq ? b : a;
    if (!(a_seq || is_repeatable_seq(b)) || !(py_type_of(n)->flags & PY_TF_CLASS)) {
        return PY_NULL;
    }
    py_val m = py_special(ctx, n, PY_Q___index__);
    if (m == PY_NULL) {
        return PY_NULL;
    }
    py_val count = py_call(ctx, m, 0, NULL);
    if (!py_is_int(count)) {
        py_raise(ctx, &py_type_TypeError, "__index__ returned non-int (type %s)",
                 py_type_name(count));
    }
    return py_binary_op(ctx, op, a_seq ? a : count, a_seq ? count : b);
}

py_val py_binary_op(py_ctx *ctx, int op, py_val a, py_val b)
{
    if (op >= PY_OP_LT && op <= PY_OP_GE) {
        return py_compare(ctx, op, a, b);
    }
    if (op == PY_OP_IN) {
        /* a is the container */
        const py_type *t = py_type_of(a);
        if (t->flags & PY_TF_CLASS) {
            py_val m = py_special(ctx, a, PY_Q___contains__);
            if (m != PY_NULL) {
                return PY_BOOL(py_truthy(ctx, py_call(ctx, m, 1, &b)));
            }
        }
        py_val r = native_binop(ctx, t, PY_OP_IN, a, b);
        if (r != PY_NULL) {
            return r;
        }
        const py_type *ti = t;
        while (ti != NULL && ti->getiter == NULL && ti->iternext == NULL &&
               !(ti->flags & PY_TF_CLASS)) {
            ti = ti->base_type;
        }
        if (ti == NULL) {
            py_raise(ctx, &py_type_TypeError, "argument of type '%s' is not iterable",
                     py_type_name(a));
        }
        py_val it = py_iter(ctx, a);
        for (py_val x; (x = py_next(ctx, it)) != PY_STOP;) {
            if (x == b || py_equal(ctx, x, b)) {
                return PY_TRUE;
            }
        }
        return PY_FALSE;
    }
    PY_CSTACK_CHECK(ctx);
    py_val r = try_binop(ctx, op, a, b);
    int orig_op = op;
    if (r == PY_NULL && op >= PY_OP_IADD && op <= PY_OP_IXOR) {
        op -= PY_INPLACE_DELTA;
        r = try_binop(ctx, op, a, b);
    }
    if (r == PY_NULL && op == PY_OP_MUL) {
        r = seq_repeat_index(ctx, orig_op, a, b);
    }
    if (r == PY_NULL) {
        if (op == PY_OP_DIVMOD) {
            py_raise(ctx, &py_type_TypeError,
                     "unsupported operand type(s) for divmod(): '%s' and '%s'", py_type_name(a),
                     py_type_name(b));
        }
        if (op == PY_OP_POW) {
            py_raise(ctx, &py_type_TypeError,
                     "unsupported operand type(s) for ** or pow(): '%s' and '%s'", py_type_name(a),
                     py_type_name(b));
        }
        if ((op == PY_OP_MUL) &&
            (py_is_str(a) || py_is_str(b) || py_type_of(a) == &py_type_list ||
             py_type_of(b) == &py_type_list || py_type_of(a) == &py_type_tuple ||
             py_type_of(b) == &py_type_tuple)) {
            py_val other = py_is_int(a) || py_type_of(a) == &py_type_float ? a : b;
            if (py_is_int(a) || py_is_int(b) || other == b || true) {
                py_raise(ctx, &py_type_TypeError, "can't multiply sequence by non-int of type '%s'",
                         py_type_name(py_is_str(a) || py_type_of(a) == &py_type_list ||
                                              py_type_of(a) == &py_type_tuple
                                          ? b
                                          : a));
            }
        }
        if (op == PY_OP_ADD && py_type_of(a) == &py_type_str) {
            py_raise(ctx, &py_type_TypeError, "can only concatenate str (not \"%s\") to str",
                     py_type_name(b));
        }
        if (op == PY_OP_ADD &&
            (py_type_of(a) == &py_type_list || py_type_of(a) == &py_type_tuple)) {
            py_raise(ctx, &py_type_TypeError, "can only concatenate %s (not \"%s\") to %s",
                     py_type_name(a), py_type_name(b), py_type_name(a));
        }
        py_raise(ctx, &py_type_TypeError, "unsupported operand type(s) for %s: '%s' and '%s'",
                 op_symbols[orig_op], py_type_name(a), py_type_name(b));
    }
    return r;
}

py_val py_compare(py_ctx *ctx, int op, py_val a, py_val b)
{
    if (PY_IS_SMALL(a) && PY_IS_SMALL(b)) {
        intptr_t x = PY_SMALL(a), y = PY_SMALL(b);
        switch (op) {
        case PY_OP_LT: return PY_BOOL(x < y);
        case PY_OP_GT: return PY_BOOL(x > y);
        case PY_OP_EQ: return PY_BOOL(x == y);
        case PY_OP_NE: return PY_BOOL(x != y);
        case PY_OP_LE: return PY_BOOL(x <= y);
        default: return PY_BOOL(x >= y);
        }
    }
    PY_CSTACK_CHECK(ctx);
    py_val r = try_binop(ctx, op, a, b);
    if (r != PY_NULL) {
        return r;
    }
    if (op == PY_OP_EQ) {
        return PY_BOOL(a == b);
    }
    if (op == PY_OP_NE) {
        r = try_binop(ctx, PY_OP_EQ, a, b);
        if (r != PY_NULL) {
            return PY_BOOL(!py_truthy(ctx, r));
        }
        return PY_BOOL(a != b);
    }
    py_raise(ctx, &py_type_TypeError, "'%s' not supported between instances of '%s' and '%s'",
             op_symbols[op], py_type_name(a), py_type_name(b));
}

py_val py_unary_op(py_ctx *ctx, int op, py_val a)
{
    if (op == PY_OP_NOT) {
        return PY_BOOL(!py_truthy(ctx, a));
    }
    if (op == PY_OP_BOOL) {
        return PY_BOOL(py_truthy(ctx, a));
    }
    const py_type *t = py_type_of(a);
    if (t->flags & PY_TF_CLASS) {
        static const uint16_t names[] = {[PY_OP_NEG] = PY_Q___neg__,
                                         [PY_OP_POS] = PY_Q___pos__,
                                         [PY_OP_INVERT] = PY_Q___invert__,
                                         [PY_OP_ABS] = PY_Q___abs__,
                                         [PY_OP_INT] = PY_Q___int__,
                                         [PY_OP_FLOAT] = PY_Q___float__,
                                         [PY_OP_HASH] = 0,
                                         [PY_OP_LEN] = 0,
                                         [PY_OP_NOT] = 0,
                                         [PY_OP_BOOL] = 0};
        if (names[op]) {
            py_val m = py_special(ctx, a, names[op]);
            if (m != PY_NULL) {
                return py_call(ctx, m, 0, NULL);
            }
        }
    }
    while (t != NULL && t->unary_op == NULL) {
        t = t->base_type;
    }
    py_val r = t != NULL ? t->unary_op(ctx, op, a) : PY_NULL;
    if (r == PY_NULL) {
        static const char *const sym[] = {
            [PY_OP_NEG] = "unary -", [PY_OP_POS] = "unary +", [PY_OP_INVERT] = "unary ~",
            [PY_OP_ABS] = "abs()",   [PY_OP_INT] = "int()",   [PY_OP_FLOAT] = "float()",
            [PY_OP_HASH] = "hash()", [PY_OP_LEN] = "len()",   [PY_OP_NOT] = "not",
            [PY_OP_BOOL] = "bool"};
        py_raise(ctx, &py_type_TypeError, "bad operand type for %s: '%s'", sym[op],
                 py_type_name(a));
    }
    return r;
}

int py_cmp_list(py_ctx *ctx, int op, const py_val *a, size_t an, const py_val *b, size_t bn)
{
    size_t i = 0;
    while (i < an && i < bn && (a[i] == b[i] || py_equal(ctx, a[i], b[i]))) {
        i++;
    }
    if (i < an && i < bn) {
        if (op == PY_OP_EQ) {
            return 0;
        }
        if (op == PY_OP_NE) {
            return 1;
        }
        return py_truthy(ctx, py_compare(ctx, op, a[i], b[i]));
    }
    switch (op) {
    case PY_OP_LT: return an < bn;
    case PY_OP_GT: return an > bn;
    case PY_OP_EQ: return an == bn;
    case PY_OP_NE: return an != bn;
    case PY_OP_LE: return an <= bn;
    default: return an >= bn;
    }
}

void py_get_items(py_ctx *ctx, py_val seq, size_t *n, py_val **items)
{
    const py_type *t = py_type_of(seq);
    while (t != &py_type_tuple && t != &py_type_list && t->base_type != NULL) {
        t = t->base_type;
    }
    if (t == &py_type_tuple) {
        py_tuple *tp = PY_PTR(seq);
        *n = tp->len;
        *items = tp->items;
    } else if (t == &py_type_list) {
        py_list *l = PY_PTR(seq);
        *n = l->len;
        *items = l->items;
    } else {
        py_raise(ctx, &py_type_TypeError, "expected tuple/list, got %s", t->name);
    }
}
