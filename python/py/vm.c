/* The bytecode interpreter: frames on the VM stack, Python-to-Python calls
 * without C recursion, zero-cost exception tables, generators. */
#include "bc.h"
#include "internal.h"

/* The interpreter loop and generator resumption re-derive every local they
 * use after a longjmp (frame from ctx->frame, ip/sp from the frame), so the
 * clobber warnings for them are spurious; making them volatile would slow
 * every instruction. */
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Wclobbered"
#endif

/* --- frames and argument binding ------------------------------------------------------ */

static py_frame *frame_alloc(py_ctx *ctx, py_code *co)
{
    size_t words = PY_FRAME_WORDS + co->n_locals + co->n_stack;
    if (PY_UNLIKELY(ctx->vsp + words > ctx->vstack_end || ctx->depth >= PY_MAX_DEPTH)) {
        py_raise(ctx, &py_type_RecursionError, "maximum recursion depth exceeded");
    }
    py_frame *f = (py_frame *)ctx->vsp;
    ctx->vsp += words;
    f->code = co;
    f->ip = co->bc;
    f->sp = f->locals + co->n_locals;
    f->gen = NULL;
    f->locals_dict = NULL;
    f->entry = 0;
    f->lasti = 0;
    for (size_t i = 0; i < co->n_locals; i++) {
        f->locals[i] = PY_NULL;
    }
    return f;
}

static void frame_release(py_ctx *ctx, py_frame *f)
{
    if (f->gen == NULL) {
        ctx->vsp = (py_val *)f;
    }
    ctx->depth--;
}

static py_val new_cell(py_ctx *ctx, py_val v)
{
    py_cell *c = py_obj_new(ctx, &py_type_cell, sizeof(py_cell));
    c->v = v;
    return PY_VAL(c);
}

/* Index of the positional-only parameter named q, or -1. */
static int posonly_index(const py_code *co, py_qstr q)
{
    for (size_t i = 0; i < co->n_posonly; i++) {
        if (co->names[i] == q) {
            return (int)i;
        }
    }
    return -1;
}

static const char *fun_name(py_ctx *ctx, py_fun *fun);

/* CPython names every positional-only parameter that was passed by keyword, in call order. */
static void posonly_kw_error(py_ctx *ctx, py_fun *fun, const py_val *kw, size_t n_kw)
{
    py_strbuf b;
    py_strbuf_init(ctx, &b, 32);
    for (size_t k = 0; k < n_kw; k++) {
        py_qstr q = PY_IS_QSTR(kw[2 * k]) ? PY_QSTR(kw[2 * k]) : 0;
        if (q != 0 && posonly_index(fun->code, q) >= 0) {
            size_t n;
            const char *name = py_qstr_str(ctx, q, &n);
            if (b.len > 0) {
                py_strbuf_add(&b, ", ", 2);
            }
            py_strbuf_add(&b, name, n);
        }
    }
    py_val names = py_strbuf_finish(&b, &py_type_str);
    py_raise(ctx, &py_type_TypeError,
             "%s() got some positional-only arguments passed as keyword arguments: '%S'",
             fun_name(ctx, fun), names);
}

static const char *fun_name(py_ctx *ctx, py_fun *fun)
{
    return py_qstr_str(ctx, fun->code->qualname, NULL);
}

_Noreturn static void missing_args(py_ctx *ctx, py_fun *fun, py_val *locals, size_t from, size_t to,
                                   bool kwonly)
{
    py_code *co = fun->code;
    size_t missing = 0;
    for (size_t i = from; i < to; i++) {
        missing += locals[i] == PY_NULL;
    }
    py_strbuf b;
    py_strbuf_init(ctx, &b, 32);
    size_t k = 0;
    for (size_t i = from; i < to; i++) {
        if (locals[i] != PY_NULL) {
            continue;
        }
        if (k > 0) {
            py_print_str(&b.p, missing == 2 ? " and " : k + 1 == missing ? ", and " : ", ");
        }
        py_printf(ctx, &b.p, "'%q'", co->names[i]);
        k++;
    }
    py_val names = py_strbuf_finish(&b, &py_type_str);
    py_raise(ctx, &py_type_TypeError, "%s() missing %d required %s argument%s: %S",
             fun_name(ctx, fun), (int)missing, kwonly ? "keyword-only" : "positional",
             missing == 1 ? "" : "s", names);
}

void py_bind_args(py_ctx *ctx, py_fun *fun, py_val *locals, size_t n_args, size_t n_kw,
                  const py_val *args)
{
    py_code *co = fun->code;
    size_t n_pos = co->n_pos;
    size_t slot = n_pos + co->n_kwonly;
    size_t n = n_args < n_pos ? n_args : n_pos;
    py_vcopy(locals, args, n);
    if (co->flags & PY_CO_VARARGS) {
        locals[slot++] = n_args > n_pos ? py_tuple_new(ctx, n_args - n_pos, args + n_pos)
                                        : py_tuple_new(ctx, 0, NULL);
    } else if (n_args > n_pos) {
        size_t nd = fun->defaults ? fun->defaults->len : 0;
        if (nd > 0) {
            py_raise(ctx, &py_type_TypeError,
                     "%s() takes from %d to %d positional arguments but %d were given",
                     fun_name(ctx, fun), (int)(n_pos - nd), (int)n_pos, (int)n_args);
        }
        py_raise(ctx, &py_type_TypeError, "%s() takes %d positional argument%s but %d %s given",
                 fun_name(ctx, fun), (int)n_pos, n_pos == 1 ? "" : "s", (int)n_args,
                 n_args == 1 ? "was" : "were");
    }
    py_dict *kwdict = NULL;
    if (co->flags & PY_CO_VARKW) {
        kwdict = py_dict_alloc(ctx, &py_type_dict, 0);
        locals[slot++] = PY_VAL(kwdict);
    }
    for (size_t k = 0; k < n_kw; k++) {
        py_val key = args[n_args + 2 * k];
        py_val val = args[n_args + 2 * k + 1];
        py_qstr q = PY_IS_QSTR(key) ? PY_QSTR(key) : 0;
        size_t i = co->n_posonly;
        while (i < n_pos + co->n_kwonly && co->names[i] != q) {
            i++;
        }
        if (i < n_pos + co->n_kwonly && q != 0) {
            if (locals[i] != PY_NULL) {
                py_raise(ctx, &py_type_TypeError, "%s() got multiple values for argument '%q'",
                         fun_name(ctx, fun), q);
            }
            locals[i] = val;
        } else if (kwdict != NULL) {
            py_dict_store(ctx, kwdict, key, val);
        } else if (posonly_index(co, q) >= 0) {
            posonly_kw_error(ctx, fun, args + n_args, n_kw);
        } else {
            py_raise(ctx, &py_type_TypeError, "%s() got an unexpected keyword argument '%S'",
                     fun_name(ctx, fun), key);
        }
    }
    if (n_args < n_pos) {
        size_t nd = fun->defaults ? fun->defaults->len : 0;
        for (size_t i = n_args; i < n_pos; i++) {
            if (locals[i] == PY_NULL && i >= n_pos - nd) {
                locals[i] = fun->defaults->items[i - (n_pos - nd)];
            }
        }
        for (size_t i = n_args; i < n_pos; i++) {
            if (locals[i] == PY_NULL) {
                missing_args(ctx, fun, locals, n_args, n_pos, false);
            }
        }
    }
    for (size_t i = n_pos; i < n_pos + co->n_kwonly; i++) {
        if (locals[i] == PY_NULL && fun->kwdefaults != NULL) {
            py_dict_entry *e = py_dict_lookup_q(ctx, fun->kwdefaults, co->names[i]);
            if (e != NULL) {
                locals[i] = e->value;
            }
        }
    }
    for (size_t i = n_pos; i < n_pos + co->n_kwonly; i++) {
        if (locals[i] == PY_NULL) {
            missing_args(ctx, fun, locals, n_pos, n_pos + co->n_kwonly, true);
        }
    }
}

/* Finish frame setup: cells for captured locals, free variables. */
static void frame_cells(py_ctx *ctx, py_frame *f, py_fun *fun)
{
    py_code *co = f->code;
    for (size_t i = 0; i < co->n_cells; i++) {
        uint16_t s = co->cells[i];
        f->locals[s] = new_cell(ctx, f->locals[s]);
    }
    if (co->n_free > 0) {
        size_t base = co->n_locals - co->n_free;
        for (size_t i = 0; i < co->n_free; i++) {
            f->locals[base + i] = fun->closure->items[i];
        }
    }
}

static void frame_setup(py_ctx *ctx, py_frame *f, py_fun *fun, size_t n_args, size_t n_kw,
                        const py_val *args)
{
    py_code *co = fun->code;
    f->fun = fun;
    f->globals = fun->globals;
    if ((co->flags & PY_CO_SIMPLE) && n_kw == 0 && n_args == co->n_pos) {
        py_vcopy(f->locals, args, n_args);
    } else {
        py_bind_args(ctx, fun, f->locals, n_args, n_kw, args);
    }
    if (co->n_cells || co->n_free) {
        frame_cells(ctx, f, fun);
    }
}

/* --- generators ------------------------------------------------------------------------ */

