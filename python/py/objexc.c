/* The exception hierarchy, exception objects and traceback printing. */
#include "internal.h"

py_val py_exc_new(py_ctx *ctx, const py_type *type, size_t n_args, const py_val *args)
{
    py_exc *e = py_obj_new(ctx, type, sizeof(py_exc));
    e->args = PY_PTR(py_tuple_new(ctx, n_args, args));
    e->cause = PY_NONE;
    e->context = PY_NONE;
    e->traceback = PY_NONE;
    return PY_VAL(e);
}

py_val py_exc_arg0(py_val exc)
{
    py_exc *e = PY_PTR(exc);
    return e->args != NULL && e->args->len > 0 ? e->args->items[0] : PY_NONE;
}

py_val py_exc_make_new(py_ctx *ctx, const py_type *type, size_t n_args, size_t n_kw,
                       const py_val *args)
{
    return py_exc_new(ctx, type, n_args, args);
}

void py_exc_print(py_ctx *ctx, py_print *p, py_val self, int kind)
{
    py_exc *e = PY_PTR(self);
    size_t n = e->args ? e->args->len : 0;
    if (kind == PY_PRINT_REPR) {
        py_printf(ctx, p, "%s(", py_type_name(self));
        for (size_t i = 0; i < n; i++) {
            if (i > 0) {
                py_print_str(p, ", ");
            }
            py_print_val(ctx, p, e->args->items[i], PY_PRINT_REPR);
        }
        py_print_str(p, ")");
        return;
    }
    if (n == 0) {
        return;
    }
    if (n == 1) {
        bool keyerr = py_issubclass(ctx, py_type_of(self), &py_type_KeyError);
        py_print_val(ctx, p, e->args->items[0], keyerr ? PY_PRINT_REPR : PY_PRINT_STR);
        return;
    }
    if (py_issubclass(ctx, py_type_of(self), &py_type_OSError) && n == 2) {
        py_printf(ctx, p, "[Errno %S] %S", e->args->items[0], e->args->items[1]);
        return;
    }
    py_print_val(ctx, p, PY_VAL(e->args), PY_PRINT_REPR);
}

bool py_exc_attr(py_ctx *ctx, py_val self, py_qstr name, int op, py_val *value)
{
    py_exc *e = PY_PTR(self);
    if (op == PY_ATTR_STORE) {
        switch (name) {
        case PY_Q_args: e->args = PY_PTR(py_tuple_from_iter(ctx, *value)); return true;
        case PY_Q___cause__:
            e->cause = *value;
            e->suppress_context = 1;
            return true;
        case PY_Q___context__: e->context = *value; return true;
        case PY_Q___traceback__: e->traceback = *value; return true;
        case PY_Q___suppress_context__: e->suppress_context = py_truthy(ctx, *value); return true;
        }
        if (e->dict == NULL) {
            e->dict = py_dict_alloc(ctx, &py_type_dict, 0);
        }
        py_dict_store_q(ctx, e->dict, name, *value);
        return true;
    }
    if (op != PY_ATTR_LOAD) {
        return false;
    }
    if (e->dict != NULL) {
        py_dict_entry *d = py_dict_lookup_q(ctx, e->dict, name);
        if (d != NULL) {
            *value = d->value;
            return true;
        }
    }
    switch (name) {
    case PY_Q_args: *value = PY_VAL(e->args); return true;
    case PY_Q___cause__: *value = e->cause; return true;
    case PY_Q___context__: *value = e->context; return true;
    case PY_Q___traceback__: *value = e->traceback == PY_NONE ? PY_NONE : e->traceback; return true;
    case PY_Q___suppress_context__: *value = PY_BOOL(e->suppress_context); return true;
    case PY_Q_value:
        if (py_isinstance(ctx, self, &py_type_StopIteration)) {
            *value = py_exc_arg0(self);
            return true;
        }
        break;
    case PY_Q_code:
        if (py_isinstance(ctx, self, &py_type_SystemExit)) {
            *value = py_exc_arg0(self);
            return true;
        }
        break;
    case PY_Q_errno:
    case PY_Q_strerror:
    case PY_Q_filename:
        if (py_isinstance(ctx, self, &py_type_OSError)) {
            size_t i = name == PY_Q_errno ? 0 : name == PY_Q_strerror ? 1 : 2;
            *value = e->args->len >= 2 && i < e->args->len ? e->args->items[i] : PY_NONE;
            return true;
        }
        break;
    case PY_Q_msg:
    case PY_Q_lineno:
        if (py_isinstance(ctx, self, &py_type_SyntaxError)) {
            *value = name == PY_Q_msg ? py_exc_arg0(self) : PY_NONE;
            return true;
        }
        break;
    case PY_Q_name:
        if (py_isinstance(ctx, self, &py_type_NameError) ||
            py_isinstance(ctx, self, &py_type_ImportError)) {
            *value = PY_NONE;
            return true;
        }
        break;
    }
    return false;
}

