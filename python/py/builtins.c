/* The builtins module: built-in functions and the names of the core types. */
#include <math.h>

#include "internal.h"

#include "fpfmt/fpfmt.h"

py_val py_chr(py_ctx *ctx, intmax_t cp);
py_val py_ord(py_ctx *ctx, py_val v);
py_val py_run_code(py_ctx *ctx, py_code *co, py_dict *globals, py_dict *locals);
py_val py_file_write(py_ctx *ctx, py_val file, const char *s, size_t n);
py_val py_open(py_ctx *ctx, size_t n_args, size_t n_kw, const py_val *args);
py_val py_bytes_from(py_ctx *ctx, py_val v, const py_type *type);

/* --- print / input ---------------------------------------------------------------- */

typedef struct file_print {
    py_print p;
    py_ctx *ctx;
    py_val file;
} file_print;

static void file_print_write(void *data, const char *s, size_t n)
{
    file_print *fp = data;
    py_file_write(fp->ctx, fp->file, s, n);
}

static py_val b_print(py_ctx *ctx, size_t n_args, size_t n_kw, const py_val *args)
{
    py_val sep = PY_NONE, end = PY_NONE, file = PY_NONE, flush = PY_FALSE;
    for (size_t i = 0; i < n_kw; i++) {
        py_qstr k = PY_QSTR(args[n_args + 2 * i]);
        py_val v = args[n_args + 2 * i + 1];
        if (k == PY_Q_sep) {
            sep = v;
        } else if (k == PY_Q_end) {
            end = v;
        } else if (k == PY_Q_file) {
            file = v;
        } else if (k == PY_Q_flush) {
            flush = v;
        } else {
            py_raise(ctx, &py_type_TypeError, "'%q' is an invalid keyword argument for print()", k);
        }
    }
    if (sep != PY_NONE && !py_is_str(sep)) {
        py_raise(ctx, &py_type_TypeError, "sep must be None or a string, not %s",
                 py_type_name(sep));
    }
    if (end != PY_NONE && !py_is_str(end)) {
        py_raise(ctx, &py_type_TypeError, "end must be None or a string, not %s",
                 py_type_name(end));
    }
    file_print fp = {{NULL, file_print_write}, ctx, file == PY_NONE ? ctx->sys_stdout : file};
    fp.p.data = &fp;
    size_t sn = 1, en = 1;
    const char *ss = sep == PY_NONE ? " " : py_str_get(ctx, sep, &sn);
    const char *es = end == PY_NONE ? "\n" : py_str_get(ctx, end, &en);
    /* gather into one buffer so each print is one write */
    py_strbuf b;
    py_strbuf_init(ctx, &b, 64);
    for (size_t i = 0; i < n_args; i++) {
        if (i > 0) {
            ss = sep == PY_NONE ? " " : py_str_get(ctx, sep, &sn);
            py_strbuf_add(&b, ss, sn);
        }
        py_val v = args[i];
        if (py_type_of(v) == &py_type_str) {
            size_t n;
            const char *s = py_str_get(ctx, v, &n);
            py_strbuf_add(&b, s, n);
        } else {
            py_print_val(ctx, &b.p, v, PY_PRINT_STR);
        }
    }
    es = end == PY_NONE ? "\n" : py_str_get(ctx, end, &en);
    py_strbuf_add(&b, es, en);
    fp.p.write(&fp, b.buf + sizeof(py_str_obj), b.len);
    if (py_truthy(ctx, flush)) {
        py_val f = py_getattr_opt(ctx, fp.file, PY_Q_flush);
        if (f != PY_NULL) {
            py_call(ctx, f, 0, NULL);
        }
    }
    return PY_NONE;
}
static PY_FUN_KWARGS(b_print_obj, "print", 0, b_print);

static py_val b_input(py_ctx *ctx, size_t n_args, size_t n_kw, const py_val *args)
{
    if (n_args == 1) {
        py_val s = py_to_str(ctx, args[0]);
        size_t n;
        const char *d = py_str_get(ctx, s, &n);
        py_file_write(ctx, ctx->sys_stdout, d, n);
    }
    py_val f = py_getattr_opt(ctx, ctx->sys_stdout, PY_Q_flush);
    if (f != PY_NULL) {
        py_call(ctx, f, 0, NULL);
    }
    py_val line = py_call_method(ctx, ctx->sys_stdin, PY_Q_readline, 0, NULL);
    size_t n;
    const char *d = py_str_get(ctx, line, &n);
    if (n == 0) {
        py_raise(ctx, &py_type_EOFError, "EOF when reading a line");
    }
    if (d[n - 1] == '\n') {
        n--;
    }
    return py_str_new(ctx, d, n);
}
static PY_FUN(b_input_obj, "input", 0, 1, b_input);

/* --- numbers ---------------------------------------------------------------------- */

static py_val b_abs(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return py_unary_op(ctx, PY_OP_ABS, args[0]);
}
static PY_FUN(b_abs_obj, "abs", 1, 1, b_abs);

static py_val int_base(py_ctx *ctx, py_val v, int base, const char *prefix)
{
    if (!py_is_int(v)) {
        py_val m = py_special(ctx, v, PY_Q___index__);
        if (m == PY_NULL) {
            py_raise(ctx, &py_type_TypeError, "'%s' object cannot be interpreted as an integer",
                     py_type_name(v));
        }
        v = py_call(ctx, m, 0, NULL);
    }
    bool neg = py_int_sign(v) < 0;
    py_val d = py_int_to_str(ctx, neg ? py_unary_op(ctx, PY_OP_NEG, v) : v, base);
    size_t n;
    const char *s = py_str_get(ctx, d, &n);
    py_strbuf b;
    py_strbuf_init(ctx, &b, n + 3);
    if (neg) {
        py_strbuf_addc(&b, '-');
    }
    py_strbuf_add(&b, prefix, 2);
    s = py_str_get(ctx, d, &n);
    py_strbuf_add(&b, s, n);
    return py_strbuf_finish(&b, &py_type_str);
}

static py_val b_bin(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return int_base(ctx, args[0], 2, "0b");
}
static py_val b_oct(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return int_base(ctx, args[0], 8, "0o");
}
static py_val b_hex(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return int_base(ctx, args[0], 16, "0x");
}
static PY_FUN(b_bin_obj, "bin", 1, 1, b_bin);
static PY_FUN(b_oct_obj, "oct", 1, 1, b_oct);
static PY_FUN(b_hex_obj, "hex", 1, 1, b_hex);

static py_val b_chr(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return py_chr(ctx, py_int_get(ctx, args[0]));
}
static PY_FUN(b_chr_obj, "chr", 1, 1, b_chr);

static py_val b_ord(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return py_ord(ctx, args[0]);
}
static PY_FUN(b_ord_obj, "ord", 1, 1, b_ord);

static py_val b_divmod(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return py_binary_op(ctx, PY_OP_DIVMOD, args[0], args[1]);
}
static PY_FUN(b_divmod_obj, "divmod", 2, 2, b_divmod);

static py_val b_pow(py_ctx *ctx, size_t n_args, size_t n_kw, const py_val *args)
{
    static const py_arg_spec spec[] = {{PY_Q_base, PY_ARG_REQUIRED, PY_NULL},
                                       {PY_Q_exp, PY_ARG_REQUIRED, PY_NULL},
                                       {PY_Q_mod, 0, PY_NONE}};
    py_val a[3];
    py_parse_args(ctx, n_args, n_kw, args, spec, 3, a);
    if (a[2] == PY_NONE) {
        return py_binary_op(ctx, PY_OP_POW, a[0], a[1]);
    }
    if (!py_is_int(a[0]) || !py_is_int(a[1]) || !py_is_int(a[2])) {
        py_raise(ctx, &py_type_TypeError,
                 "pow() 3rd argument not allowed unless all arguments are integers");
    }
    if (py_int_sign(a[2]) == 0) {
        py_raise(ctx, &py_type_ValueError, "pow() 3rd argument cannot be 0");
    }
    if (py_int_sign(a[1]) < 0) {
        /* modular inverse by the extended Euclidean algorithm */
        py_val m = a[2];
        py_val r0 = py_int_binop(ctx, PY_OP_MOD, a[0], m), r1 = m;
        py_val s0 = PY_MK_SMALL(1), s1 = PY_MK_SMALL(0);
        while (py_int_sign(r1) != 0) {
            py_val q = py_int_binop(ctx, PY_OP_FLOORDIV, r0, r1);
            py_val t = py_int_binop(ctx, PY_OP_SUB, r0, py_int_binop(ctx, PY_OP_MUL, q, r1));
            r0 = r1;
            r1 = t;
            t = py_int_binop(ctx, PY_OP_SUB, s0, py_int_binop(ctx, PY_OP_MUL, q, s1));
            s0 = s1;
            s1 = t;
        }
        if (!py_equal(ctx, r0, PY_MK_SMALL(1)) && !py_equal(ctx, r0, PY_MK_SMALL(-1))) {
            py_raise(ctx, &py_type_ValueError, "base is not invertible for the given modulus");
        }
        if (py_equal(ctx, r0, PY_MK_SMALL(-1))) {
            s0 = py_unary_op(ctx, PY_OP_NEG, s0);
        }
        a[0] = py_int_binop(ctx, PY_OP_MOD, s0, m);
        a[1] = py_unary_op(ctx, PY_OP_NEG, a[1]);
    }
    /* square and multiply on Python ints: correct for big values too */
    py_val result = PY_MK_SMALL(1);
    py_val base = py_int_binop(ctx, PY_OP_MOD, a[0], a[2]);
    py_val e = a[1];
    while (py_int_sign(e) > 0) {
        if (py_truthy(ctx, py_int_binop(ctx, PY_OP_AND, e, PY_MK_SMALL(1)))) {
            result = py_int_binop(ctx, PY_OP_MOD, py_int_binop(ctx, PY_OP_MUL, result, base), a[2]);
        }
        e = py_int_binop(ctx, PY_OP_RSHIFT, e, PY_MK_SMALL(1));
        base = py_int_binop(ctx, PY_OP_MOD, py_int_binop(ctx, PY_OP_MUL, base, base), a[2]);
        py_check_interrupt(ctx);
    }
    return py_int_binop(ctx, PY_OP_MOD, result, a[2]);
}
static PY_FUN_KWARGS(b_pow_obj, "pow", 2, b_pow);