py_val py_make_gen(py_ctx *ctx, py_fun *fun, size_t n_args, size_t n_kw, const py_val *args)
{
    py_code *co = fun->code;
    size_t words = PY_FRAME_WORDS + co->n_locals + co->n_stack;
    py_gen *g = py_alloc(ctx, sizeof(py_gen) + words * sizeof(py_val));
    g->base.type = &py_type_generator;
    g->is_coro = (co->flags & PY_CO_ASYNC) != 0;
    py_frame *f = (py_frame *)(g + 1);
    g->frame = f;
    f->code = co;
    f->ip = co->bc;
    f->sp = f->locals + co->n_locals;
    f->gen = g;
    f->fun = fun;
    f->globals = fun->globals;
    for (size_t i = 0; i < co->n_locals; i++) {
        f->locals[i] = PY_NULL;
    }
    py_bind_args(ctx, fun, f->locals, n_args, n_kw, args);
    frame_cells(ctx, f, fun);
    g->result = PY_NONE;
    return PY_VAL(g);
}

static py_val vm_run(py_ctx *ctx, py_frame *entry, py_val throw_exc);

/* Resume g: returns the yielded value (*yielded = 1) or the return value
 * (*yielded = 0). Exceptions propagate. */
py_val py_gen_resume(py_ctx *ctx, py_gen *g, py_val send, py_val throw_exc, int *yielded)
{
    if (g->state == 2) {
        py_raise(ctx, &py_type_ValueError, "generator already executing");
    }
    if (g->state == 3) {
        *yielded = 0;
        if (throw_exc != PY_NULL) {
            py_raise_obj(ctx, throw_exc);
        }
        return PY_STOP;
    }
    py_frame *f = g->frame;
    if (g->state == 0 && send != PY_NONE && send != PY_NULL && throw_exc == PY_NULL) {
        py_raise(ctx, &py_type_TypeError, "can't send non-None value to a just-started generator");
    }
    if (g->yf != PY_NULL && throw_exc != PY_NULL) {
        /* delegate the throw to the sub-iterator first */
        py_val sub = g->yf;
        py_jmp j;
        int sub_yielded = 0;
        py_val r = PY_NULL;
        if (py_try(ctx, &j) == 0) {
            if (py_type_of(sub) == &py_type_generator) {
                if (py_isinstance(ctx, throw_exc, &py_type_GeneratorExit)) {
                    extern void py_gen_close(py_ctx * ctx, py_gen * g);
                    py_gen_close(ctx, PY_PTR(sub));
                    r = PY_NULL;
                } else {
                    r = py_gen_resume(ctx, PY_PTR(sub), PY_NONE, throw_exc, &sub_yielded);
                }
            } else {
                py_val m = py_getattr_opt(ctx, sub, PY_Q_throw);
                if (m == PY_NULL || py_isinstance(ctx, throw_exc, &py_type_GeneratorExit)) {
                    r = PY_NULL;
                } else {
                    r = py_call(ctx, m, 1, &throw_exc);
                    sub_yielded = 1;
                }
            }
            py_try_end(ctx, &j);
        } else {
            if (py_isinstance(ctx, j.exc, &py_type_StopIteration)) {
                r = py_exc_arg0(j.exc);
                sub_yielded = 0;
                throw_exc = PY_NULL;
                goto sub_done;
            }
            throw_exc = j.exc;
            g->yf = PY_NULL;
            goto run;
        }
        if (r == PY_NULL) {
            g->yf = PY_NULL;
            goto run; /* throw into our own frame */
        }
        if (sub_yielded) {
            *yielded = 1;
            return r;
        }
        if (r == PY_STOP) {
            r = PY_NONE;
        }
        throw_exc = PY_NULL;
    sub_done:
        /* the sub-iterator finished: complete our YIELD_FROM with r */
        g->yf = PY_NULL;
        f->sp[-1] = r;
        f->ip++;
        send = PY_NULL;
    }
run:
    if (g->state == 1 && throw_exc == PY_NULL && send != PY_NULL) {
        *f->sp++ = send;
    }
    if (ctx->depth >= PY_MAX_DEPTH) {
        py_raise(ctx, &py_type_RecursionError, "maximum recursion depth exceeded");
    }
    g->state = 2;
    f->prev = ctx->frame;
    ctx->depth++;
    py_jmp j;
    if (py_try(ctx, &j) == 0) {
        py_val r = vm_run(ctx, f, throw_exc);
        py_try_end(ctx, &j);
        if (g->state == 1) {
            *yielded = 1;
            return r;
        }
        g->state = 3;
        *yielded = 0;
        return r;
    }
    g->state = 3;
    g->yf = PY_NULL;
    if (py_isinstance(ctx, j.exc, &py_type_StopIteration)) {
        py_val e = py_exc_new(ctx, &py_type_RuntimeError, 1, NULL);
        ((py_exc *)e)->args->items[0] = py_str_from_cstr(
            ctx, g->is_coro ? "coroutine raised StopIteration" : "generator raised StopIteration");
        ((py_exc *)e)->context = j.exc;
        ((py_exc *)e)->cause = j.exc;
        py_raise_obj(ctx, e);
    }
    py_raise_obj(ctx, j.exc);
}

static py_val gen_iternext(py_ctx *ctx, py_val self)
{
    int y;
    py_val r = py_gen_resume(ctx, PY_PTR(self), PY_NONE, PY_NULL, &y);
    return y ? r : PY_STOP;
}

static py_val stop_iteration(py_ctx *ctx, py_val value)
{
    if (value == PY_NONE || value == PY_STOP) {
        py_raise_obj(ctx, py_exc_new(ctx, &py_type_StopIteration, 0, NULL));
    }
    py_raise_obj(ctx, py_exc_new(ctx, &py_type_StopIteration, 1, &value));
}

static py_val gen_send(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    int y;
    py_val r = py_gen_resume(ctx, PY_PTR(args[0]), args[1], PY_NULL, &y);
    return y ? r : stop_iteration(ctx, r);
}

static py_val gen_throw(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    py_val exc = args[1];
    if (py_type_of(exc) == &py_type_type) {
        exc = py_call(ctx, exc, n > 2 && args[2] != PY_NONE ? 1 : 0, args + 2);
    }
    if (!py_isinstance(ctx, exc, &py_type_BaseException)) {
        py_raise(ctx, &py_type_TypeError,
                 "exceptions must be classes or instances deriving from BaseException, not %s",
                 py_type_name(exc));
    }
    int y;
    py_val r = py_gen_resume(ctx, PY_PTR(args[0]), PY_NONE, exc, &y);
    return y ? r : stop_iteration(ctx, r);
}

void py_gen_close(py_ctx *ctx, py_gen *g)
{
    if (g->state == 3 || g->state == 0) {
        g->state = 3;
        return;
    }
    py_jmp j;
    if (py_try(ctx, &j) == 0) {
        int y;
        py_gen_resume(ctx, g, PY_NONE, py_exc_new(ctx, &py_type_GeneratorExit, 0, NULL), &y);
        py_try_end(ctx, &j);
        if (y) {
            py_raise(ctx, &py_type_RuntimeError, "generator ignored GeneratorExit");
        }
        return;
    }
    if (py_isinstance(ctx, j.exc, &py_type_GeneratorExit) ||
        py_isinstance(ctx, j.exc, &py_type_StopIteration)) {
        return;
    }
    py_raise_obj(ctx, j.exc);
}

static py_val gen_close(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    py_gen_close(ctx, PY_PTR(args[0]));
    return PY_NONE;
}

static PY_FUN(gen_send_obj, "send", 2, 2, gen_send);
static PY_FUN(gen_throw_obj, "throw", 2, 4, gen_throw);
static PY_FUN(gen_close_obj, "close", 1, 1, gen_close);

static py_val gen_await(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return args[0];
}
static PY_FUN(gen_await_obj, "__await__", 1, 1, gen_await);

static const py_attr_def gen_locals[] = {
    {"send", PY_OBJV(&gen_send_obj)},
    {"throw", PY_OBJV(&gen_throw_obj)},
    {"close", PY_OBJV(&gen_close_obj)},
    {"__await__", PY_OBJV(&gen_await_obj)},
    {NULL, 0},
};

static void gen_print(py_ctx *ctx, py_print *p, py_val self, int kind)
{
    py_gen *g = PY_PTR(self);
    py_printf(ctx, p, "<%s object %q at 0x%lx>", g->is_coro ? "coroutine" : "generator",
              g->frame->code->name, (unsigned long)self);
}

static bool gen_attr(py_ctx *ctx, py_val self, py_qstr name, int op, py_val *value)
{
    py_gen *g = PY_PTR(self);
    if (op == PY_ATTR_LOAD && name == PY_Q___name__) {
        *value = PY_MK_QSTR(g->frame->code->name);
        return true;
    }
    return false;
}

const py_type py_type_generator = {
    {&py_type_type}, "generator",      PY_TF_ITER_SELF,          NULL,
    gen_print,       .attr = gen_attr, .iternext = gen_iternext, .locals = gen_locals,
};

/* --- calls from C ------------------------------------------------------------------------- */

py_val py_call_fun(py_ctx *ctx, py_fun *fun, size_t n_args, size_t n_kw, const py_val *args)
{
    py_code *co = fun->code;
    if (co->flags & PY_CO_GENERATOR) {
        return py_make_gen(ctx, fun, n_args, n_kw, args);
    }
    PY_CSTACK_CHECK(ctx);
    py_frame *f = frame_alloc(ctx, co);
    frame_setup(ctx, f, fun, n_args, n_kw, args);
    ctx->depth++;
    f->prev = ctx->frame;
    f->entry = 1;
    return vm_run(ctx, f, PY_NULL);
}