static py_val exc_init(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    py_exc *e = PY_PTR(args[0]);
    e->args = PY_PTR(py_tuple_new(ctx, n - 1, args + 1));
    return PY_NONE;
}
static PY_FUN_KWARGS(exc_init_obj, "__init__", 1, exc_init);

static py_val exc_with_traceback(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    ((py_exc *)PY_PTR(args[0]))->traceback = args[1];
    return args[0];
}
static PY_FUN(exc_with_traceback_obj, "with_traceback", 2, 2, exc_with_traceback);

static py_val exc_add_note(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return PY_NONE;
}
static PY_FUN(exc_add_note_obj, "add_note", 2, 2, exc_add_note);

const py_attr_def py_exc_locals[] = {
    {"__init__", PY_OBJV(&exc_init_obj)},
    {"with_traceback", PY_OBJV(&exc_with_traceback_obj)},
    {"add_note", PY_OBJV(&exc_add_note_obj)},
    {NULL, 0},
};

#define EXC_FLAGS (PY_TF_BASETYPE | PY_TF_EXCEPTION)
#define DEF_EXC(name, base)                                  \
    const py_type py_type_##name = {{&py_type_type},         \
                                    #name,                   \
                                    EXC_FLAGS,               \
                                    py_exc_make_new,         \
                                    py_exc_print,            \
                                    .attr = py_exc_attr,     \
                                    .locals = py_exc_locals, \
                                    .base_type = base,       \
                                    .inst_size = sizeof(py_exc)}

DEF_EXC(BaseException, NULL);
DEF_EXC(SystemExit, &py_type_BaseException);
DEF_EXC(KeyboardInterrupt, &py_type_BaseException);
DEF_EXC(GeneratorExit, &py_type_BaseException);
DEF_EXC(Exception, &py_type_BaseException);
DEF_EXC(StopIteration, &py_type_Exception);
DEF_EXC(StopAsyncIteration, &py_type_Exception);
DEF_EXC(ArithmeticError, &py_type_Exception);
DEF_EXC(OverflowError, &py_type_ArithmeticError);
DEF_EXC(ZeroDivisionError, &py_type_ArithmeticError);
DEF_EXC(FloatingPointError, &py_type_ArithmeticError);
DEF_EXC(AssertionError, &py_type_Exception);
DEF_EXC(AttributeError, &py_type_Exception);
DEF_EXC(EOFError, &py_type_Exception);
DEF_EXC(ImportError, &py_type_Exception);
DEF_EXC(ModuleNotFoundError, &py_type_ImportError);
DEF_EXC(LookupError, &py_type_Exception);
DEF_EXC(IndexError, &py_type_LookupError);
DEF_EXC(KeyError, &py_type_LookupError);
DEF_EXC(MemoryError, &py_type_Exception);
DEF_EXC(NameError, &py_type_Exception);
DEF_EXC(UnboundLocalError, &py_type_NameError);
DEF_EXC(OSError, &py_type_Exception);
DEF_EXC(RuntimeError, &py_type_Exception);
DEF_EXC(NotImplementedError, &py_type_RuntimeError);
DEF_EXC(RecursionError, &py_type_RuntimeError);
DEF_EXC(SyntaxError, &py_type_Exception);
DEF_EXC(IndentationError, &py_type_SyntaxError);
DEF_EXC(TypeError, &py_type_Exception);
DEF_EXC(ValueError, &py_type_Exception);
DEF_EXC(UnicodeError, &py_type_ValueError);
DEF_EXC(UnicodeDecodeError, &py_type_UnicodeError);
DEF_EXC(UnicodeEncodeError, &py_type_UnicodeError);

_Noreturn void py_raise_oserror(py_ctx *ctx, int errnum)
{
    static const struct {
        int no;
        const char *msg;
    } msgs[] = {{1, "Operation not permitted"},
                {2, "No such file or directory"},
                {5, "Input/output error"},
                {9, "Bad file descriptor"},
                {11, "Resource temporarily unavailable"},
                {12, "Cannot allocate memory"},
                {13, "Permission denied"},
                {17, "File exists"},
                {20, "Not a directory"},
                {21, "Is a directory"},
                {22, "Invalid argument"},
                {28, "No space left on device"},
                {39, "Directory not empty"},
                {110, "Connection timed out"}};
    const char *m = NULL;
    for (size_t i = 0; i < sizeof(msgs) / sizeof(msgs[0]); i++) {
        if (msgs[i].no == errnum) {
            m = msgs[i].msg;
        }
    }
    py_val args[2] = {PY_MK_SMALL(errnum), m ? py_str_from_cstr(ctx, m) : PY_NULL};
    py_raise_obj(ctx, py_exc_new(ctx, &py_type_OSError, m ? 2 : 1, args));
}