static py_val b_round(py_ctx *ctx, size_t n_args, size_t n_kw, const py_val *args)
{
    static const py_arg_spec spec[] = {{PY_Q_number, PY_ARG_REQUIRED, PY_NULL},
                                       {PY_Q_ndigits, 0, PY_NONE}};
    py_val a[2];
    py_parse_args(ctx, n_args, n_kw, args, spec, 2, a);
    py_val x = a[0];
    if (py_type_of(x)->flags & PY_TF_CLASS) {
        py_val m = py_special(ctx, x, PY_Q___round__);
        if (m != PY_NULL) {
            return py_call(ctx, m, a[1] == PY_NONE ? 0 : 1, &a[1]);
        }
    }
    if (py_is_int(x)) {
        if (a[1] == PY_NONE) {
            return x == PY_TRUE || x == PY_FALSE ? PY_MK_SMALL(x == PY_TRUE) : x;
        }
        intmax_t nd = py_int_get(ctx, a[1]);
        if (nd >= 0) {
            return x;
        }
        /* round to 10**-nd, half to even */
        py_val p = py_binary_op(ctx, PY_OP_POW, PY_MK_SMALL(10), PY_MK_SMALL(-nd));
        py_val q = py_int_binop(ctx, PY_OP_FLOORDIV, x, p);
        py_val r = py_int_binop(ctx, PY_OP_MOD, x, p);
        py_val twice = py_int_binop(ctx, PY_OP_MUL, r, PY_MK_SMALL(2));
        int c = py_truthy(ctx, py_int_binop(ctx, PY_OP_GT, twice, p))   ? 1
                : py_truthy(ctx, py_int_binop(ctx, PY_OP_EQ, twice, p)) ? 0
                                                                        : -1;
        if (c > 0 || (c == 0 && py_truthy(ctx, py_int_binop(ctx, PY_OP_AND, q, PY_MK_SMALL(1))))) {
            q = py_int_binop(ctx, PY_OP_ADD, q, PY_MK_SMALL(1));
        }
        return py_int_binop(ctx, PY_OP_MUL, q, p);
    }
    if (py_type_of(x) != &py_type_float) {
        py_raise(ctx, &py_type_TypeError, "type %s doesn't define __round__ method",
                 py_type_name(x));
    }
    double f = (double)((py_float_obj *)x)->v;
    if (a[1] == PY_NONE) {
        double r = rint(f);
        if (fabs(f - trunc(f)) == 0.5) {
            r = 2.0 * rint(f / 2.0);
        }
        return py_int_from_float(ctx, (py_float_t)r);
    }
    intmax_t nd = py_int_get(ctx, a[1]);
    if (!isfinite(f)) {
        return x;
    }
    double out;
    if (fp_round(f, (long)nd, &out) != FP_OK) {
        py_raise(ctx, &py_type_OverflowError, "rounded value too large to represent");
    }
    return py_float_new(ctx, (py_float_t)out);
}
static PY_FUN_KWARGS(b_round_obj, "round", 1, b_round);

/* min/max(iterable | *args, key=, default=) */
static py_val minmax(py_ctx *ctx, size_t n_args, size_t n_kw, const py_val *args, int op,
                     const char *name)
{
    py_val key = PY_NONE, def = PY_NULL;
    for (size_t i = 0; i < n_kw; i++) {
        py_qstr k = PY_QSTR(args[n_args + 2 * i]);
        if (k == PY_Q_key) {
            key = args[n_args + 2 * i + 1];
        } else if (k == PY_Q_default) {
            def = args[n_args + 2 * i + 1];
        } else {
            py_raise(ctx, &py_type_TypeError, "'%q' is an invalid keyword argument for %s()", k,
                     name);
        }
    }
    if (n_args == 0) {
        py_raise(ctx, &py_type_TypeError, "%s expected at least 1 argument, got 0", name);
    }
    py_val it;
    if (n_args == 1) {
        it = py_iter(ctx, args[0]);
    } else {
        if (def != PY_NULL) {
            py_raise(ctx, &py_type_TypeError,
                     "Cannot specify a default for %s() with multiple positional arguments", name);
        }
        it = py_iter(ctx, py_tuple_new(ctx, n_args, args));
    }
    py_val best = PY_NULL, best_key = PY_NULL;
    for (py_val x; (x = py_next(ctx, it)) != PY_STOP;) {
        py_val k = key == PY_NONE ? x : py_call(ctx, key, 1, &x);
        if (best == PY_NULL || py_truthy(ctx, py_compare(ctx, op, k, best_key))) {
            best = x;
            best_key = k;
        }
    }
    if (best == PY_NULL) {
        if (def != PY_NULL) {
            return def;
        }
        py_raise(ctx, &py_type_ValueError, "%s() arg is an empty sequence", name);
    }
    return best;
}

static py_val b_min(py_ctx *ctx, size_t n_args, size_t n_kw, const py_val *args)
{
    return minmax(ctx, n_args, n_kw, args, PY_OP_LT, "min");
}
static py_val b_max(py_ctx *ctx, size_t n_args, size_t n_kw, const py_val *args)
{
    return minmax(ctx, n_args, n_kw, args, PY_OP_GT, "max");
}
static PY_FUN_KWARGS(b_min_obj, "min", 0, b_min);
static PY_FUN_KWARGS(b_max_obj, "max", 0, b_max);