py_val py_call_with_locals(py_ctx *ctx, py_fun *fun, py_dict *locals)
{
    PY_CSTACK_CHECK(ctx);
    py_frame *f = frame_alloc(ctx, fun->code);
    ctx->depth++;
    f->fun = fun;
    f->globals = fun->globals;
    f->locals_dict = locals;
    f->prev = ctx->frame;
    f->entry = 1;
    if (fun->code->n_free) {
        frame_cells(ctx, f, fun);
    }
    return vm_run(ctx, f, PY_NULL);
}

/* Run module-level code with the given globals (and optional separate locals). */
py_val py_run_code(py_ctx *ctx, py_code *co, py_dict *globals, py_dict *locals)
{
    PY_CSTACK_CHECK(ctx);
    py_frame *f = frame_alloc(ctx, co);
    ctx->depth++;
    f->fun = NULL;
    f->globals = globals;
    f->locals_dict = locals ? locals : globals;
    f->prev = ctx->frame;
    f->entry = 1;
    return vm_run(ctx, f, PY_NULL);
}

/* --- helpers for the loop ------------------------------------------------------------------- */

static uint32_t line_of(py_code *co, uint32_t off)
{
    uint32_t line = co->first_line;
    const uint32_t *l = (const uint32_t *)co->lines;
    for (size_t i = 0; i < co->n_lines; i++) {
        if (l[2 * i] > off) {
            break;
        }
        line = l[2 * i + 1];
    }
    return line;
}

static void add_tb(py_ctx *ctx, py_frame *f, py_val exc)
{
    py_code *co = f->code;
    py_exc_add_tb(ctx, exc, co->filename, line_of(co, f->lasti), co->name);
}

static const py_exc_range *find_handler(py_code *co, uint32_t off)
{
    const py_exc_range *best = NULL;
    for (size_t i = 0; i < co->n_exc; i++) {
        const py_exc_range *r = &co->exc[i];
        if (off >= r->start && off < r->end &&
            (best == NULL || (r->depth >> 10) > (best->depth >> 10))) {
            best = r;
        }
    }
    return best;
}

_Noreturn static void name_error(py_ctx *ctx, py_qstr q)
{
    py_raise(ctx, &py_type_NameError, "name '%q' is not defined", q);
}

static py_val load_global(py_ctx *ctx, py_dict *globals, py_qstr q, py_val *cache)
{
    py_dict *b = ctx->builtins;
    if (PY_LIKELY(cache[0] == globals->version && cache[1] == b->version && cache[2] != 0)) {
        py_val v = ((py_dict_entry *)cache[2])->value;
        if (PY_LIKELY(v != PY_NULL)) {
            return v;
        }
    }
    py_dict_entry *e = py_dict_lookup_q(ctx, globals, q);
    if (e == NULL) {
        e = py_dict_lookup_q(ctx, b, q);
        if (e == NULL) {
            py_frame *f = ctx->frame;
            if (q == PY_Q___class__ && f != NULL && f->fun != NULL && f->fun->klass != NULL) {
                return PY_VAL(f->fun->klass); /* implicit __class__ of methods */
            }
            name_error(ctx, q);
        }
    }
    cache[0] = globals->version;
    cache[1] = b->version;
    cache[2] = (py_val)e;
    return e->value;
}

static py_val load_name(py_ctx *ctx, py_frame *f, py_qstr q)
{
    if (f->locals_dict != NULL) {
        py_dict_entry *e = py_dict_lookup_q(ctx, f->locals_dict, q);
        if (e != NULL) {
            return e->value;
        }
    }
    py_dict_entry *e = py_dict_lookup_q(ctx, f->globals, q);
    if (e == NULL) {
        e = py_dict_lookup_q(ctx, ctx->builtins, q);
        if (e == NULL) {
            name_error(ctx, q);
        }
    }
    return e->value;
}

/* Class-level lookup cached per instruction: (type, class version) -> value. */
static py_val cached_type_attr(py_ctx *ctx, const py_type *t, py_qstr q, py_val *cache)
{
    if (cache[0] == (py_val)t && cache[1] == ctx->class_version) {
        return cache[2];
    }
    py_val v = py_lookup_type_attr(ctx, t, q);
    cache[0] = (py_val)t;
    cache[1] = ctx->class_version;
    cache[2] = v;
    return v;
}

static py_val load_attr(py_ctx *ctx, py_val obj, py_qstr q, py_val *cache)
{
    const py_type *t = py_type_of(obj);
    if ((t->flags & (PY_TF_CLASS | PY_TF_EXCEPTION | PY_TF_GETATTRIBUTE)) == PY_TF_CLASS &&
        t->dict_off != 0 && t->base_type == NULL) {
        py_val cv = cached_type_attr(ctx, t, q, cache);
        if (cv == PY_NULL || py_type_of(cv) == &py_type_function ||
            !((py_type_of(cv)->flags & PY_TF_CLASS) || py_type_of(cv) == &py_type_property)) {
            py_dict *d = *(py_dict **)((char *)obj + t->dict_off);
            if (d != NULL) {
                py_dict_entry *e = py_dict_lookup_q(ctx, d, q);
                if (e != NULL) {
                    return e->value;
                }
            }
            if (cv != PY_NULL && py_type_of(cv) == &py_type_function) {
                return py_bound_new(ctx, cv, obj);
            }
        }
    }
    return py_getattr(ctx, obj, q);
}

/* obj.name for a call: sets *self to obj when returning an unbound method. */
static py_val load_method(py_ctx *ctx, py_val obj, py_qstr q, py_val *cache, py_val *self)
{
    const py_type *t = py_type_of(obj);
    if (t != &py_type_type && t != &py_type_module &&
        (t->attr == NULL || (t->flags & PY_TF_CLASS))) {
        py_val cv = cached_type_attr(ctx, t, q, cache);
        if (cv != PY_NULL) {
            const py_type *ct = py_type_of(cv);
            if (ct == &py_type_function || ct == &py_type_cfun) {
                if (t->flags & PY_TF_CLASS) {
                    py_dict *d = t->dict_off ? *(py_dict **)((char *)obj + t->dict_off) : NULL;
                    if (d != NULL && py_dict_lookup_q(ctx, d, q) != NULL) {
                        *self = PY_NULL;
                        return py_getattr(ctx, obj, q);
                    }
                }
                *self = obj;
                return cv;
            }
        }
    }
    *self = PY_NULL;
    return py_getattr(ctx, obj, q);
}

static void unpack(py_ctx *ctx, py_val seq, size_t n, py_val *out)
{
    const py_type *t = py_type_of(seq);
    if (t == &py_type_tuple || t == &py_type_list) {
        size_t len;
        py_val *items;
        py_get_items(ctx, seq, &len, &items);
        if (len != n) {
            if (len < n) {
                py_raise(ctx, &py_type_ValueError,
                         "not enough values to unpack (expected %d, got %d)", (int)n, (int)len);
            }
            py_raise(ctx, &py_type_ValueError, "too many values to unpack (expected %d)", (int)n);
        }
        /* pushed in reverse so the first item ends on top */
        for (size_t i = 0; i < n; i++) {
            out[n - 1 - i] = items[i];
        }
        return;
    }
    const py_type *st = py_type_of(seq);
    if (!(st->flags & PY_TF_CLASS) && st->getiter == NULL && st->iternext == NULL &&
        (st->base_type == NULL ||
         (st->base_type->getiter == NULL && st->base_type->iternext == NULL))) {
        py_raise(ctx, &py_type_TypeError, "cannot unpack non-iterable %s object", st->name);
    }
    py_val it = py_iter(ctx, seq);
    for (size_t i = 0; i < n; i++) {
        py_val x = py_next(ctx, it);
        if (x == PY_STOP) {
            py_raise(ctx, &py_type_ValueError, "not enough values to unpack (expected %d, got %d)",
                     (int)n, (int)i);
        }
        out[n - 1 - i] = x;
    }
    if (py_next(ctx, it) != PY_STOP) {
        py_raise(ctx, &py_type_ValueError, "too many values to unpack (expected %d)", (int)n);
    }
}

static void unpack_ex(py_ctx *ctx, py_val seq, size_t before, size_t after, py_val *out)
{
    py_val l = py_list_from_iter(ctx, seq);
    py_list *lp = PY_PTR(l);
    if (lp->len < before + after) {
        py_raise(ctx, &py_type_ValueError,
                 "not enough values to unpack (expected at least %d, got %d)",
                 (int)(before + after), (int)lp->len);
    }
    size_t total = before + 1 + after;
    size_t k = 0;
    for (size_t i = 0; i < before; i++) {
        out[total - 1 - k++] = lp->items[i];
    }
    size_t mid = lp->len - before - after;
    out[total - 1 - k++] = py_list_new(ctx, mid, lp->items + before);
    for (size_t i = 0; i < after; i++) {
        out[total - 1 - k++] = lp->items[before + mid + i];
    }
}