void py_exc_add_tb(py_ctx *ctx, py_val exc, py_qstr file, uint32_t line, py_qstr name)
{
    if (!PY_IS_PTR(exc) || exc == ctx->mem_err) {
        return;
    }
    py_exc *e = PY_PTR(exc);
    /* tracebacks are best effort: no memory left means no entry */
    py_jmp j;
    if (py_try(ctx, &j) == 0) {
        if (e->traceback == PY_NONE || py_type_of(e->traceback) != &py_type_list) {
            e->traceback = py_list_new(ctx, 0, NULL);
        }
        py_list_append(ctx, e->traceback, PY_MK_QSTR(file));
        py_list_append(ctx, e->traceback, PY_MK_SMALL(line));
        py_list_append(ctx, e->traceback, PY_MK_QSTR(name));
        py_try_end(ctx, &j);
    }
}

static void print_one(py_ctx *ctx, py_print *p, py_val exc)
{
    py_exc *e = PY_PTR(exc);
    if (e->traceback != PY_NONE && py_type_of(e->traceback) == &py_type_list) {
        py_list *tb = PY_PTR(e->traceback);
        py_print_str(p, "Traceback (most recent call last):\n");
        size_t repeat = 0;
        for (size_t i = tb->len; i >= 3; i -= 3) {
            bool same = i + 3 <= tb->len && tb->items[i - 3] == tb->items[i] &&
                        tb->items[i - 2] == tb->items[i + 1] &&
                        tb->items[i - 1] == tb->items[i + 2];
            if (same && ++repeat >= 3) {
                continue; /* CPython shows a run of identical lines only 3 times */
            }
            if (!same) {
                if (repeat >= 3) {
                    py_printf(ctx, p, "  [Previous line repeated %d more time%s]\n",
                              (int)(repeat - 2), repeat - 2 == 1 ? "" : "s");
                }
                repeat = 0;
            }
            py_printf(ctx, p, "  File \"%q\", line %d, in %q\n", PY_QSTR(tb->items[i - 3]),
                      (int)PY_SMALL(tb->items[i - 2]), PY_QSTR(tb->items[i - 1]));
        }
        if (repeat >= 3) {
            py_printf(ctx, p, "  [Previous line repeated %d more time%s]\n", (int)(repeat - 2),
                      repeat - 2 == 1 ? "" : "s");
        }
    }
    const py_type *t = py_type_of(exc);
    if (t->flags & PY_TF_CLASS) {
        py_val mod =
            t->dict ? py_dict_get(ctx, PY_VAL(t->dict), PY_MK_QSTR(PY_Q___module__)) : PY_NULL;
        if (mod != PY_NULL && py_is_str(mod) && !py_equal(ctx, mod, PY_MK_QSTR(PY_Q___main__)) &&
            !py_equal(ctx, mod, PY_MK_QSTR(PY_Q_builtins))) {
            py_printf(ctx, p, "%S.", mod);
        }
    }
    py_print_str(p, t->name);
    py_val s = py_to_str(ctx, exc);
    size_t n;
    const char *d = py_str_get(ctx, s, &n);
    if (n > 0) {
        py_print_str(p, ": ");
        p->write(p->data, d, n);
    }
    py_print_str(p, "\n");
}

static void print_chain(py_ctx *ctx, py_print *p, py_val exc, int depth)
{
    py_exc *e = PY_PTR(exc);
    if (depth < 8 && e->cause != PY_NONE && py_isinstance(ctx, e->cause, &py_type_BaseException)) {
        print_chain(ctx, p, e->cause, depth + 1);
        py_print_str(p,
                     "\nThe above exception was the direct cause of the following exception:\n\n");
    } else if (depth < 8 && !e->suppress_context && e->context != PY_NONE && e->context != exc &&
               py_isinstance(ctx, e->context, &py_type_BaseException)) {
        print_chain(ctx, p, e->context, depth + 1);
        py_print_str(p,
                     "\nDuring handling of the above exception, another exception occurred:\n\n");
    }
    print_one(ctx, p, exc);
}

void py_print_exception(py_ctx *ctx, py_print *p, py_val exc)
{
    if (!py_isinstance(ctx, exc, &py_type_BaseException)) {
        py_printf(ctx, p, "%r\n", exc);
        return;
    }
    print_chain(ctx, p, exc, 0);
}