static py_val b_sum(py_ctx *ctx, size_t n_args, size_t n_kw, const py_val *args)
{
    static const py_arg_spec spec[] = {{0, PY_ARG_REQUIRED, PY_NULL},
                                       {PY_Q_start, 0, PY_MK_SMALL(0)}};
    py_val a[2];
    py_parse_args(ctx, n_args, n_kw, args, spec, 2, a);
    if (py_is_str(a[1]) && py_type_of(a[1]) == &py_type_str) {
        py_raise(ctx, &py_type_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
    }
    py_val acc = a[1];
    py_val it = py_iter(ctx, a[0]);
    for (py_val x; (x = py_next(ctx, it)) != PY_STOP;) {
        if (PY_IS_SMALL(acc) && PY_IS_SMALL(x)) {
            intptr_t r;
            if (!__builtin_add_overflow(PY_SMALL(acc), PY_SMALL(x), &r) && PY_SMALL_FITS(r)) {
                acc = PY_MK_SMALL(r);
                continue;
            }
        }
        acc = py_binary_op(ctx, PY_OP_ADD, acc, x);
    }
    return acc;
}
static PY_FUN_KWARGS(b_sum_obj, "sum", 1, b_sum);

static py_val b_all(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    py_val it = py_iter(ctx, args[0]);
    for (py_val x; (x = py_next(ctx, it)) != PY_STOP;) {
        if (!py_truthy(ctx, x)) {
            return PY_FALSE;
        }
    }
    return PY_TRUE;
}
static py_val b_any(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    py_val it = py_iter(ctx, args[0]);
    for (py_val x; (x = py_next(ctx, it)) != PY_STOP;) {
        if (py_truthy(ctx, x)) {
            return PY_TRUE;
        }
    }
    return PY_FALSE;
}
static PY_FUN(b_all_obj, "all", 1, 1, b_all);
static PY_FUN(b_any_obj, "any", 1, 1, b_any);

static py_val b_sorted(py_ctx *ctx, size_t n_args, size_t n_kw, const py_val *args)
{
    static const py_arg_spec spec[] = {{0, PY_ARG_REQUIRED, PY_NULL},
                                       {PY_Q_key, PY_ARG_KWONLY, PY_NONE},
                                       {PY_Q_reverse, PY_ARG_KWONLY, PY_FALSE}};
    py_val a[3];
    py_parse_args(ctx, n_args, n_kw, args, spec, 3, a);
    py_val l = py_list_from_iter(ctx, a[0]);
    py_list_sort(ctx, l, a[1], py_truthy(ctx, a[2]));
    return l;
}
static PY_FUN_KWARGS(b_sorted_obj, "sorted", 1, b_sorted);

static py_val b_len(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return PY_MK_SMALL(py_len(ctx, args[0]));
}
static PY_FUN(b_len_obj, "len", 1, 1, b_len);

/* --- objects and attributes ----------------------------------------------------------- */

static bool isinstance_any(py_ctx *ctx, py_val v, py_val t, bool sub, int depth)
{
    if (py_type_of(t) == &py_type_tuple) {
        py_tuple *tt = PY_PTR(t);
        for (size_t i = 0; i < tt->len; i++) {
            if (depth < 16 && isinstance_any(ctx, v, tt->items[i], sub, depth + 1)) {
                return true;
            }
        }
        return false;
    }
    if (py_type_of(t) != &py_type_type) {
        py_raise(ctx, &py_type_TypeError, "%s() arg 2 must be a type, a tuple of types, or a union",
                 sub ? "issubclass" : "isinstance");
    }
    if (sub) {
        return py_issubclass(ctx, PY_PTR(v), PY_PTR(t));
    }
    return py_isinstance(ctx, v, PY_PTR(t));
}

static py_val b_isinstance(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return PY_BOOL(isinstance_any(ctx, args[0], args[1], false, 0));
}
static py_val b_issubclass(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    if (py_type_of(args[0]) != &py_type_type) {
        py_raise(ctx, &py_type_TypeError, "issubclass() arg 1 must be a class");
    }
    return PY_BOOL(isinstance_any(ctx, args[0], args[1], true, 0));
}
static PY_FUN(b_isinstance_obj, "isinstance", 2, 2, b_isinstance);
static PY_FUN(b_issubclass_obj, "issubclass", 2, 2, b_issubclass);

static py_val b_callable(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return PY_BOOL(py_is_callable(ctx, args[0]));
}
static PY_FUN(b_callable_obj, "callable", 1, 1, b_callable);

static py_qstr attr_name(py_ctx *ctx, py_val v)
{
    if (!py_is_str(v) || py_type_of(v) != &py_type_str) {
        py_raise(ctx, &py_type_TypeError, "attribute name must be string, not '%s'",
                 py_type_name(v));
    }
    size_t n;
    const char *s = py_str_get(ctx, v, &n);
    return py_qstr_from(ctx, s, n);
}

static py_val b_getattr(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    py_qstr q = attr_name(ctx, args[1]);
    if (n == 2) {
        return py_getattr(ctx, args[0], q);
    }
    py_jmp j;
    if (py_try(ctx, &j) == 0) {
        py_val v = py_getattr(ctx, args[0], q);
        py_try_end(ctx, &j);
        return v;
    }
    if (py_isinstance(ctx, j.exc, &py_type_AttributeError)) {
        return args[2];
    }
    py_raise_obj(ctx, j.exc);
}
static PY_FUN(b_getattr_obj, "getattr", 2, 3, b_getattr);

static py_val b_setattr(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    py_setattr(ctx, args[0], attr_name(ctx, args[1]), args[2]);
    return PY_NONE;
}
static PY_FUN(b_setattr_obj, "setattr", 3, 3, b_setattr);

static py_val b_delattr(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    py_delattr(ctx, args[0], attr_name(ctx, args[1]));
    return PY_NONE;
}
static PY_FUN(b_delattr_obj, "delattr", 2, 2, b_delattr);

static py_val b_hasattr(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    py_qstr q = attr_name(ctx, args[1]);
    py_jmp j;
    if (py_try(ctx, &j) == 0) {
        py_val v = py_getattr_opt(ctx, args[0], q);
        py_try_end(ctx, &j);
        return PY_BOOL(v != PY_NULL);
    }
    if (py_isinstance(ctx, j.exc, &py_type_AttributeError)) {
        return PY_FALSE;
    }
    py_raise_obj(ctx, j.exc);
}
static PY_FUN(b_hasattr_obj, "hasattr", 2, 2, b_hasattr);

static py_val b_id(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return py_int_from_u(ctx, (uintmax_t)args[0]);
}
static PY_FUN(b_id_obj, "id", 1, 1, b_id);

static py_val b_hash(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return py_int_from(ctx, py_hash(ctx, args[0]));
}
static PY_FUN(b_hash_obj, "hash", 1, 1, b_hash);

static py_val b_iter(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    if (n == 2) {
        /* iter(callable, sentinel): a generator-like object via a tuple */
        extern py_val py_callable_iter_new(py_ctx * ctx, py_val fn, py_val sentinel);
        return py_callable_iter_new(ctx, args[0], args[1]);
    }
    return py_iter(ctx, args[0]);
}
static PY_FUN(b_iter_obj, "iter", 1, 2, b_iter);

typedef struct callable_iter {
    py_obj base;
    py_val fn, sentinel;
} callable_iter;

static py_val callable_iter_next(py_ctx *ctx, py_val self)
{
    callable_iter *c = PY_PTR(self);
    if (c->fn == PY_NULL) {
        return PY_STOP;
    }
    py_val v = py_call(ctx, c->fn, 0, NULL);
    if (py_equal(ctx, v, c->sentinel)) {
        c->fn = PY_NULL;
        return PY_STOP;
    }
    return v;
}

static const py_type callable_iter_type = {
    {&py_type_type}, "callable_iterator", PY_TF_ITER_SELF, .iternext = callable_iter_next};

py_val py_callable_iter_new(py_ctx *ctx, py_val fn, py_val sentinel)
{
    callable_iter *c = py_obj_new(ctx, &callable_iter_type, sizeof(callable_iter));
    c->fn = fn;
    c->sentinel = sentinel;
    return PY_VAL(c);
}

static py_val b_next(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    const py_type *t = py_type_of(args[0]);
    if (t->iternext == NULL && !(t->flags & PY_TF_CLASS)) {
        py_raise(ctx, &py_type_TypeError, "'%s' object is not an iterator", t->name);
    }
    if (t == &py_type_generator) {
        int y;
        py_val r = py_gen_resume(ctx, PY_PTR(args[0]), PY_NONE, PY_NULL, &y);
        if (y) {
            return r;
        }
        if (n == 2) {
            return args[1];
        }
        if (r == PY_NONE || r == PY_STOP) {
            py_raise_obj(ctx, py_exc_new(ctx, &py_type_StopIteration, 0, NULL));
        }
        py_raise_obj(ctx, py_exc_new(ctx, &py_type_StopIteration, 1, &r));
    }
    py_val v = py_next(ctx, args[0]);
    if (v == PY_STOP) {
        if (n == 2) {
            return args[1];
        }
        py_raise_obj(ctx, py_exc_new(ctx, &py_type_StopIteration, 0, NULL));
    }
    return v;
}
static PY_FUN(b_next_obj, "next", 1, 2, b_next);

static py_val b_repr(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return py_repr(ctx, args[0]);
}
static PY_FUN(b_repr_obj, "repr", 1, 1, b_repr);

py_val py_ascii(py_ctx *ctx, py_val v)
{
    py_val r = py_repr(ctx, v);
    size_t len;
    const char *s = py_str_get(ctx, r, &len);
    py_strbuf b;
    py_strbuf_init(ctx, &b, len);
    for (size_t i = 0; i < len;) {
        uint8_t c = (uint8_t)s[i];
        if (c < 0x80) {
            py_strbuf_addc(&b, (char)c);
            i++;
            continue;
        }
        int extra = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : 1;
        uint32_t cp = c & (0x3f >> extra);
        for (int k = 1; k <= extra && i + (size_t)k < len; k++) {
            cp = (cp << 6) | ((uint8_t)s[i + (size_t)k] & 0x3f);
        }
        i += (size_t)extra + 1;
        if (cp < 0x100) {
            py_printf(ctx, &b.p, "\\x%02x", cp);
        } else if (cp < 0x10000) {
            py_printf(ctx, &b.p, "\\u%04x", cp);
        } else {
            py_printf(ctx, &b.p, "\\U%08x", cp);
        }
        s = py_str_get(ctx, r, &len);
    }
    return py_strbuf_finish(&b, &py_type_str);
}

static py_val b_ascii(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    return py_ascii(ctx, args[0]);
}
static PY_FUN(b_ascii_obj, "ascii", 1, 1, b_ascii);

/* --- code execution --------------------------------------------------------------------- */

static py_code *source_arg(py_ctx *ctx, py_val src, int mode, bool sep_locals)
{
    if (py_type_of(src) == &py_type_code) {
        return PY_PTR(src);
    }
    size_t n;
    const char *s = py_str_get(ctx, src, &n);
    (void)sep_locals;
    return py_compile(ctx, s, n, PY_Q_lt_string, mode | PY_COMPILE_NAMES);
}

static void exec_scopes(py_ctx *ctx, size_t n, const py_val *args, py_dict **g, py_dict **l)
{
    *g = n > 1 && args[1] != PY_NONE ? PY_PTR(args[1]) : NULL;
    *l = n > 2 && args[2] != PY_NONE ? PY_PTR(args[2]) : NULL;
    if (*g != NULL && !py_isinstance(ctx, PY_VAL(*g), &py_type_dict)) {
        py_raise(ctx, &py_type_TypeError, "globals must be a dict");
    }
    if (*g == NULL) {
        py_frame *f = ctx->frame;
        *g = f ? f->globals : PY_PTR(((py_module *)PY_PTR(ctx->main_module))->globals);
        if (*l == NULL && f != NULL && f->locals_dict != NULL) {
            *l = f->locals_dict;
        }
    }
    if (py_dict_lookup_q(ctx, *g, PY_Q___builtins__) == NULL) {
        py_dict_store_q(ctx, *g, PY_Q___builtins__,
                        py_dict_get(ctx, PY_VAL(ctx->modules), PY_MK_QSTR(PY_Q_builtins)));
    }
}

static py_val b_exec(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    py_dict *g, *l;
    exec_scopes(ctx, n, args, &g, &l);
    py_code *co = source_arg(ctx, args[0], RTPY_MODE_FILE, l != NULL && l != g);
    py_run_code(ctx, co, g, l);
    return PY_NONE;
}
static PY_FUN(b_exec_obj, "exec", 1, 3, b_exec);

static py_val b_eval(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    py_dict *g, *l;
    exec_scopes(ctx, n, args, &g, &l);
    py_code *co = source_arg(ctx, args[0], RTPY_MODE_EVAL, false);
    return py_run_code(ctx, co, g, l);
}
static PY_FUN(b_eval_obj, "eval", 1, 3, b_eval);

static py_val b_compile(py_ctx *ctx, size_t n_args, size_t n_kw, const py_val *args)
{
    static const py_arg_spec spec[] = {{PY_Q_source, PY_ARG_REQUIRED, PY_NULL},
                                       {PY_Q_filename, PY_ARG_REQUIRED, PY_NULL},
                                       {PY_Q_mode, PY_ARG_REQUIRED, PY_NULL},
                                       {PY_Q_flags, 0, PY_MK_SMALL(0)},
                                       {PY_Q_dont_inherit, 0, PY_FALSE}};
    py_val a[5];
    py_parse_args(ctx, n_args, n_kw, args, spec, 5, a);
    size_t n, mn, fn;
    const char *s = py_str_get(ctx, a[0], &n);
    const char *m = py_str_get(ctx, a[2], &mn);
    const char *f = py_str_get(ctx, a[1], &fn);
    int mode = mn == 4 && !memcmp(m, "exec", 4)     ? RTPY_MODE_FILE
               : mn == 4 && !memcmp(m, "eval", 4)   ? RTPY_MODE_EVAL
               : mn == 6 && !memcmp(m, "single", 6) ? RTPY_MODE_SINGLE
                                                    : -1;
    if (mode < 0) {
        py_raise(ctx, &py_type_ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
    }
    py_qstr file = py_qstr_from(ctx, f, fn);
    s = py_str_get(ctx, a[0], &n);
    return PY_VAL(py_compile(ctx, s, n, file, mode));
}
static PY_FUN_KWARGS(b_compile_obj, "compile", 3, b_compile);

static py_val b_globals(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    py_frame *f = ctx->frame;
    return f ? PY_VAL(f->globals) : PY_VAL(((py_module *)PY_PTR(ctx->main_module))->globals);
}
static PY_FUN(b_globals_obj, "globals", 0, 0, b_globals);

static py_val b_locals(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    py_frame *f = ctx->frame;
    if (f == NULL || f->locals_dict != NULL || (f->code->flags & PY_CO_MODULE)) {
        return f && f->locals_dict ? PY_VAL(f->locals_dict) : b_globals(ctx, 0, 0, args);
    }
    py_val d = py_dict_new(ctx);
    py_code *co = f->code;
    for (size_t i = 0; i < co->n_locals; i++) {
        py_val v = f->locals[i];
        if (v == PY_NULL) {
            continue;
        }
        bool cell = false;
        for (size_t k = 0; k < co->n_cells; k++) {
            cell |= co->cells[k] == i;
        }
        if (cell || i >= (size_t)(co->n_locals - co->n_free)) {
            v = ((py_cell *)v)->v;
            if (v == PY_NULL) {
                continue;
            }
        }
        py_dict_set(ctx, d, PY_MK_QSTR(co->names[i]), v);
    }
    return d;
}
static PY_FUN(b_locals_obj, "locals", 0, 0, b_locals);

static py_val b_dir(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    if (n == 0) {
        py_val l = py_list_from_iter(ctx, b_locals(ctx, 0, 0, args));
        py_list_sort(ctx, l, PY_NONE, false);
        return l;
    }
    return py_dir(ctx, args[0]);
}
static PY_FUN(b_dir_obj, "dir", 0, 1, b_dir);

static py_val b_vars(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    if (n == 0) {
        return b_locals(ctx, 0, 0, args);
    }
    py_val d = py_getattr_opt(ctx, args[0], PY_Q___dict__);
    if (d == PY_NULL) {
        py_raise(ctx, &py_type_TypeError, "vars() argument must have __dict__ attribute");
    }
    return d;
}
static PY_FUN(b_vars_obj, "vars", 0, 1, b_vars);

static py_val b_help(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    py_val out = ctx->sys_stdout;
    if (n == 0) {
        static const char msg[] =
            "Welcome to rtpy, a MicroPython-compatible Python for RT-Thread.\n"
            "Type dir(obj) to list an object's attributes, help(obj) for its type.\n";
        py_file_write(ctx, out, msg, sizeof(msg) - 1);
        return PY_NONE;
    }
    py_strbuf b;
    py_strbuf_init(ctx, &b, 64);
    py_printf(ctx, &b.p, "object %r is of type %s\n", args[0], py_type_name(args[0]));
    py_val names = py_dir(ctx, args[0]);
    py_list *l = PY_PTR(names);
    for (size_t i = 0; i < l->len; i++) {
        py_printf(ctx, &b.p, "  %S\n", l->items[i]);
    }
    py_file_write(ctx, out, b.buf + sizeof(py_str_obj), b.len);
    return PY_NONE;
}
static PY_FUN(b_help_obj, "help", 0, 1, b_help);

static py_val b_format(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    if (n > 1 && py_type_of(args[1]) != &py_type_str) {
        py_raise(ctx, &py_type_TypeError, "format() argument 2 must be str, not %s",
                 py_type_name(args[1]));
    }
    return py_format_value(ctx, args[0], n > 1 ? args[1] : PY_NULL);
}
static PY_FUN(b_format_obj, "format", 1, 2, b_format);

static py_val b_build_class(py_ctx *ctx, size_t n_args, size_t n_kw, const py_val *args)
{
    if (n_args < 2 || py_type_of(args[0]) != &py_type_function) {
        py_raise(ctx, &py_type_TypeError, "__build_class__: func must be a function");
    }
    py_val meta = PY_NULL;
    for (size_t i = 0; i < n_kw; i++) {
        if (PY_QSTR(args[n_args + 2 * i]) == PY_Q_metaclass) {
            meta = args[n_args + 2 * i + 1];
        }
    }
    if (meta == PY_NULL) {
        for (size_t i = 2; i < n_args; i++) {
            const py_type *mt = py_type_of(args[i]);
            if (mt != &py_type_type && (mt->flags & PY_TF_CLASS)) {
                meta = PY_VAL(mt);
            }
        }
    }
    return py_build_class(ctx, args[0], PY_QSTR(args[1]), n_args - 2, args + 2, meta);
}
static PY_FUN_KWARGS(b_build_class_obj, "__build_class__", 2, b_build_class);

static py_val b_import(py_ctx *ctx, size_t n_args, size_t n_kw, const py_val *args)
{
    static const py_arg_spec spec[] = {{PY_Q_name, PY_ARG_REQUIRED, PY_NULL},
                                       {PY_Q_globals, 0, PY_NONE},
                                       {PY_Q_locals, 0, PY_NONE},
                                       {PY_Q_fromlist, 0, PY_NONE},
                                       {PY_Q_level, 0, PY_MK_SMALL(0)}};
    py_val a[5];
    py_parse_args(ctx, n_args, n_kw, args, spec, 5, a);
    size_t n;
    const char *s = py_str_get(ctx, a[0], &n);
    return py_import(ctx, py_qstr_from(ctx, s, n), a[3], (int)py_int_get(ctx, a[4]));
}
static PY_FUN_KWARGS(b_import_obj, "__import__", 1, b_import);

static py_val b_open(py_ctx *ctx, size_t n_args, size_t n_kw, const py_val *args)
{
    return py_open(ctx, n_args, n_kw, args);
}
static PY_FUN_KWARGS(b_open_obj, "open", 1, b_open);

/* --- bytearray (a growable bytes buffer) --------------------------------------------------- */

typedef struct py_bytearray {
    py_obj base;
    size_t len, alloc;
    char *data;
} py_bytearray;

static py_val bytearray_make_new(py_ctx *ctx, const py_type *type, size_t n_args, size_t n_kw,
                                 const py_val *args)
{
    py_val src = PY_NULL;
    if (n_args >= 1) {
        src = py_type_of(args[0]) == &py_type_str ? py_bytes_new(ctx, "", 0) : args[0];
        if (py_type_of(args[0]) == &py_type_str) {
            size_t n;
            const char *s = py_str_get(ctx, args[0], &n);
            src = py_bytes_new(ctx, s, n);
        } else {
            src = py_bytes_from(ctx, args[0], &py_type_bytearray);
        }
    }
    py_bytearray *b = py_obj_new(ctx, &py_type_bytearray, sizeof(py_bytearray));
    size_t n = 0;
    const char *s = src != PY_NULL ? py_str_get(ctx, src, &n) : "";
    b->alloc = n < 8 ? 8 : n;
    b->data = py_alloc_raw(ctx, b->alloc);
    s = src != PY_NULL ? py_str_get(ctx, src, &n) : "";
    memcpy(b->data, s, n);
    b->len = n;
    return PY_VAL(b);
}

static void ba_reserve(py_ctx *ctx, py_bytearray *b, size_t need)
{
    if (need > b->alloc) {
        size_t na = b->alloc * 2 > need ? b->alloc * 2 : need;
        b->data = py_realloc(ctx, b->data, b->alloc, na);
        b->alloc = na;
    }
}

static void bytearray_print(py_ctx *ctx, py_print *p, py_val self, int kind)
{
    py_bytearray *b = PY_PTR(self);
    py_print_str(p, "bytearray(");
    py_print_quoted(p, b->data, b->len, true);
    py_print_str(p, ")");
}

static py_val bytearray_unary_op(py_ctx *ctx, int op, py_val self)
{
    py_bytearray *b = PY_PTR(self);
    if (op == PY_OP_LEN) {
        return PY_MK_SMALL(b->len);
    }
    if (op == PY_OP_BOOL) {
        return PY_BOOL(b->len != 0);
    }
    return PY_NULL;
}

static py_val bytearray_binary_op(py_ctx *ctx, int op, py_val a, py_val c)
{
    if (op == PY_OP_IADD && py_type_of(a) == &py_type_bytearray) {
        size_t n;
        const char *s = py_str_get(ctx, c, &n);
        py_bytearray *b = PY_PTR(a);
        ba_reserve(ctx, b, b->len + n);
        s = py_str_get(ctx, c, &n);
        memcpy(b->data + b->len, s, n);
        b->len += n;
        return a;
    }
    py_val av = py_type_of(a) == &py_type_bytearray
                    ? py_bytes_new(ctx, ((py_bytearray *)a)->data, ((py_bytearray *)a)->len)
                    : a;
    py_val cv = py_type_of(c) == &py_type_bytearray
                    ? py_bytes_new(ctx, ((py_bytearray *)c)->data, ((py_bytearray *)c)->len)
                    : c;
    if (op >= PY_OP_IADD && op <= PY_OP_IXOR) {
        op -= PY_INPLACE_DELTA;
    }
    py_val r = py_type_bytes.binary_op(ctx, op, av, cv);
    bool keeps_type = op == PY_OP_ADD || op == PY_OP_MUL || op == PY_OP_MOD;
    if (r != PY_NULL && py_type_of(r) == &py_type_bytes && keeps_type) {
        py_val arg = r;
        return bytearray_make_new(ctx, &py_type_bytearray, 1, 0, &arg);
    }
    return r;
}

/* del b[start::step] for step != 1: keep the bytes the slice does not select, in order. */
static void ba_del_extended(py_bytearray *b, intptr_t start, intptr_t step, size_t count)
{
    if (count == 0) {
        return;
    }
    size_t lo = (size_t)(step > 0 ? start : start + (intptr_t)(count - 1) * step);
    size_t stride = (size_t)(step > 0 ? step : -step);
    size_t out = 0;
    for (size_t j = 0; j < b->len; j++) {
        bool hit = j >= lo && (j - lo) % stride == 0 && (j - lo) / stride < count;
        if (!hit) {
            b->data[out++] = b->data[j];
        }
    }
    b->len = out;
}

static py_val bytearray_subscr(py_ctx *ctx, py_val self, py_val index, py_val value)
{
    py_bytearray *b = PY_PTR(self);
    if (py_type_of(index) == &py_type_slice) {
        intptr_t start, step;
        size_t count = py_slice_indices(ctx, index, b->len, &start, &step);
        if (value == PY_NULL) {
            py_bytearray *r = PY_PTR(bytearray_make_new(ctx, &py_type_bytearray, 0, 0, NULL));
            ba_reserve(ctx, r, count);
            for (size_t i = 0; i < count; i++) {
                r->data[i] = b->data[start + (intptr_t)i * step];
            }
            r->len = count;
            return PY_VAL(r);
        }
        if (value == PY_STOP && step != 1) {
            ba_del_extended(b, start, step, count);
            return PY_NONE;
        }
        py_val src = value == PY_STOP ? py_bytes_new(ctx, "", 0)
                                      : py_bytes_from(ctx, value, &py_type_bytearray);
        size_t n;
        const char *s = py_str_get(ctx, src, &n);
        if (step != 1) {
            if (n != count) {
                py_raise(ctx, &py_type_ValueError,
                         "attempt to assign bytes of size %d to extended slice of size %d", (int)n,
                         (int)count);
            }
            for (size_t i = 0; i < n; i++) {
                b->data[start + (intptr_t)i * step] = s[i];
            }
            return PY_NONE;
        }
        size_t newlen = b->len - count + n;
        ba_reserve(ctx, b, newlen);
        s = py_str_get(ctx, src, &n);
        memmove(b->data + start + n, b->data + start + count, b->len - (size_t)start - count);
        memcpy(b->data + start, s, n);
        b->len = newlen;
        return PY_NONE;
    }
    size_t i = py_index(ctx, index, b->len, "bytearray");
    if (value == PY_NULL) {
        return PY_MK_SMALL((uint8_t)b->data[i]);
    }
    if (value == PY_STOP) {
        memmove(b->data + i, b->data + i + 1, b->len - i - 1);
        b->len--;
        return PY_NONE;
    }
    intmax_t v = py_int_get(ctx, value);
    if (v < 0 || v > 255) {
        py_raise(ctx, &py_type_ValueError, "byte must be in range(0, 256)");
    }
    b->data[i] = (char)v;
    return PY_NONE;
}

typedef struct ba_iter {
    py_obj base;
    py_bytearray *b;
    size_t pos;
} ba_iter;

static py_val ba_iternext(py_ctx *ctx, py_val self)
{
    ba_iter *it = PY_PTR(self);
    if (it->pos >= it->b->len) {
        return PY_STOP;
    }
    return PY_MK_SMALL((uint8_t)it->b->data[it->pos++]);
}

static const py_type ba_iter_type = {
    {&py_type_type}, "bytearray_iterator", PY_TF_ITER_SELF, .iternext = ba_iternext};

static py_val bytearray_getiter(py_ctx *ctx, py_val self)
{
    ba_iter *it = py_obj_new(ctx, &ba_iter_type, sizeof(ba_iter));
    it->b = PY_PTR(self);
    return PY_VAL(it);
}

static py_val ba_append(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    py_bytearray *b = PY_PTR(args[0]);
    intmax_t v = py_int_get(ctx, args[1]);
    if (v < 0 || v > 255) {
        py_raise(ctx, &py_type_ValueError, "byte must be in range(0, 256)");
    }
    ba_reserve(ctx, b, b->len + 1);
    b->data[b->len++] = (char)v;
    return PY_NONE;
}
static PY_FUN(ba_append_obj, "append", 2, 2, ba_append);

static py_val ba_extend(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    py_val src = py_bytes_from(ctx, args[1], &py_type_bytearray);
    return bytearray_binary_op(ctx, PY_OP_IADD, args[0], src) == PY_NULL ? PY_NULL : PY_NONE;
}
static PY_FUN(ba_extend_obj, "extend", 2, 2, ba_extend);

static py_val ba_decode(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    py_bytearray *b = PY_PTR(args[0]);
    py_val bytes = py_bytes_new(ctx, b->data, b->len);
    return py_call_method(ctx, bytes, PY_Q_decode, 0, NULL);
}
static PY_FUN(ba_decode_obj, "decode", 1, 3, ba_decode);

static py_val ba_pop(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    py_bytearray *b = PY_PTR(args[0]);
    if (b->len == 0) {
        py_raise(ctx, &py_type_IndexError, "pop from empty bytearray");
    }
    size_t i = n > 1 ? py_index(ctx, args[1], b->len, "pop") : b->len - 1;
    py_val v = PY_MK_SMALL((uint8_t)b->data[i]);
    memmove(b->data + i, b->data + i + 1, b->len - i - 1);
    b->len--;
    return v;
}
static PY_FUN(ba_pop_obj, "pop", 1, 2, ba_pop);

static py_val ba_hex(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    py_bytearray *b = PY_PTR(args[0]);
    py_val bytes = py_bytes_new(ctx, b->data, b->len);
    return py_call_method(ctx, bytes, PY_Q_hex, n - 1, args + 1);
}
static PY_FUN(ba_hex_obj, "hex", 1, 3, ba_hex);

static py_val ba_clear(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    ((py_bytearray *)PY_PTR(args[0]))->len = 0;
    return PY_NONE;
}
static PY_FUN(ba_clear_obj, "clear", 1, 1, ba_clear);

/* Methods bytearray shares with bytes run the bytes implementation (which reads any bytes-like
 * self) and turn bytes results, also inside lists and tuples, into bytearrays as CPython does. */
static py_val ba_from_bytes(py_ctx *ctx, py_val v)
{
    if (py_type_of(v) == &py_type_bytes) {
        return bytearray_make_new(ctx, &py_type_bytearray, 1, 0, &v);
    }
    if (py_type_of(v) == &py_type_list) {
        py_list *l = PY_PTR(v);
        for (size_t i = 0; i < l->len; i++) {
            l->items[i] = ba_from_bytes(ctx, l->items[i]);
        }
        return v;
    }
    if (py_type_of(v) == &py_type_tuple) {
        py_tuple *t = PY_PTR(v);
        py_val r = py_tuple_new(ctx, t->len, t->items);
        for (size_t i = 0; i < t->len; i++) {
            ((py_tuple *)PY_PTR(r))->items[i] = ba_from_bytes(ctx, t->items[i]);
        }
        return r;
    }
    return v;
}

static py_val ba_forward(py_ctx *ctx, const char *name, size_t n, size_t nkw, const py_val *args)
{
    py_qstr q = py_qstr_from(ctx, name, strlen(name));
    py_val m = py_lookup_type_attr(ctx, &py_type_bytes, q);
    if (m == PY_NULL) {
        py_raise(ctx, &py_type_AttributeError, "'bytearray' object has no attribute '%s'", name);
    }
    py_val r = py_call_kw(ctx, m, n, nkw, args);
    if (r == args[0]) { /* bytes methods may return self unchanged; a bytearray needs a copy */
        return bytearray_make_new(ctx, &py_type_bytearray, 1, 0, &r);
    }
    return ba_from_bytes(ctx, r);
}

#define BA_FORWARD(id)                                                               \
    static py_val ba_fwd_##id(py_ctx *ctx, size_t n, size_t nkw, const py_val *args) \
    {                                                                                \
        return ba_forward(ctx, #id, n, nkw, args);                                   \
    }                                                                                \
    static PY_FUN_KWARGS(ba_fwd_##id##_obj, #id, 1, ba_fwd_##id);
BA_FORWARD(join)
BA_FORWARD(split)
BA_FORWARD(rsplit)
BA_FORWARD(strip)
BA_FORWARD(lstrip)
BA_FORWARD(rstrip)
BA_FORWARD(find)
BA_FORWARD(rfind)
BA_FORWARD(index)
BA_FORWARD(rindex)
BA_FORWARD(count)
BA_FORWARD(startswith)
BA_FORWARD(endswith)
BA_FORWARD(replace)
BA_FORWARD(lower)
BA_FORWARD(upper)
BA_FORWARD(isdigit)
BA_FORWARD(isalpha)
BA_FORWARD(isspace)
BA_FORWARD(isalnum)
BA_FORWARD(isupper)
BA_FORWARD(islower)
BA_FORWARD(ljust)
BA_FORWARD(rjust)
BA_FORWARD(center)
BA_FORWARD(zfill)
BA_FORWARD(partition)
BA_FORWARD(rpartition)
BA_FORWARD(splitlines)
BA_FORWARD(swapcase)
BA_FORWARD(capitalize)
BA_FORWARD(title)
BA_FORWARD(removeprefix)
BA_FORWARD(removesuffix)
BA_FORWARD(istitle)
BA_FORWARD(isascii)

static py_val ba_fromhex(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    py_val m = py_getattr(ctx, PY_VAL(&py_type_bytes), py_qstr_from(ctx, "fromhex", 7));
    return ba_from_bytes(ctx, py_call(ctx, m, n - 1, args + 1));
}
static PY_FUN(ba_fromhex_fun, "fromhex", 2, 2, ba_fromhex);
static PY_CLASSMETHOD(ba_fromhex_obj, ba_fromhex_fun);

static py_val ba_insert(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    py_bytearray *b = PY_PTR(args[0]);
    intmax_t i = py_int_get(ctx, args[1]);
    intmax_t v = py_int_get(ctx, args[2]);
    if (v < 0 || v > 255) {
        py_raise(ctx, &py_type_ValueError, "byte must be in range(0, 256)");
    }
    /* list.insert semantics: negative counts from the end, out of range clamps */
    intmax_t len = (intmax_t)b->len;
    i = i < 0 ? (i + len < 0 ? 0 : i + len) : (i > len ? len : i);
    ba_reserve(ctx, b, b->len + 1);
    memmove(b->data + i + 1, b->data + i, b->len - (size_t)i);
    b->data[i] = (char)v;
    b->len++;
    return PY_NONE;
}
static PY_FUN(ba_insert_obj, "insert", 3, 3, ba_insert);

static py_val ba_reverse(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    py_bytearray *b = PY_PTR(args[0]);
    for (size_t i = 0; i < b->len / 2; i++) {
        char t = b->data[i];
        b->data[i] = b->data[b->len - 1 - i];
        b->data[b->len - 1 - i] = t;
    }
    return PY_NONE;
}
static PY_FUN(ba_reverse_obj, "reverse", 1, 1, ba_reverse);

static py_val ba_remove(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    py_bytearray *b = PY_PTR(args[0]);
    intmax_t v = py_int_get(ctx, args[1]);
    if (v < 0 || v > 255) {
        py_raise(ctx, &py_type_ValueError, "byte must be in range(0, 256)");
    }
    char *at = b->len ? memchr(b->data, (int)v, b->len) : NULL;
    if (at == NULL) {
        py_raise(ctx, &py_type_ValueError, "value not found in bytearray");
    }
    memmove(at, at + 1, b->len - (size_t)(at - b->data) - 1);
    b->len--;
    return PY_NONE;
}
static PY_FUN(ba_remove_obj, "remove", 2, 2, ba_remove);

static py_val ba_copy(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    py_val self = args[0];
    return bytearray_make_new(ctx, &py_type_bytearray, 1, 0, &self);
}
static PY_FUN(ba_copy_obj, "copy", 1, 1, ba_copy);

static const py_attr_def bytearray_locals[] = {
    {"append", PY_OBJV(&ba_append_obj)},
    {"join", PY_OBJV(&ba_fwd_join_obj)},
    {"split", PY_OBJV(&ba_fwd_split_obj)},
    {"rsplit", PY_OBJV(&ba_fwd_rsplit_obj)},
    {"strip", PY_OBJV(&ba_fwd_strip_obj)},
    {"lstrip", PY_OBJV(&ba_fwd_lstrip_obj)},
    {"rstrip", PY_OBJV(&ba_fwd_rstrip_obj)},
    {"find", PY_OBJV(&ba_fwd_find_obj)},
    {"rfind", PY_OBJV(&ba_fwd_rfind_obj)},
    {"index", PY_OBJV(&ba_fwd_index_obj)},
    {"rindex", PY_OBJV(&ba_fwd_rindex_obj)},
    {"count", PY_OBJV(&ba_fwd_count_obj)},
    {"startswith", PY_OBJV(&ba_fwd_startswith_obj)},
    {"endswith", PY_OBJV(&ba_fwd_endswith_obj)},
    {"replace", PY_OBJV(&ba_fwd_replace_obj)},
    {"lower", PY_OBJV(&ba_fwd_lower_obj)},
    {"upper", PY_OBJV(&ba_fwd_upper_obj)},
    {"isdigit", PY_OBJV(&ba_fwd_isdigit_obj)},
    {"isalpha", PY_OBJV(&ba_fwd_isalpha_obj)},
    {"isspace", PY_OBJV(&ba_fwd_isspace_obj)},
    {"isalnum", PY_OBJV(&ba_fwd_isalnum_obj)},
    {"isupper", PY_OBJV(&ba_fwd_isupper_obj)},
    {"islower", PY_OBJV(&ba_fwd_islower_obj)},
    {"ljust", PY_OBJV(&ba_fwd_ljust_obj)},
    {"rjust", PY_OBJV(&ba_fwd_rjust_obj)},
    {"center", PY_OBJV(&ba_fwd_center_obj)},
    {"zfill", PY_OBJV(&ba_fwd_zfill_obj)},
    {"partition", PY_OBJV(&ba_fwd_partition_obj)},
    {"rpartition", PY_OBJV(&ba_fwd_rpartition_obj)},
    {"splitlines", PY_OBJV(&ba_fwd_splitlines_obj)},
    {"swapcase", PY_OBJV(&ba_fwd_swapcase_obj)},
    {"capitalize", PY_OBJV(&ba_fwd_capitalize_obj)},
    {"title", PY_OBJV(&ba_fwd_title_obj)},
    {"removeprefix", PY_OBJV(&ba_fwd_removeprefix_obj)},
    {"removesuffix", PY_OBJV(&ba_fwd_removesuffix_obj)},
    {"istitle", PY_OBJV(&ba_fwd_istitle_obj)},
    {"isascii", PY_OBJV(&ba_fwd_isascii_obj)},
    {"fromhex", PY_OBJV(&ba_fromhex_obj)},
    {"insert", PY_OBJV(&ba_insert_obj)},
    {"reverse", PY_OBJV(&ba_reverse_obj)},
    {"remove", PY_OBJV(&ba_remove_obj)},
    {"copy", PY_OBJV(&ba_copy_obj)},
    {"extend", PY_OBJV(&ba_extend_obj)},
    {"decode", PY_OBJV(&ba_decode_obj)},
    {"pop", PY_OBJV(&ba_pop_obj)},
    {"hex", PY_OBJV(&ba_hex_obj)},
    {"clear", PY_OBJV(&ba_clear_obj)},
    {NULL, 0},
};

const py_type py_type_bytearray = {
    {&py_type_type},
    "bytearray",
    PY_TF_BASETYPE,
    bytearray_make_new,
    bytearray_print,
    NULL,
    bytearray_unary_op,
    bytearray_binary_op,
    NULL,
    bytearray_subscr,
    bytearray_getiter,
    NULL,
    bytearray_locals,
    .inst_size = sizeof(py_bytearray),
};

/* memoryview: a strided window over bytes (read-only) or bytearray (writable) */
typedef struct py_memview {
    py_obj base;
    py_val obj;
    size_t start, len;
    intptr_t step;
} py_memview;

static py_val memview_make_new(py_ctx *ctx, const py_type *type, size_t n_args, size_t n_kw,
                               const py_val *args)
{
    py_check_nargs(ctx, n_args, 1, 1);
    size_t n;
    py_str_get(ctx, args[0], &n);
    py_memview *m = py_obj_new(ctx, &py_type_memoryview, sizeof(py_memview));
    m->obj = args[0];
    m->len = n;
    m->step = 1;
    return PY_VAL(m);
}

/* The view's buffer; a bytearray may have shrunk since the view was made, so the view is
 * clamped to what is still there rather than reading past the end. */
static char *memview_buf(py_ctx *ctx, py_memview *m)
{
    size_t n;
    const char *s = py_str_get(ctx, m->obj, &n);
    if (m->len > 0) {
        intptr_t last = (intptr_t)m->start + (intptr_t)(m->len - 1) * m->step;
        if (last < 0 || (size_t)last >= n || m->start >= n) {
            m->len = 0;
        }
    }
    return (char *)s;
}

static void memview_check_writable(py_ctx *ctx, py_memview *m)
{
    if (py_type_of(m->obj) != &py_type_bytearray) {
        py_raise(ctx, &py_type_TypeError, "cannot modify read-only memory");
    }
}

static py_val memview_slice(py_ctx *ctx, py_memview *m, py_val index, py_val value)
{
    intptr_t start, step;
    size_t count = py_slice_indices(ctx, index, m->len, &start, &step);
    size_t first = (size_t)((intptr_t)m->start + start * m->step);
    if (value != PY_NULL) {
        memview_check_writable(ctx, m);
        char *s = memview_buf(ctx, m);
        size_t vn;
        const char *vs = py_str_get(ctx, value, &vn);
        if (vn != count) {
            py_raise(ctx, &py_type_ValueError,
                     "memoryview assignment: lvalue and rvalue have different structures");
        }
        for (size_t i = 0; i < count; i++) {
            s[(intptr_t)first + (intptr_t)i * step * m->step] = vs[i];
        }
        return PY_NONE;
    }
    py_memview *r = py_obj_new(ctx, &py_type_memoryview, sizeof(py_memview));
    r->obj = m->obj;
    r->start = count ? first : 0;
    r->len = count;
    r->step = step * m->step;
    return PY_VAL(r);
}

static py_val memview_subscr(py_ctx *ctx, py_val self, py_val index, py_val value)
{
    py_memview *m = PY_PTR(self);
    char *s = memview_buf(ctx, m);
    if (py_type_of(index) == &py_type_slice) {
        return memview_slice(ctx, m, index, value);
    }
    size_t i = py_index(ctx, index, m->len, "index");
    intptr_t at = (intptr_t)m->start + (intptr_t)i * m->step;
    if (value == PY_NULL) {
        return PY_MK_SMALL((uint8_t)s[at]);
    }
    memview_check_writable(ctx, m);
    s[at] = (char)py_int_get(ctx, value);
    return PY_NONE;
}

static py_val memview_unary_op(py_ctx *ctx, int op, py_val self)
{
    py_memview *m = PY_PTR(self);
    if (op == PY_OP_LEN) {
        memview_buf(ctx, m);
        return PY_MK_SMALL(m->len);
    }
    return PY_NULL;
}

static py_val memview_tobytes(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    py_memview *m = PY_PTR(args[0]);
    const char *s = memview_buf(ctx, m);
    if (m->step == 1) {
        return py_bytes_new(ctx, s + m->start, m->len);
    }
    py_str_obj *r = py_str_alloc(ctx, &py_type_bytes, m->len);
    s = memview_buf(ctx, m); /* the allocation may have run a collection */
    for (size_t i = 0; i < m->len; i++) {
        r->data[i] = s[(intptr_t)m->start + (intptr_t)i * m->step];
    }
    return py_str_finish(ctx, r);
}
static PY_FUN(memview_tobytes_obj, "tobytes", 1, 1, memview_tobytes);

static py_val memview_tolist(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    py_memview *m = PY_PTR(args[0]);
    const char *s = memview_buf(ctx, m);
    py_val list = py_list_new(ctx, 0, NULL);
    for (size_t i = 0; i < m->len; i++) {
        py_list_append(ctx, list,
                       PY_MK_SMALL((uint8_t)s[(intptr_t)m->start + (intptr_t)i * m->step]));
    }
    return list;
}
static PY_FUN(memview_tolist_obj, "tolist", 1, 1, memview_tolist);

static const py_attr_def memview_locals[] = {
    {"tobytes", PY_OBJV(&memview_tobytes_obj)},
    {"tolist", PY_OBJV(&memview_tolist_obj)},
    {NULL, 0},
};

static bool memview_attr(py_ctx *ctx, py_val self, py_qstr name, int op, py_val *value)
{
    py_memview *m = PY_PTR(self);
    if (op != PY_ATTR_LOAD) {
        return false;
    }
    if (name == PY_Q_readonly) {
        *value = PY_BOOL(py_type_of(m->obj) != &py_type_bytearray);
        return true;
    }
    if (name == PY_Q_obj) {
        *value = m->obj;
        return true;
    }
    if (name == PY_Q_nbytes || name == PY_Q_itemsize || name == PY_Q_ndim) {
        memview_buf(ctx, m);
        *value = PY_MK_SMALL(name == PY_Q_nbytes ? m->len : 1);
        return true;
    }
    if (name == PY_Q_format) { /* a view of bytes: unsigned chars */
        *value = py_str_new(ctx, "B", 1);
        return true;
    }
    return false;
}

/* == and != compare the viewed bytes with another view or a bytes-like object. */
static py_val memview_binary_op(py_ctx *ctx, int op, py_val a, py_val b)
{
    if (op != PY_OP_EQ && op != PY_OP_NE) {
        return PY_NULL;
    }
    py_val sides[2] = {a, b};
    for (int k = 0; k < 2; k++) {
        const py_type *t = py_type_of(sides[k]);
        if (t == &py_type_memoryview) {
            sides[k] = memview_tobytes(ctx, 1, 0, &sides[k]);
        } else if (t != &py_type_bytes && t != &py_type_bytearray) {
            return op == PY_OP_EQ ? PY_FALSE : PY_TRUE;
        }
    }
    size_t an, bn;
    const char *as = py_str_get(ctx, sides[0], &an);
    const char *bs = py_str_get(ctx, sides[1], &bn);
    bool eq = an == bn && memcmp(as, bs, an) == 0;
    return PY_BOOL(eq == (op == PY_OP_EQ));
}

static void memview_print(py_ctx *ctx, py_print *p, py_val self, int kind)
{
    py_printf(ctx, p, "<memory at 0x%lx>", (unsigned long)self);
}

static py_val memview_getiter(py_ctx *ctx, py_val self)
{
    py_val args[1] = {self};
    return py_iter(ctx, memview_tobytes(ctx, 1, 0, args));
}

const py_type py_type_memoryview = {
    {&py_type_type},  "memoryview",      0,
    memview_make_new, memview_print,     NULL,
    memview_unary_op, memview_binary_op, memview_attr,
    memview_subscr,   memview_getiter,   .locals = memview_locals,
};

/* --- the table ----------------------------------------------------------------------------- */

const py_attr_def py_builtins_attrs[] = {
    {"print", PY_OBJV(&b_print_obj)},
    {"input", PY_OBJV(&b_input_obj)},
    {"len", PY_OBJV(&b_len_obj)},
    {"abs", PY_OBJV(&b_abs_obj)},
    {"all", PY_OBJV(&b_all_obj)},
    {"any", PY_OBJV(&b_any_obj)},
    {"bin", PY_OBJV(&b_bin_obj)},
    {"oct", PY_OBJV(&b_oct_obj)},
    {"hex", PY_OBJV(&b_hex_obj)},
    {"chr", PY_OBJV(&b_chr_obj)},
    {"ord", PY_OBJV(&b_ord_obj)},
    {"divmod", PY_OBJV(&b_divmod_obj)},
    {"pow", PY_OBJV(&b_pow_obj)},
    {"round", PY_OBJV(&b_round_obj)},
    {"min", PY_OBJV(&b_min_obj)},
    {"max", PY_OBJV(&b_max_obj)},
    {"sum", PY_OBJV(&b_sum_obj)},
    {"sorted", PY_OBJV(&b_sorted_obj)},
    {"isinstance", PY_OBJV(&b_isinstance_obj)},
    {"issubclass", PY_OBJV(&b_issubclass_obj)},
    {"callable", PY_OBJV(&b_callable_obj)},
    {"getattr", PY_OBJV(&b_getattr_obj)},
    {"setattr", PY_OBJV(&b_setattr_obj)},
    {"hasattr", PY_OBJV(&b_hasattr_obj)},
    {"delattr", PY_OBJV(&b_delattr_obj)},
    {"id", PY_OBJV(&b_id_obj)},
    {"hash", PY_OBJV(&b_hash_obj)},
    {"iter", PY_OBJV(&b_iter_obj)},
    {"next", PY_OBJV(&b_next_obj)},
    {"repr", PY_OBJV(&b_repr_obj)},
    {"ascii", PY_OBJV(&b_ascii_obj)},
    {"exec", PY_OBJV(&b_exec_obj)},
    {"eval", PY_OBJV(&b_eval_obj)},
    {"compile", PY_OBJV(&b_compile_obj)},
    {"globals", PY_OBJV(&b_globals_obj)},
    {"locals", PY_OBJV(&b_locals_obj)},
    {"dir", PY_OBJV(&b_dir_obj)},
    {"vars", PY_OBJV(&b_vars_obj)},
    {"help", PY_OBJV(&b_help_obj)},
    {"open", PY_OBJV(&b_open_obj)},
    {"format", PY_OBJV(&b_format_obj)},
    {"__build_class__", PY_OBJV(&b_build_class_obj)},
    {"__import__", PY_OBJV(&b_import_obj)},
    {"int", PY_OBJV(&py_type_int)},
    {"float", PY_OBJV(&py_type_float)},
    {"complex", PY_OBJV(&py_type_complex)},
    {"bool", PY_OBJV(&py_type_bool)},
    {"str", PY_OBJV(&py_type_str)},
    {"bytes", PY_OBJV(&py_type_bytes)},
    {"bytearray", PY_OBJV(&py_type_bytearray)},
    {"memoryview", PY_OBJV(&py_type_memoryview)},
    {"list", PY_OBJV(&py_type_list)},
    {"tuple", PY_OBJV(&py_type_tuple)},
    {"dict", PY_OBJV(&py_type_dict)},
    {"set", PY_OBJV(&py_type_set)},
    {"frozenset", PY_OBJV(&py_type_frozenset)},
    {"range", PY_OBJV(&py_type_range)},
    {"slice", PY_OBJV(&py_type_slice)},
    {"enumerate", PY_OBJV(&py_type_enumerate)},
    {"zip", PY_OBJV(&py_type_zip)},
    {"map", PY_OBJV(&py_type_map)},
    {"filter", PY_OBJV(&py_type_filter)},
    {"reversed", PY_OBJV(&py_type_reversed)},
    {"property", PY_OBJV(&py_type_property)},
    {"object", PY_OBJV(&py_type_object)},
    {"type", PY_OBJV(&py_type_type)},
    {"super", PY_OBJV(&py_type_super)},
    {"classmethod", PY_OBJV(&py_type_classmethod)},
    {"staticmethod", PY_OBJV(&py_type_staticmethod)},
    {"NotImplemented", PY_OBJV(&py_notimpl_obj)},
    {"Ellipsis", PY_OBJV(&py_ellipsis_obj)},
    {"BaseException", PY_OBJV(&py_type_BaseException)},
    {"Exception", PY_OBJV(&py_type_Exception)},
    {"SystemExit", PY_OBJV(&py_type_SystemExit)},
    {"KeyboardInterrupt", PY_OBJV(&py_type_KeyboardInterrupt)},
    {"GeneratorExit", PY_OBJV(&py_type_GeneratorExit)},
    {"StopIteration", PY_OBJV(&py_type_StopIteration)},
    {"StopAsyncIteration", PY_OBJV(&py_type_StopAsyncIteration)},
    {"ArithmeticError", PY_OBJV(&py_type_ArithmeticError)},
    {"OverflowError", PY_OBJV(&py_type_OverflowError)},
    {"ZeroDivisionError", PY_OBJV(&py_type_ZeroDivisionError)},
    {"FloatingPointError", PY_OBJV(&py_type_FloatingPointError)},
    {"AssertionError", PY_OBJV(&py_type_AssertionError)},
    {"AttributeError", PY_OBJV(&py_type_AttributeError)},
    {"EOFError", PY_OBJV(&py_type_EOFError)},
    {"ImportError", PY_OBJV(&py_type_ImportError)},
    {"ModuleNotFoundError", PY_OBJV(&py_type_ModuleNotFoundError)},
    {"LookupError", PY_OBJV(&py_type_LookupError)},
    {"IndexError", PY_OBJV(&py_type_IndexError)},
    {"KeyError", PY_OBJV(&py_type_KeyError)},
    {"MemoryError", PY_OBJV(&py_type_MemoryError)},
    {"NameError", PY_OBJV(&py_type_NameError)},
    {"UnboundLocalError", PY_OBJV(&py_type_UnboundLocalError)},
    {"OSError", PY_OBJV(&py_type_OSError)},
    {"IOError", PY_OBJV(&py_type_OSError)},
    {"EnvironmentError", PY_OBJV(&py_type_OSError)},
    {"RuntimeError", PY_OBJV(&py_type_RuntimeError)},
    {"NotImplementedError", PY_OBJV(&py_type_NotImplementedError)},
    {"RecursionError", PY_OBJV(&py_type_RecursionError)},
    {"SyntaxError", PY_OBJV(&py_type_SyntaxError)},
    {"IndentationError", PY_OBJV(&py_type_IndentationError)},
    {"TypeError", PY_OBJV(&py_type_TypeError)},
    {"ValueError", PY_OBJV(&py_type_ValueError)},
    {"UnicodeError", PY_OBJV(&py_type_UnicodeError)},
    {"UnicodeDecodeError", PY_OBJV(&py_type_UnicodeDecodeError)},
    {"UnicodeEncodeError", PY_OBJV(&py_type_UnicodeEncodeError)},
    {NULL, 0},
};