static py_val get_awaitable(py_ctx *ctx, py_val v)
{
    const py_type *t = py_type_of(v);
    if (t == &py_type_generator) {
        return v;
    }
    py_val m = py_getattr_opt(ctx, v, PY_Q___await__);
    if (m == PY_NULL) {
        py_raise(ctx, &py_type_TypeError, "object %s can't be used in 'await' expression", t->name);
    }
    return py_call(ctx, m, 0, NULL);
}

static py_val import_from(py_ctx *ctx, py_val module, py_qstr name)
{
    py_val v = py_getattr_opt(ctx, module, name);
    if (v != PY_NULL) {
        return v;
    }
    /* a submodule not yet imported */
    if (py_type_of(module) == &py_type_module) {
        py_module *m = PY_PTR(module);
        size_t mn, nn;
        const char *ms = py_qstr_str(ctx, m->name, &mn);
        const char *ns = py_qstr_str(ctx, name, &nn);
        py_strbuf b;
        py_strbuf_init(ctx, &b, mn + nn + 1);
        py_strbuf_add(&b, ms, mn);
        py_strbuf_addc(&b, '.');
        py_strbuf_add(&b, ns, nn);
        py_qstr full = py_qstr_from(ctx, b.buf + sizeof(py_str_obj), b.len);
        py_jmp j;
        if (py_try(ctx, &j) == 0) {
            py_import(ctx, full, PY_MK_QSTR(PY_Q_empty), 0);
            py_try_end(ctx, &j);
            v = py_getattr_opt(ctx, module, name);
            if (v != PY_NULL) {
                return v;
            }
        }
        py_raise(ctx, &py_type_ImportError, "cannot import name '%q' from '%q'", name, m->name);
    }
    py_raise(ctx, &py_type_ImportError, "cannot import name '%q'", name);
}

static void import_star(py_ctx *ctx, py_frame *f, py_val module)
{
    py_dict *dst = f->locals_dict ? f->locals_dict : f->globals;
    py_module *m = PY_PTR(module);
    py_dict *src = m->globals;
    py_dict_entry *all = py_dict_lookup_q(ctx, src, PY_Q___all__);
    if (all != NULL) {
        py_val it = py_iter(ctx, all->value);
        for (py_val k; (k = py_next(ctx, it)) != PY_STOP;) {
            size_t n;
            const char *s = py_str_get(ctx, k, &n);
            py_qstr q = py_qstr_from(ctx, s, n);
            py_dict_store_q(ctx, dst, q, py_getattr(ctx, module, q));
        }
        return;
    }
    for (uint32_t i = 0; i < src->fill; i++) {
        py_val k = src->entries[i].key;
        if (k == PY_NULL) {
            continue;
        }
        size_t n;
        const char *s = py_str_get(ctx, k, &n);
        if (n > 0 && s[0] == '_') {
            continue;
        }
        py_dict_store(ctx, dst, k, src->entries[i].value);
    }
}

static py_val format_value(py_ctx *ctx, py_val v, unsigned flags, py_val spec)
{
    switch (flags & 3) {
    case 1: v = py_to_str(ctx, v); break;
    case 2: v = py_repr(ctx, v); break;
    case 3: {
        extern py_val py_ascii(py_ctx * ctx, py_val v);
        v = py_ascii(ctx, v);
        break;
    }
    }
    if (spec == PY_NULL && py_type_of(v) == &py_type_str) {
        return v;
    }
    if (spec == PY_NULL && PY_IS_QSTR(v)) {
        return v;
    }
    return py_format_value(ctx, v, spec);
}

static py_val build_string(py_ctx *ctx, py_val *items, size_t n)
{
    size_t total = 0;
    for (size_t i = 0; i < n; i++) {
        size_t len;
        py_str_get(ctx, items[i], &len);
        total += len;
    }
    py_str_obj *s = py_str_alloc(ctx, &py_type_str, total);
    size_t pos = 0;
    for (size_t i = 0; i < n; i++) {
        size_t len;
        const char *d = py_str_get(ctx, items[i], &len);
        memcpy(s->data + pos, d, len);
        pos += len;
    }
    return py_str_finish(ctx, s);
}

static py_val make_function(py_ctx *ctx, py_frame *f, py_code *co, unsigned flags, py_val **spp)
{
    py_val *sp = *spp;
    py_fun *fn = py_obj_new(ctx, &py_type_function, sizeof(py_fun));
    fn->code = co;
    fn->globals = f->globals;
    fn->klass = f->fun != NULL ? f->fun->klass : NULL; /* __class__ in nested functions */
    if (flags & MF_CLOSURE) {
        fn->closure = PY_PTR(*--sp);
    }
    if (flags & MF_KWDEFAULTS) {
        fn->kwdefaults = PY_PTR(*--sp);
    }
    if (flags & MF_DEFAULTS) {
        fn->defaults = PY_PTR(*--sp);
    }
    *spp = sp;
    return PY_VAL(fn);
}

static void print_expr(py_ctx *ctx, py_val v)
{
    if (v == PY_NONE) {
        return;
    }
    py_dict_store_q(ctx, ctx->builtins, py_qstr_from(ctx, "_", 1), v);
    py_val out = py_getattr_opt(ctx, ctx->sys_stdout, PY_Q_write);
    py_val r = py_repr(ctx, v);
    if (out != PY_NULL) {
        py_call(ctx, out, 1, &r);
        py_val nl = PY_MK_QSTR(py_qstr_from(ctx, "\n", 1));
        py_call(ctx, out, 1, &nl);
    }
}

static py_val call_ex(py_ctx *ctx, py_val fn, py_val self, py_val args, py_val kwargs)
{
    size_t n;
    py_val *items;
    if (py_type_of(args) != &py_type_tuple) {
        args = py_tuple_from_iter(ctx, args);
    }
    py_get_items(ctx, args, &n, &items);
    size_t nkw = kwargs != PY_NULL ? ((py_dict *)kwargs)->used : 0;
    size_t extra = self != PY_NULL ? 1 : 0;
    py_val *a = py_alloc(ctx, (extra + n + 2 * nkw + 1) * sizeof(py_val));
    if (extra) {
        a[0] = self;
    }
    py_get_items(ctx, args, &n, &items);
    py_vcopy(a + extra, items, n);
    size_t k = extra + n;
    if (nkw) {
        py_dict *d = PY_PTR(kwargs);
        for (uint32_t i = 0; i < d->fill; i++) {
            py_val key = d->entries[i].key;
            if (key == PY_NULL) {
                continue;
            }
            if (!py_is_str(key)) {
                py_raise(ctx, &py_type_TypeError, "keywords must be strings");
            }
            if (!PY_IS_QSTR(key)) {
                size_t kn;
                const char *ks = py_str_get(ctx, key, &kn);
                key = PY_MK_QSTR(py_qstr_from(ctx, ks, kn));
            }
            a[k++] = key;
            a[k++] = d->entries[i].value;
        }
    }
    return py_call_kw(ctx, fn, n + extra, nkw, a);
}

static void dict_merge(py_ctx *ctx, py_val dst, py_val src, bool check_dup)
{
    if (py_type_of(src) != &py_type_dict) {
        py_val keys = py_getattr_opt(ctx, src, PY_Q_keys);
        if (keys == PY_NULL) {
            py_raise(ctx, &py_type_TypeError, "argument after ** must be a mapping, not %s",
                     py_type_name(src));
        }
        py_val it = py_iter(ctx, py_call(ctx, keys, 0, NULL));
        for (py_val k; (k = py_next(ctx, it)) != PY_STOP;) {
            if (check_dup && py_dict_get(ctx, dst, k) != PY_NULL) {
                py_raise(ctx, &py_type_TypeError, "got multiple values for keyword argument '%S'",
                         k);
            }
            py_dict_set(ctx, dst, k, py_subscr(ctx, src, k, PY_NULL));
        }
        return;
    }
    py_dict *s = PY_PTR(src);
    for (uint32_t i = 0; i < s->fill; i++) {
        py_val k = s->entries[i].key;
        if (k == PY_NULL) {
            continue;
        }
        if (check_dup && py_dict_get(ctx, dst, k) != PY_NULL) {
            py_raise(ctx, &py_type_TypeError, "got multiple values for keyword argument '%S'", k);
        }
        py_dict_set(ctx, dst, k, s->entries[i].value);
    }
}

/* The awaited/delegated iterator: send v, returns (value, yielded). */
static py_val yield_from_step(py_ctx *ctx, py_val it, py_val v, int *yielded)
{
    if (py_type_of(it) == &py_type_generator) {
        py_val r = py_gen_resume(ctx, PY_PTR(it), v, PY_NULL, yielded);
        if (!*yielded && r == PY_STOP) {
            r = PY_NONE;
        }
        return r;
    }
    py_val r;
    if (v == PY_NONE) {
        py_jmp j;
        if (py_try(ctx, &j) == 0) {
            r = py_next(ctx, it);
            py_try_end(ctx, &j);
        } else {
            if (py_isinstance(ctx, j.exc, &py_type_StopIteration)) {
                *yielded = 0;
                return py_exc_arg0(j.exc);
            }
            py_raise_obj(ctx, j.exc);
        }
        if (r == PY_STOP) {
            *yielded = 0;
            return PY_NONE;
        }
        *yielded = 1;
        return r;
    }
    py_jmp j;
    if (py_try(ctx, &j) == 0) {
        r = py_call_method(ctx, it, PY_Q_send, 1, &v);
        py_try_end(ctx, &j);
    } else {
        if (py_isinstance(ctx, j.exc, &py_type_StopIteration)) {
            *yielded = 0;
            return py_exc_arg0(j.exc);
        }
        py_raise_obj(ctx, j.exc);
    }
    *yielded = 1;
    return r;
}

/* --- the interpreter loop ---------------------------------------------------------------- */

#ifdef PY_TRACE
#include <stdio.h>
static const char *const op_names_dbg[] = {
#define X(name, n) #name,
    PY_OPCODES(X)
#undef X
};
static void trace_op(py_frame *f, const uint8_t *ip, py_val *sp)
{
    fprintf(stderr, "%4u %-20s depth=%d\n", (unsigned)(ip - f->code->bc), op_names_dbg[*ip],
            (int)(sp - (f->locals + f->code->n_locals)));
}
#endif

#define READ_U8()  (*ip++)
#define READ_U16() (ip += 2, (unsigned)ip[-2] | ((unsigned)ip[-1] << 8))
#define PUSH(v)    (*sp++ = (v))
#define POP()      (*--sp)
#define TOP()      (sp[-1])
#define SAVE()     (frame->ip = ip, frame->sp = sp)

static py_val vm_run(py_ctx *ctx, py_frame *entry, py_val throw_exc)
{
    py_frame *frame = entry;
    const uint8_t *ip;
    py_val *sp;
    py_val *locals;
    py_val *consts;
    py_jmp jb;
    py_val exc;
    bool reraise = false;

    ctx->frame = frame;
    if (throw_exc != PY_NULL) {
        exc = throw_exc;
        frame->lasti = (uint32_t)(frame->ip - frame->code->bc);
        reraise = false;
        goto handle_exception;
    }

restart:
    py_jmp_push(ctx, &jb);
    if (setjmp(jb.buf) != 0) {
        exc = jb.exc;
        frame = ctx->frame;
        reraise = ctx->reraise != 0; /* RERAISE and bare raise mark themselves */
        ctx->reraise = 0;
        goto handle_exception;
    }
    ip = frame->ip;
    sp = frame->sp;
    locals = frame->locals;
    consts = frame->code->consts;

#if defined(__GNUC__)
    static const void *const labels[] = {
#define X(name, n) &&L_##name,
        PY_OPCODES(X)
#undef X
    };
#ifdef PY_TRACE
#define TRACE_OP() trace_op(frame, ip, sp)
#else
#define TRACE_OP() ((void)0)
#endif
#define DISPATCH()                                       \
    do {                                                 \
        frame->lasti = (uint32_t)(ip - frame->code->bc); \
        frame->sp = sp;                                  \
        TRACE_OP();                                      \
        goto *labels[*ip++];                             \
    } while (0)
#define CASE(name) L_##name:
    DISPATCH();
#else
#define DISPATCH() goto dispatch
#define CASE(name) case OP_##name:
dispatch:
    frame->lasti = (uint32_t)(ip - frame->code->bc);
    frame->sp = sp;
    switch (*ip++) {
#endif

    CASE(NOP)
    {
        DISPATCH();
    }
    CASE(POP_TOP)
    {
        sp--;
        DISPATCH();
    }
    CASE(ROT2)
    {
        py_val t = sp[-1];
        sp[-1] = sp[-2];
        sp[-2] = t;
        DISPATCH();
    }
    CASE(ROT3)
    {
        py_val t = sp[-1];
        sp[-1] = sp[-2];
        sp[-2] = sp[-3];
        sp[-3] = t;
        DISPATCH();
    }
    CASE(DUP_TOP)
    {
        sp[0] = sp[-1];
        sp++;
        DISPATCH();
    }
    CASE(DUP_TOP2)
    {
        sp[0] = sp[-2];
        sp[1] = sp[-1];
        sp += 2;
        DISPATCH();
    }
    CASE(LOAD_CONST)
    {
        PUSH(consts[READ_U16()]);
        DISPATCH();
    }
    CASE(LOAD_SMALL)
    {
        unsigned v = READ_U16();
        PUSH(PY_MK_SMALL((int16_t)v));
        DISPATCH();
    }
    CASE(LOAD_NONE)
    {
        PUSH(PY_NONE);
        DISPATCH();
    }
    CASE(LOAD_TRUE)
    {
        PUSH(PY_TRUE);
        DISPATCH();
    }
    CASE(LOAD_FALSE)
    {
        PUSH(PY_FALSE);
        DISPATCH();
    }
    CASE(PUSH_NULL)
    {
        PUSH(PY_NULL);
        DISPATCH();
    }
    CASE(LOAD_FAST)
    {
        unsigned i = READ_U16();
        py_val v = locals[i];
        if (PY_UNLIKELY(v == PY_NULL)) {
            py_raise(ctx, &py_type_UnboundLocalError,
                     "cannot access local variable '%q' where it is not associated with a value",
                     frame->code->names[i]);
        }
        PUSH(v);
        DISPATCH();
    }
    CASE(STORE_FAST)
    {
        locals[READ_U16()] = POP();
        DISPATCH();
    }
    CASE(DELETE_FAST)
    {
        unsigned i = READ_U16();
        if (locals[i] == PY_NULL) {
            py_raise(ctx, &py_type_UnboundLocalError,
                     "cannot access local variable '%q' where it is not associated with a value",
                     frame->code->names[i]);
        }
        locals[i] = PY_NULL;
        DISPATCH();
    }
    CASE(LOAD_DEREF)
    {
        unsigned i = READ_U16();
        py_val v = ((py_cell *)locals[i])->v;
        if (PY_UNLIKELY(v == PY_NULL)) {
            py_raise(ctx, &py_type_NameError,
                     "cannot access free variable '%q' where it is not associated with a value in "
                     "enclosing scope",
                     frame->code->names[i]);
        }
        PUSH(v);
        DISPATCH();
    }
    CASE(STORE_DEREF)
    {
        unsigned i = READ_U16();
        ((py_cell *)locals[i])->v = POP();
        DISPATCH();
    }
    CASE(DELETE_DEREF)
    {
        unsigned i = READ_U16();
        ((py_cell *)locals[i])->v = PY_NULL;
        DISPATCH();
    }
    CASE(LOAD_CLOSURE)
    {
        PUSH(locals[READ_U16()]);
        DISPATCH();
    }
    CASE(LOAD_GLOBAL)
    {
        unsigned q = READ_U16();
        unsigned c = READ_U16();
        py_val v = load_global(ctx, frame->globals, (py_qstr)q, frame->code->cache + 3 * c);
        PUSH(v);
        DISPATCH();
    }
    CASE(STORE_GLOBAL)
    {
        unsigned q = READ_U16();
        py_dict_store_q(ctx, frame->globals, (py_qstr)q, TOP());
        sp--;
        DISPATCH();
    }
    CASE(DELETE_GLOBAL)
    {
        unsigned q = READ_U16();
        if (!py_dict_remove(ctx, frame->globals, PY_MK_QSTR(q), NULL)) {
            name_error(ctx, (py_qstr)q);
        }
        DISPATCH();
    }
    CASE(LOAD_NAME)
    {
        unsigned q = READ_U16();
        py_val v = load_name(ctx, frame, (py_qstr)q);
        PUSH(v);
        DISPATCH();
    }
    CASE(STORE_NAME)
    {
        unsigned q = READ_U16();
        py_dict *d = frame->locals_dict ? frame->locals_dict : frame->globals;
        py_dict_store_q(ctx, d, (py_qstr)q, TOP());
        sp--;
        DISPATCH();
    }
    CASE(DELETE_NAME)
    CASE(DELETE_LOCALS_NAME)
    {
        unsigned q = READ_U16();
        py_dict *d = frame->locals_dict ? frame->locals_dict : frame->globals;
        if (!py_dict_remove(ctx, d, PY_MK_QSTR(q), NULL)) {
            name_error(ctx, (py_qstr)q);
        }
        DISPATCH();
    }
    CASE(LOAD_ATTR)
    {
        unsigned q = READ_U16();
        unsigned c = READ_U16();
        sp[-1] = load_attr(ctx, sp[-1], (py_qstr)q, frame->code->cache + 3 * c);
        DISPATCH();
    }
    CASE(STORE_ATTR)
    {
        unsigned q = READ_U16();
        py_setattr(ctx, sp[-1], (py_qstr)q, sp[-2]);
        sp -= 2;
        DISPATCH();
    }
    CASE(DELETE_ATTR)
    {
        unsigned q = READ_U16();
        py_delattr(ctx, sp[-1], (py_qstr)q);
        sp--;
        DISPATCH();
    }
    CASE(LOAD_METHOD)
    {
        unsigned q = READ_U16();
        unsigned c = READ_U16();
        py_val self;
        py_val m = load_method(ctx, sp[-1], (py_qstr)q, frame->code->cache + 3 * c, &self);
        sp[-1] = m;
        PUSH(self);
        DISPATCH();
    }
    CASE(LOAD_SUBSCR)
    {
        py_val idx = sp[-1], obj = sp[-2];
        py_val r;
        if (PY_IS_PTR(obj) && ((py_obj *)obj)->type == &py_type_list && PY_IS_SMALL(idx)) {
            py_list *l = PY_PTR(obj);
            intptr_t i = PY_SMALL(idx);
            if (i < 0) {
                i += (intptr_t)l->len;
            }
            if ((uintptr_t)i < l->len) {
                sp[-2] = l->items[i];
                sp--;
                DISPATCH();
            }
        }
        r = py_subscr(ctx, obj, idx, PY_NULL);
        sp[-2] = r;
        sp--;
        DISPATCH();
    }
    CASE(STORE_SUBSCR)
    {
        py_val idx = sp[-1], obj = sp[-2], v = sp[-3];
        if (PY_IS_PTR(obj) && ((py_obj *)obj)->type == &py_type_list && PY_IS_SMALL(idx)) {
            py_list *l = PY_PTR(obj);
            intptr_t i = PY_SMALL(idx);
            if (i < 0) {
                i += (intptr_t)l->len;
            }
            if ((uintptr_t)i < l->len) {
                l->items[i] = v;
                sp -= 3;
                DISPATCH();
            }
        }
        py_subscr(ctx, obj, idx, v);
        sp -= 3;
        DISPATCH();
    }
    CASE(DELETE_SUBSCR)
    {
        py_subscr(ctx, sp[-2], sp[-1], PY_STOP);
        sp -= 2;
        DISPATCH();
    }
    CASE(BINARY_OP)
    {
        unsigned op = READ_U8();
        py_val b = sp[-1], a = sp[-2];
        if (PY_IS_SMALL(a) && PY_IS_SMALL(b)) {
            intptr_t x = PY_SMALL(a), y = PY_SMALL(b), r;
            switch (op) {
            case PY_OP_ADD:
            case PY_OP_IADD:
                if (!__builtin_add_overflow(x, y, &r) && PY_SMALL_FITS(r)) {
                    sp[-2] = PY_MK_SMALL(r);
                    sp--;
                    DISPATCH();
                }
                break;
            case PY_OP_SUB:
            case PY_OP_ISUB:
                if (!__builtin_sub_overflow(x, y, &r) && PY_SMALL_FITS(r)) {
                    sp[-2] = PY_MK_SMALL(r);
                    sp--;
                    DISPATCH();
                }
                break;
            case PY_OP_MUL:
            case PY_OP_IMUL:
                if (!__builtin_mul_overflow(x, y, &r) && PY_SMALL_FITS(r)) {
                    sp[-2] = PY_MK_SMALL(r);
                    sp--;
                    DISPATCH();
                }
                break;
            case PY_OP_AND:
            case PY_OP_IAND:
                sp[-2] = PY_MK_SMALL(x & y);
                sp--;
                DISPATCH();
            case PY_OP_OR:
            case PY_OP_IOR:
                sp[-2] = PY_MK_SMALL(x | y);
                sp--;
                DISPATCH();
            case PY_OP_XOR:
            case PY_OP_IXOR:
                sp[-2] = PY_MK_SMALL(x ^ y);
                sp--;
                DISPATCH();
            case PY_OP_FLOORDIV:
            case PY_OP_IFLOORDIV:
            case PY_OP_MOD:
            case PY_OP_IMOD:
                if (y > 0 && x >= 0) {
                    sp[-2] = PY_MK_SMALL((op == PY_OP_MOD || op == PY_OP_IMOD) ? x % y : x / y);
                    sp--;
                    DISPATCH();
                }
                break;
            }
            sp[-2] = py_int_binop(ctx, op, a, b);
            if (sp[-2] == PY_NULL) {
                sp[-2] = py_binary_op(ctx, (int)op, a, b);
            }
            sp--;
            DISPATCH();
        }
        if (PY_IS_PTR(a) && PY_IS_PTR(b) && ((py_obj *)a)->type == &py_type_float &&
            (((py_obj *)b)->type == &py_type_float)) {
            /* float arithmetic without the generic dispatch */
            py_float_t x = ((py_float_obj *)a)->v, y = ((py_float_obj *)b)->v, r;
            bool ok = true;
            switch (op) {
            case PY_OP_ADD:
            case PY_OP_IADD: r = x + y; break;
            case PY_OP_SUB:
            case PY_OP_ISUB: r = x - y; break;
            case PY_OP_MUL:
            case PY_OP_IMUL: r = x * y; break;
            case PY_OP_TRUEDIV:
            case PY_OP_ITRUEDIV:
                ok = y != 0;
                r = ok ? x / y : 0;
                break;
            default:
                ok = false;
                r = 0;
                break;
            }
            if (ok) {
                sp[-2] = py_float_new(ctx, r);
                sp--;
                DISPATCH();
            }
        }
        if (op == PY_OP_ADD && py_type_of(a) == &py_type_str && py_type_of(b) == &py_type_str) {
            sp[-2] = py_str_concat(ctx, a, b);
            sp--;
            DISPATCH();
        }
        sp[-2] = py_binary_op(ctx, (int)op, a, b);
        sp--;
        DISPATCH();
    }
    CASE(UNARY_OP)
    {
        unsigned op = READ_U8();
        sp[-1] = py_unary_op(ctx, (int)op, sp[-1]);
        DISPATCH();
    }
    CASE(NOT)
    {
        sp[-1] = PY_BOOL(!py_truthy(ctx, sp[-1]));
        DISPATCH();
    }
    CASE(COMPARE_OP)
    {
        unsigned op = READ_U8();
        py_val b = sp[-1], a = sp[-2];
        py_val r;
        if (PY_IS_SMALL(a) && PY_IS_SMALL(b)) {
            intptr_t x = (intptr_t)a, y = (intptr_t)b;
            switch (op) {
            case PY_OP_LT: r = PY_BOOL(x < y); break;
            case PY_OP_GT: r = PY_BOOL(x > y); break;
            case PY_OP_EQ: r = PY_BOOL(x == y); break;
            case PY_OP_NE: r = PY_BOOL(x != y); break;
            case PY_OP_LE: r = PY_BOOL(x <= y); break;
            default: r = PY_BOOL(x >= y); break;
            }
        } else if ((op == PY_OP_EQ || op == PY_OP_NE) && PY_IS_QSTR(a) && PY_IS_QSTR(b)) {
            r = PY_BOOL((a == b) == (op == PY_OP_EQ));
        } else {
            r = py_compare(ctx, (int)op, a, b);
        }
        sp[-2] = r;
        sp--;
        DISPATCH();
    }
    CASE(IS_OP)
    {
        unsigned inv = READ_U8();
        py_val b = sp[-1], a = sp[-2];
        bool same = a == b;
        sp[-2] = PY_BOOL(same != (inv != 0));
        sp--;
        DISPATCH();
    }
    CASE(CONTAINS_OP)
    {
        unsigned inv = READ_U8();
        py_val cont = sp[-1], item = sp[-2];
        bool in = py_truthy(ctx, py_binary_op(ctx, PY_OP_IN, cont, item));
        sp[-2] = PY_BOOL(in != (inv != 0));
        sp--;
        DISPATCH();
    }
    CASE(JUMP)
    {
        unsigned t = READ_U16();
        if (t < (unsigned)(ip - frame->code->bc) && PY_UNLIKELY(ctx->interrupt)) {
            SAVE();
            py_check_interrupt(ctx);
        }
        ip = frame->code->bc + t;
        DISPATCH();
    }
    CASE(POP_JUMP_IF_FALSE)
    {
        unsigned t = READ_U16();
        py_val v = POP();
        if (v == PY_FALSE || (v != PY_TRUE && !py_truthy(ctx, v))) {
            ip = frame->code->bc + t;
        }
        DISPATCH();
    }
    CASE(POP_JUMP_IF_TRUE)
    {
        unsigned t = READ_U16();
        py_val v = POP();
        if (v == PY_TRUE || (v != PY_FALSE && py_truthy(ctx, v))) {
            ip = frame->code->bc + t;
        }
        DISPATCH();
    }
    CASE(JUMP_IF_FALSE_OR_POP)
    {
        unsigned t = READ_U16();
        if (!py_truthy(ctx, TOP())) {
            ip = frame->code->bc + t;
        } else {
            sp--;
        }
        DISPATCH();
    }
    CASE(JUMP_IF_TRUE_OR_POP)
    {
        unsigned t = READ_U16();
        if (py_truthy(ctx, TOP())) {
            ip = frame->code->bc + t;
        } else {
            sp--;
        }
        DISPATCH();
    }
    CASE(GET_ITER)
    {
        py_val v = sp[-1];
        const py_type *t = py_type_of(v);
        if (!(t->flags & PY_TF_ITER_SELF)) {
            sp[-1] = py_iter(ctx, v);
        }
        DISPATCH();
    }
    CASE(FOR_ITER)
    {
        unsigned t = READ_U16();
        py_val it = sp[-1];
        py_val v;
        const py_type *ty = ((py_obj *)it)->type;
        if (ty == &py_type_range_iter) {
            struct {
                py_obj base;
                intptr_t cur, stop, step;
            } *r = PY_PTR(it);
            if (r->step > 0 ? r->cur < r->stop : r->cur > r->stop) {
                v = PY_MK_SMALL(r->cur);
                r->cur += r->step;
                PUSH(v);
                DISPATCH();
            }
            v = PY_STOP;
        } else {
            v = ty->iternext ? ty->iternext(ctx, it) : py_next(ctx, it);
        }
        if (v == PY_STOP) {
            sp--;
            ip = frame->code->bc + t;
        } else {
            PUSH(v);
        }
        if (PY_UNLIKELY(ctx->interrupt)) {
            SAVE();
            py_check_interrupt(ctx);
        }
        DISPATCH();
    }
    CASE(BUILD_TUPLE)
    {
        unsigned n = READ_U16();
        py_val t = py_tuple_new(ctx, n, sp - n);
        sp -= n;
        PUSH(t);
        DISPATCH();
    }
    CASE(BUILD_LIST)
    {
        unsigned n = READ_U16();
        py_val l = py_list_new(ctx, n, sp - n);
        sp -= n;
        PUSH(l);
        DISPATCH();
    }
    CASE(BUILD_SET)
    {
        unsigned n = READ_U16();
        py_val s = py_set_new(ctx, &py_type_set);
        for (unsigned i = 0; i < n; i++) {
            py_set_add(ctx, s, sp[(int)i - (int)n]);
        }
        sp -= n;
        PUSH(s);
        DISPATCH();
    }
    CASE(BUILD_MAP)
    {
        unsigned n = READ_U16();
        py_dict *d = py_dict_alloc(ctx, &py_type_dict, 0);
        for (unsigned i = 0; i < n; i++) {
            py_dict_store(ctx, d, sp[-2 * (int)n + 2 * (int)i], sp[-2 * (int)n + 2 * (int)i + 1]);
        }
        sp -= 2 * n;
        PUSH(PY_VAL(d));
        DISPATCH();
    }
    CASE(BUILD_SLICE)
    {
        unsigned n = READ_U8();
        extern py_val py_slice_new(py_ctx * ctx, py_val start, py_val stop, py_val step);
        py_val s = n == 3 ? py_slice_new(ctx, sp[-3], sp[-2], sp[-1])
                          : py_slice_new(ctx, sp[-2], sp[-1], PY_NONE);
        sp -= n;
        PUSH(s);
        DISPATCH();
    }
    CASE(LIST_APPEND)
    {
        unsigned n = READ_U16();
        py_val v = POP();
        py_list_append(ctx, sp[-(int)n], v);
        DISPATCH();
    }
    CASE(SET_ADD)
    {
        unsigned n = READ_U16();
        py_val v = POP();
        py_set_add(ctx, sp[-(int)n], v);
        DISPATCH();
    }
    CASE(MAP_ADD)
    {
        unsigned n = READ_U16();
        py_val v = POP();
        py_val k = POP();
        py_dict_set(ctx, sp[-(int)n], k, v);
        DISPATCH();
    }
    CASE(LIST_EXTEND)
    {
        unsigned n = READ_U16();
        py_val v = POP();
        py_list_extend(ctx, sp[-(int)n], v);
        DISPATCH();
    }
    CASE(SET_UPDATE)
    {
        unsigned n = READ_U16();
        py_val v = POP();
        py_val it = py_iter(ctx, v);
        for (py_val x; (x = py_next(ctx, it)) != PY_STOP;) {
            py_set_add(ctx, sp[-(int)n], x);
        }
        DISPATCH();
    }
    CASE(DICT_UPDATE)
    {
        unsigned n = READ_U16();
        py_val v = POP();
        dict_merge(ctx, sp[-(int)n], v, false);
        DISPATCH();
    }
    CASE(DICT_MERGE)
    {
        unsigned n = READ_U16();
        py_val v = POP();
        dict_merge(ctx, sp[-(int)n], v, true);
        DISPATCH();
    }
    CASE(LIST_TO_TUPLE)
    {
        py_list *l = PY_PTR(sp[-1]);
        sp[-1] = py_tuple_new(ctx, l->len, l->items);
        DISPATCH();
    }
    CASE(UNPACK_SEQUENCE)
    {
        unsigned n = READ_U16();
        py_val seq = POP();
        if (PY_IS_PTR(seq) && ((py_obj *)seq)->type == &py_type_tuple &&
            ((py_tuple *)seq)->len == n) {
            py_tuple *t = PY_PTR(seq);
            for (unsigned i = 0; i < n; i++) {
                sp[n - 1 - i] = t->items[i];
            }
        } else {
            unpack(ctx, seq, n, sp);
        }
        sp += n;
        DISPATCH();
    }
    CASE(UNPACK_EX)
    {
        unsigned before = READ_U8();
        unsigned after = READ_U8();
        py_val seq = POP();
        unpack_ex(ctx, seq, before, after, sp);
        sp += before + after + 1;
        DISPATCH();
    }
    CASE(CALL)
    {
        unsigned n0 = READ_U16();
        py_val *base = sp - n0 - 2;
        py_val fn = base[0];
        py_val *args = base + 2;
        size_t n = n0;
        if (base[1] != PY_NULL) {
            args--;
            n++;
        } else if (PY_IS_PTR(fn) && fn != PY_NULL &&
                   ((py_obj *)fn)->type == &py_type_bound_method) {
            py_bound *b = PY_PTR(fn);
            base[1] = b->self;
            fn = b->fun;
            args--;
            n++;
        }
        if (PY_IS_PTR(fn) && ((py_obj *)fn)->type == &py_type_function &&
            !(((py_fun *)fn)->code->flags & PY_CO_GENERATOR)) {
            py_fun *fun = PY_PTR(fn);
            frame->ip = ip;
            frame->sp = sp; /* the arguments stay visible to the GC during setup */
            py_frame *f = frame_alloc(ctx, fun->code);
            frame_setup(ctx, f, fun, n, 0, args);
            frame->sp = base; /* where the result goes */
            ctx->depth++;
            f->prev = frame;
            frame = f;
            ctx->frame = f;
            ip = f->ip;
            sp = f->sp;
            locals = f->locals;
            consts = fun->code->consts;
            if (PY_UNLIKELY(ctx->interrupt)) {
                py_check_interrupt(ctx);
            }
            DISPATCH();
        }
        SAVE();
        py_val r = py_call_kw(ctx, fn, n, 0, args);
        sp = base;
        PUSH(r);
        DISPATCH();
    }
    CASE(CALL_KW)
    {
        unsigned npos = READ_U8();
        unsigned nkw = READ_U8();
        py_val *args = sp - npos - 2 * nkw;
        py_val fn = args[-2];
        py_val self = args[-1];
        size_t n = npos;
        if (self != PY_NULL) {
            args--;
            n++;
        }
        SAVE();
        py_val r;
        if (py_type_of(fn) == &py_type_function &&
            !(((py_fun *)fn)->code->flags & PY_CO_GENERATOR)) {
            py_fun *fun = PY_PTR(fn);
            py_frame *f = frame_alloc(ctx, fun->code);
            frame_setup(ctx, f, fun, n, nkw, args);
            frame->sp = sp - npos - 2 * nkw - 2;
            ctx->depth++;
            f->prev = frame;
            frame = f;
            ctx->frame = f;
            ip = f->ip;
            sp = f->sp;
            locals = f->locals;
            consts = fun->code->consts;
            DISPATCH();
        }
        r = py_call_kw(ctx, fn, n, nkw, args);
        sp = frame->sp - npos - 2 * nkw - 2;
        PUSH(r);
        DISPATCH();
    }
    CASE(CALL_EX)
    {
        unsigned haskw = READ_U8();
        py_val kwargs = haskw ? POP() : PY_NULL;
        py_val args = POP();
        py_val self = POP();
        py_val fn = POP();
        SAVE();
        py_val r = call_ex(ctx, fn, self, args, kwargs);
        PUSH(r);
        DISPATCH();
    }
    CASE(MAKE_FUNCTION)
    {
        unsigned k = READ_U16();
        unsigned flags = READ_U8();
        py_val f = make_function(ctx, frame, PY_PTR(consts[k]), flags, &sp);
        PUSH(f);
        DISPATCH();
    }
    CASE(RETURN_VALUE)
    {
        py_val r = POP();
        if (frame->gen != NULL) {
            frame->gen->state = 3;
            frame->ip = ip;
            frame->sp = sp;
        }
        if (frame->entry || frame->gen != NULL) {
            py_try_end(ctx, &jb);
            ctx->frame = frame->prev;
            frame_release(ctx, frame);
            return r;
        }
        py_frame *prev = frame->prev;
        frame_release(ctx, frame);
        frame = prev;
        ctx->frame = frame;
        ip = frame->ip;
        sp = frame->sp;
        locals = frame->locals;
        consts = frame->code->consts;
        PUSH(r);
        DISPATCH();
    }
    CASE(YIELD_VALUE)
    {
        py_val v = POP();
        frame->ip = ip;
        frame->sp = sp;
        frame->gen->state = 1;
        py_try_end(ctx, &jb);
        ctx->frame = frame->prev;
        ctx->depth--;
        return v;
    }
    CASE(YIELD_FROM)
    {
        py_val v = sp[-1];
        py_val it = sp[-2];
        int yielded = 0;
        SAVE();
        frame->gen->yf = it;
        py_val r = yield_from_step(ctx, it, v, &yielded);
        if (yielded) {
            /* stay on this instruction: resume pushes the sent value */
            sp--;
            frame->ip = ip - 1;
            frame->sp = sp;
            frame->gen->state = 1;
            py_try_end(ctx, &jb);
            ctx->frame = frame->prev;
            ctx->depth--;
            return r;
        }
        frame->gen->yf = PY_NULL;
        sp -= 2;
        PUSH(r);
        DISPATCH();
    }
    CASE(GET_YIELD_FROM_ITER)
    {
        py_val v = sp[-1];
        if (py_type_of(v) != &py_type_generator) {
            sp[-1] = py_iter(ctx, v);
        }
        DISPATCH();
    }
    CASE(GET_AWAITABLE)
    {
        sp[-1] = get_awaitable(ctx, sp[-1]);
        DISPATCH();
    }
    CASE(GET_AITER)
    {
        py_val m = py_getattr_opt(ctx, sp[-1], PY_Q___aiter__);
        if (m == PY_NULL) {
            py_raise(ctx, &py_type_TypeError,
                     "'async for' requires an object with __aiter__ method, got %s",
                     py_type_name(sp[-1]));
        }
        sp[-1] = py_call(ctx, m, 0, NULL);
        DISPATCH();
    }
    CASE(GET_ANEXT)
    {
        py_val m = py_getattr(ctx, sp[-1], PY_Q___anext__);
        py_val aw = get_awaitable(ctx, py_call(ctx, m, 0, NULL));
        PUSH(aw);
        DISPATCH();
    }
    CASE(END_ASYNC_FOR)
    {
        py_val e = POP();
        if (!py_isinstance(ctx, e, &py_type_StopAsyncIteration)) {
            py_raise_obj(ctx, e);
        }
        sp--;
        DISPATCH();
    }
    CASE(RAISE)
    {
        unsigned n = READ_U8();
        SAVE();
        if (n == 0) {
            if (ctx->cur_exc == PY_NULL || ctx->cur_exc == PY_NONE) {
                py_raise(ctx, &py_type_RuntimeError, "No active exception to reraise");
            }
            ctx->reraise = 1;
            py_raise_obj(ctx, ctx->cur_exc);
        }
        py_val cause = n == 2 ? POP() : PY_NULL;
        py_val e = POP();
        if (py_type_of(e) == &py_type_type) {
            e = py_call(ctx, e, 0, NULL);
        }
        if (!py_isinstance(ctx, e, &py_type_BaseException)) {
            py_raise(ctx, &py_type_TypeError, "exceptions must derive from BaseException");
        }
        if (cause != PY_NULL) {
            if (py_type_of(cause) == &py_type_type) {
                cause = py_call(ctx, cause, 0, NULL);
            }
            if (cause != PY_NONE && !py_isinstance(ctx, cause, &py_type_BaseException)) {
                py_raise(ctx, &py_type_TypeError,
                         "exception causes must derive from BaseException");
            }
            ((py_exc *)e)->cause = cause;
            ((py_exc *)e)->suppress_context = 1;
        }
        py_raise_obj(ctx, e);
    }
    CASE(RERAISE)
    {
        py_val e = POP();
        SAVE();
        ctx->reraise = 1;
        py_raise_obj(ctx, e);
    }
    CASE(PUSH_EXC_INFO)
    {
        py_val e = sp[-1];
        sp[-1] = ctx->cur_exc == PY_NULL ? PY_NONE : ctx->cur_exc;
        PUSH(e);
        ctx->cur_exc = e;
        DISPATCH();
    }
    CASE(POP_EXCEPT)
    {
        py_val prev = POP();
        ctx->cur_exc = prev;
        DISPATCH();
    }
    CASE(CHECK_EXC_MATCH)
    {
        py_val t = sp[-1], e = sp[-2];
        bool match = false;
        if (py_type_of(t) == &py_type_tuple) {
            py_tuple *tt = PY_PTR(t);
            for (size_t i = 0; i < tt->len && !match; i++) {
                if (py_type_of(tt->items[i]) != &py_type_type) {
                    py_raise(
                        ctx, &py_type_TypeError,
                        "catching classes that do not inherit from BaseException is not allowed");
                }
                match = py_isinstance(ctx, e, PY_PTR(tt->items[i]));
            }
        } else {
            if (py_type_of(t) != &py_type_type ||
                !py_issubclass(ctx, PY_PTR(t), &py_type_BaseException)) {
                py_raise(ctx, &py_type_TypeError,
                         "catching classes that do not inherit from BaseException is not allowed");
            }
            match = py_isinstance(ctx, e, PY_PTR(t));
        }
        sp[-1] = PY_BOOL(match);
        DISPATCH();
    }
    CASE(BEFORE_WITH)
    {
        py_val mgr = sp[-1];
        SAVE();
        py_val enter = py_getattr_opt(ctx, mgr, PY_Q___enter__);
        py_val exit = py_getattr_opt(ctx, mgr, PY_Q___exit__);
        if (enter == PY_NULL || exit == PY_NULL) {
            py_raise(ctx, &py_type_TypeError,
                     "'%s' object does not support the context manager protocol",
                     py_type_name(mgr));
        }
        sp[-1] = exit;
        py_val r = py_call(ctx, enter, 0, NULL);
        PUSH(r);
        DISPATCH();
    }
    CASE(BEFORE_ASYNC_WITH)
    {
        py_val mgr = sp[-1];
        SAVE();
        py_val enter = py_getattr_opt(ctx, mgr, PY_Q___aenter__);
        py_val exit = py_getattr_opt(ctx, mgr, PY_Q___aexit__);
        if (enter == PY_NULL || exit == PY_NULL) {
            py_raise(ctx, &py_type_TypeError,
                     "'%s' object does not support the asynchronous context manager protocol",
                     py_type_name(mgr));
        }
        sp[-1] = exit;
        py_val r = get_awaitable(ctx, py_call(ctx, enter, 0, NULL));
        PUSH(r);
        DISPATCH();
    }
    CASE(WITH_EXIT)
    {
        py_val exit = sp[-1];
        SAVE();
        py_val a[3] = {PY_NONE, PY_NONE, PY_NONE};
        sp[-1] = py_call(ctx, exit, 3, a);
        DISPATCH();
    }
    CASE(WITH_EXCEPT)
    {
        py_val e = sp[-1];
        py_val exit = sp[-3];
        SAVE();
        py_val tb = ((py_exc *)e)->traceback;
        py_val a[3] = {PY_VAL(py_type_of(e)), e, tb};
        py_val r = py_call(ctx, exit, 3, a);
        PUSH(r);
        DISPATCH();
    }
    CASE(IMPORT_NAME)
    {
        unsigned q = READ_U16();
        py_val fromlist = sp[-1];
        py_val level = sp[-2];
        SAVE();
        py_val m = py_import(ctx, (py_qstr)q, fromlist, (int)PY_SMALL(level));
        sp -= 2;
        PUSH(m);
        DISPATCH();
    }
    CASE(IMPORT_FROM)
    {
        unsigned q = READ_U16();
        SAVE();
        py_val v = import_from(ctx, sp[-1], (py_qstr)q);
        PUSH(v);
        DISPATCH();
    }
    CASE(IMPORT_STAR)
    {
        py_val m = POP();
        SAVE();
        import_star(ctx, frame, m);
        DISPATCH();
    }
    CASE(LOAD_BUILD_CLASS)
    {
        PUSH(py_dict_get(ctx, PY_VAL(ctx->builtins), PY_MK_QSTR(PY_Q___build_class__)));
        DISPATCH();
    }
    CASE(FORMAT_VALUE)
    {
        unsigned flags = READ_U8();
        py_val spec = (flags & 4) ? POP() : PY_NULL;
        SAVE();
        sp[-1] = format_value(ctx, sp[-1], flags, spec);
        DISPATCH();
    }
    CASE(BUILD_STRING)
    {
        unsigned n = READ_U16();
        py_val s = build_string(ctx, sp - n, n);
        sp -= n;
        PUSH(s);
        DISPATCH();
    }
    CASE(PRINT_EXPR)
    {
        py_val v = POP();
        SAVE();
        print_expr(ctx, v);
        DISPATCH();
    }
    CASE(LOAD_ASSERTION_ERROR)
    {
        PUSH(PY_VAL(&py_type_AssertionError));
        DISPATCH();
    }
    CASE(SETUP_ANNOTATIONS)
    {
        DISPATCH();
    }
#if !defined(__GNUC__)
}
#endif

handle_exception :
    /* ctx->jmp was popped by the raise that got us here */
    for (;;)
{
    py_code *co = frame->code;
    if (!reraise) {
        add_tb(ctx, frame, exc);
    }
    reraise = false;
    if (((py_exc *)exc)->context == PY_NONE && ctx->cur_exc != PY_NULL && ctx->cur_exc != PY_NONE &&
        ctx->cur_exc != exc && py_isinstance(ctx, exc, &py_type_BaseException)) {
        ((py_exc *)exc)->context = ctx->cur_exc;
    }
    const py_exc_range *h = find_handler(co, frame->lasti);
    if (h != NULL) {
        frame->sp = frame->locals + co->n_locals + (h->depth & 0x3ff);
        *frame->sp++ = exc;
        frame->ip = co->bc + h->handler;
        ctx->frame = frame;
        ctx->vsp = frame->gen ? ctx->vsp : frame->locals + co->n_locals + co->n_stack;
        goto restart;
    }
    if (frame->entry || frame->gen != NULL) {
        ctx->frame = frame->prev;
        frame_release(ctx, frame);
        py_raise_obj(ctx, exc);
    }
    py_frame *prev = frame->prev;
    frame_release(ctx, frame);
    frame = prev;
    ctx->frame = frame;
}
}

py_val py_vm_run(py_ctx *ctx, py_frame *f)
{
    return vm_run(ctx, f, PY_NULL);
}
