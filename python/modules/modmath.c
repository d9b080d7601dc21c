/* The math module: CPython's math functions over the C library. */
#include <math.h>

#include "modutil.h"

/* float, int or an object with __float__; CPython's TypeError otherwise. */
static double arg_float(py_ctx *ctx, py_val v)
{
    const py_type *t = py_type_of(v);
    if (t == &py_type_float || py_is_int(v)) {
        return (double)py_float_get(ctx, v);
    }
    if (py_getattr_opt(ctx, v, py_qstr_from_cstr(ctx, "__float__")) != PY_NULL) {
        return (double)py_float_get(ctx, py_unary_op(ctx, PY_OP_FLOAT, v));
    }
    py_raise(ctx, &py_type_TypeError, "must be real number, not %s", t->name);
}

static py_val mkfloat(py_ctx *ctx, double v)
{
    return py_float_new(ctx, (py_float_t)v);
}

/* CPython's error rules: NaN from a non-NaN argument is a domain error; an
 * infinity from finite arguments is a range error (OverflowError) for
 * growing functions and a domain error for poles (log(0), atanh(1)...). */
static py_val checked(py_ctx *ctx, double x, double r, bool pole)
{
    if (isnan(r) && !isnan(x)) {
        py_raise(ctx, &py_type_ValueError, "math domain error");
    }
    if (isinf(r) && isfinite(x)) {
        if (pole) {
            py_raise(ctx, &py_type_ValueError, "math domain error");
        }
        py_raise(ctx, &py_type_OverflowError, "math range error");
    }
    return mkfloat(ctx, r);
}

#define MATH_GROW(name)                                                          \
    static py_val math_##name(py_ctx *ctx, size_t n, size_t nk, const py_val *a) \
    {                                                                            \
        double x = arg_float(ctx, a[0]);                                         \
        return checked(ctx, x, name(x), false);                                  \
    }                                                                            \
    static PY_FUN(math_##name##_obj, #name, 1, 1, math_##name)
#define MATH_POLE(name)                                                          \
    static py_val math_##name(py_ctx *ctx, size_t n, size_t nk, const py_val *a) \
    {                                                                            \
        double x = arg_float(ctx, a[0]);                                         \
        return checked(ctx, x, name(x), true);                                   \
    }                                                                            \
    static PY_FUN(math_##name##_obj, #name, 1, 1, math_##name)

MATH_GROW(exp);
MATH_GROW(exp2);
MATH_GROW(expm1);
MATH_GROW(sinh);
MATH_GROW(cosh);
MATH_GROW(tanh);
MATH_GROW(asinh);
MATH_GROW(acosh);
MATH_POLE(atanh);
MATH_GROW(sin);
MATH_GROW(cos);
MATH_GROW(tan);
MATH_GROW(asin);
MATH_GROW(acos);
MATH_GROW(atan);
MATH_GROW(fabs);
MATH_GROW(erf);
MATH_GROW(erfc);
MATH_POLE(log1p);

/* CPython's loghelper: ints too large for a double are split as m * 2**e
 * (m in [0.5, 1), correctly rounded) and give func(m) + e * func(2). */
static double int_frexp(py_ctx *ctx, py_val v, intmax_t *e)
{
    intmax_t bl = py_int_get(ctx, py_call_method(ctx, v, PY_Q_bit_length, 0, NULL));
    py_val shift = py_int_from(ctx, bl - 55);
    py_val top = py_binary_op(ctx, PY_OP_RSHIFT, v, shift);
    py_val mask = py_binary_op(
        ctx, PY_OP_SUB, py_binary_op(ctx, PY_OP_LSHIFT, PY_MK_SMALL(1), shift), PY_MK_SMALL(1));
    uint64_t y = (uint64_t)py_int_get(ctx, top);
    if (py_truthy(ctx, py_binary_op(ctx, PY_OP_AND, v, mask))) {
        y |= 1; /* sticky bit: the one rounding step below is then exact */
    }
    *e = bl;
    return ldexp((double)y, -55);
}

static double log_helper(py_ctx *ctx, py_val v, double (*f)(double))
{
    if (py_is_int(v) && !PY_IS_SMALL(v)) {
        if (!py_truthy(ctx, py_binary_op(ctx, PY_OP_GT, v, PY_MK_SMALL(0)))) {
            py_raise(ctx, &py_type_ValueError, "math domain error");
        }
        intmax_t bl = py_int_get(ctx, py_call_method(ctx, v, PY_Q_bit_length, 0, NULL));
        if (bl > 1023) {
            intmax_t e;
            double m = int_frexp(ctx, v, &e);
            return f(m) + (double)e * f(2.0);
        }
    }
    double x = arg_float(ctx, v);
    if (x <= 0 && !isnan(x)) {
        py_raise(ctx, &py_type_ValueError, "math domain error");
    }
    return f(x);
}

static py_val math_log2(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return mkfloat(ctx, log_helper(ctx, a[0], log2));
}
static PY_FUN(math_log2_obj, "log2", 1, 1, math_log2);

static py_val math_log10(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return mkfloat(ctx, log_helper(ctx, a[0], log10));
}
static PY_FUN(math_log10_obj, "log10", 1, 1, math_log10);

static py_val math_sqrt(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    double x = arg_float(ctx, a[0]);
    return checked(ctx, x, sqrt(x), false);
}
static PY_FUN(math_sqrt_obj, "sqrt", 1, 1, math_sqrt);

static py_val math_cbrt(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return mkfloat(ctx, cbrt(arg_float(ctx, a[0])));
}
static PY_FUN(math_cbrt_obj, "cbrt", 1, 1, math_cbrt);

static py_val math_log(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    double r = log_helper(ctx, a[0], log);
    if (n == 2) {
        double b = log_helper(ctx, a[1], log);
        if (b == 0) {
            py_raise(ctx, &py_type_ZeroDivisionError, "float division by zero");
        }
        r /= b;
    }
    return mkfloat(ctx, r);
}
static PY_FUN(math_log_obj, "log", 1, 2, math_log);

static py_val math_gamma(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    double x = arg_float(ctx, a[0]);
    if (x <= 0 && x == floor(x)) {
        py_raise(ctx, &py_type_ValueError, "math domain error");
    }
    return checked(ctx, x, tgamma(x), false);
}
static PY_FUN(math_gamma_obj, "gamma", 1, 1, math_gamma);

static py_val math_lgamma(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    double x = arg_float(ctx, a[0]);
    if (x <= 0 && x == floor(x)) {
        py_raise(ctx, &py_type_ValueError, "math domain error");
    }
    return checked(ctx, x, lgamma(x), false);
}
static PY_FUN(math_lgamma_obj, "lgamma", 1, 1, math_lgamma);

/* Two-argument float functions. */
static py_val math_pow(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    double x = arg_float(ctx, a[0]), y = arg_float(ctx, a[1]);
    if (x == 0 && y < 0) {
        py_raise(ctx, &py_type_ValueError, "math domain error");
    }
    double r = pow(x, y);
    if (isnan(r) && !isnan(x) && !isnan(y)) {
        py_raise(ctx, &py_type_ValueError, "math domain error");
    }
    if (isinf(r) && isfinite(x) && isfinite(y)) {
        py_raise(ctx, &py_type_OverflowError, "math range error");
    }
    return mkfloat(ctx, r);
}
static PY_FUN(math_pow_obj, "pow", 2, 2, math_pow);

static py_val math_atan2(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return mkfloat(ctx, atan2(arg_float(ctx, a[0]), arg_float(ctx, a[1])));
}
static PY_FUN(math_atan2_obj, "atan2", 2, 2, math_atan2);

static py_val math_copysign(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return mkfloat(ctx, copysign(arg_float(ctx, a[0]), arg_float(ctx, a[1])));
}
static PY_FUN(math_copysign_obj, "copysign", 2, 2, math_copysign);

static py_val math_fmod(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    double x = arg_float(ctx, a[0]), y = arg_float(ctx, a[1]);
    if ((y == 0 || isinf(x)) && !isnan(x) && !isnan(y)) {
        py_raise(ctx, &py_type_ValueError, "math domain error");
    }
    return mkfloat(ctx, fmod(x, y));
}
static PY_FUN(math_fmod_obj, "fmod", 2, 2, math_fmod);

static py_val math_remainder(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    double x = arg_float(ctx, a[0]), y = arg_float(ctx, a[1]);
    if ((y == 0 || isinf(x)) && !isnan(x) && !isnan(y)) {
        py_raise(ctx, &py_type_ValueError, "math domain error");
    }
    return mkfloat(ctx, remainder(x, y));
}
static PY_FUN(math_remainder_obj, "remainder", 2, 2, math_remainder);

static py_val math_ldexp(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    double x = arg_float(ctx, a[0]);
    intmax_t e;
    if (!py_is_int(a[1])) {
        py_raise(ctx, &py_type_TypeError, "Expected an int as second argument to ldexp.");
    }
    if (!py_int_get_checked(ctx, a[1], &e)) {
        e = py_truthy(ctx, py_binary_op(ctx, PY_OP_LT, a[1], PY_MK_SMALL(0))) ? -100000 : 100000;
    }
    e = e > 100000 ? 100000 : e < -100000 ? -100000 : e;
    return checked(ctx, x, ldexp(x, (int)e), false);
}
static PY_FUN(math_ldexp_obj, "ldexp", 2, 2, math_ldexp);

static py_val math_frexp(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    double x = arg_float(ctx, a[0]);
    int e = 0;
    double m = isfinite(x) ? frexp(x, &e) : x;
    py_val t[2] = {mkfloat(ctx, m), PY_MK_SMALL(e)};
    return py_tuple_new(ctx, 2, t);
}
static PY_FUN(math_frexp_obj, "frexp", 1, 1, math_frexp);

static py_val math_modf(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    double x = arg_float(ctx, a[0]), ip;
    double fp = isinf(x) ? copysign(0.0, x) : modf(x, &ip);
    if (isinf(x)) {
        ip = x;
    }
    py_val t[2] = {mkfloat(ctx, fp), mkfloat(ctx, ip)};
    return py_tuple_new(ctx, 2, t);
}
static PY_FUN(math_modf_obj, "modf", 1, 1, math_modf);

/* floor/ceil/trunc return ints (possibly big): rounding happens in double,
 * int() of the result does the conversion and its errors. */
static py_val to_int(py_ctx *ctx, py_val x, double (*f)(double))
{
    if (py_is_int(x)) {
        return py_unary_op(ctx, PY_OP_INT, x);
    }
    return py_unary_op(ctx, PY_OP_INT, mkfloat(ctx, f(arg_float(ctx, x))));
}

static py_val math_floor(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return to_int(ctx, a[0], floor);
}
static PY_FUN(math_floor_obj, "floor", 1, 1, math_floor);

static py_val math_ceil(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return to_int(ctx, a[0], ceil);
}
static PY_FUN(math_ceil_obj, "ceil", 1, 1, math_ceil);

static py_val math_trunc(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return to_int(ctx, a[0], trunc);
}
static PY_FUN(math_trunc_obj, "trunc", 1, 1, math_trunc);

static py_val math_isfinite(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return PY_BOOL(isfinite(arg_float(ctx, a[0])));
}
static PY_FUN(math_isfinite_obj, "isfinite", 1, 1, math_isfinite);

static py_val math_isinf(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return PY_BOOL(isinf(arg_float(ctx, a[0])));
}
static PY_FUN(math_isinf_obj, "isinf", 1, 1, math_isinf);

static py_val math_isnan(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return PY_BOOL(isnan(arg_float(ctx, a[0])));
}
static PY_FUN(math_isnan_obj, "isnan", 1, 1, math_isnan);

static py_val math_degrees(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return mkfloat(ctx, arg_float(ctx, a[0]) * (180.0 / 3.141592653589793));
}
static PY_FUN(math_degrees_obj, "degrees", 1, 1, math_degrees);

static py_val math_radians(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return mkfloat(ctx, arg_float(ctx, a[0]) * (3.141592653589793 / 180.0));
}
static PY_FUN(math_radians_obj, "radians", 1, 1, math_radians);

static py_val math_isclose(py_ctx *ctx, size_t n, size_t nk, const py_val *args)
{
    const py_arg_spec spec[] = {
        {0, PY_ARG_REQUIRED, 0},
        {0, PY_ARG_REQUIRED, 0},
        {py_qstr_from_cstr(ctx, "rel_tol"), PY_ARG_KWONLY, PY_NULL},
        {py_qstr_from_cstr(ctx, "abs_tol"), PY_ARG_KWONLY, PY_NULL},
    };
    py_val v[4];
    py_parse_args(ctx, n, nk, args, spec, 4, v);
    double a = arg_float(ctx, v[0]), b = arg_float(ctx, v[1]);
    double rel = v[2] ? arg_float(ctx, v[2]) : 1e-9, abs_tol = v[3] ? arg_float(ctx, v[3]) : 0.0;
    if (rel < 0 || abs_tol < 0) {
        py_raise(ctx, &py_type_ValueError, "tolerances must be non-negative");
    }
    if (a == b) {
        return PY_TRUE;
    }
    if (isinf(a) || isinf(b)) {
        return PY_FALSE;
    }
    double d = fabs(b - a);
    return PY_BOOL(d <= fabs(rel * b) || d <= fabs(rel * a) || d <= abs_tol);
}
static PY_FUN_KWARGS(math_isclose_obj, "isclose", 2, math_isclose);

/* Exact float sum (Shewchuk): the partials p[0..np) are non-overlapping
 * and sum exactly to the input so far. */
typedef struct fsum_state {
    double *p;
    size_t np, cap;
} fsum_state;

/* Folds x into the partials; returns the new top partial. */
static double fsum_add(py_ctx *ctx, fsum_state *st, double x)
{
    size_t j = 0;
    for (size_t i = 0; i < st->np; i++) {
        double y = st->p[i];
        if (fabs(x) < fabs(y)) {
            double t = x;
            x = y;
            y = t;
        }
        double hi = x + y, lo = y - (hi - x);
        if (lo != 0) {
            st->p[j++] = lo;
        }
        x = hi;
    }
    if (j == st->cap) {
        st->p = py_realloc(ctx, st->p, st->cap * sizeof *st->p, 2 * st->cap * sizeof *st->p);
        st->cap *= 2;
    }
    st->p[j++] = x;
    st->np = j;
    return x;
}

/* Sums the partials from the top, then fixes the final half-way rounding. */
static double fsum_total(const fsum_state *st)
{
    const double *p = st->p;
    if (!st->np) {
        return 0.0;
    }
    size_t i = st->np - 1;
    double hi = p[i], lo = 0;
    while (i > 0) {
        double x = hi, y = p[--i];
        hi = x + y;
        lo = y - (hi - x);
        if (lo != 0) {
            break;
        }
    }
    if (i > 0 && ((lo < 0 && p[i - 1] < 0) || (lo > 0 && p[i - 1] > 0))) {
        double y = lo * 2, x = hi + y;
        if (y == x - hi) {
            hi = x;
        }
    }
    return hi;
}

static py_val math_fsum(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    fsum_state st = {py_alloc_raw(ctx, 16 * sizeof(double)), 0, 16};
    double special = 0, infs = 0; /* non-finite inputs propagate as in a plain sum */
    py_val it = py_iter(ctx, a[0]), item;
    while ((item = py_next(ctx, it)) != PY_STOP) {
        double x = arg_float(ctx, item);
        if (!isfinite(x)) {
            special += x;
            infs += isinf(x) ? x : 0;
        } else if (isinf(fsum_add(ctx, &st, x))) {
            py_raise(ctx, &py_type_OverflowError, "intermediate overflow in fsum");
        }
    }
    if (special != 0 || isnan(special)) {
        if (isnan(infs)) {
            py_raise(ctx, &py_type_ValueError, "-inf + inf in fsum");
        }
        return mkfloat(ctx, special);
    }
    return mkfloat(ctx, fsum_total(&st));
}
static PY_FUN(math_fsum_obj, "fsum", 1, 1, math_fsum);

/* ---- integer functions (work on big ints through the generic operators) --- */

static py_val int_arg(py_ctx *ctx, py_val v)
{
    if (!py_is_int(v)) {
        py_raise(ctx, &py_type_TypeError, "'%s' object cannot be interpreted as an integer",
                 py_type_of(v)->name);
    }
    return v;
}

static bool is_neg(py_ctx *ctx, py_val v)
{
    return py_truthy(ctx, py_binary_op(ctx, PY_OP_LT, v, PY_MK_SMALL(0)));
}

static py_val int_abs(py_ctx *ctx, py_val v)
{
    return py_unary_op(ctx, PY_OP_ABS, int_arg(ctx, v));
}

static py_val gcd2(py_ctx *ctx, py_val a, py_val b)
{
    a = int_abs(ctx, a);
    b = int_abs(ctx, b);
    while (py_truthy(ctx, b)) {
        py_val t = py_binary_op(ctx, PY_OP_MOD, a, b);
        a = b;
        b = t;
        py_check_interrupt(ctx);
    }
    return a;
}

static py_val math_gcd(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    py_val g = PY_MK_SMALL(0);
    for (size_t i = 0; i < n; i++) {
        g = gcd2(ctx, g, a[i]);
    }
    return g;
}
static PY_FUN(math_gcd_obj, "gcd", 0, PY_ARGS_VAR, math_gcd);

static py_val math_lcm(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    py_val l = PY_MK_SMALL(1);
    for (size_t i = 0; i < n; i++) {
        py_val x = int_abs(ctx, a[i]);
        if (!py_truthy(ctx, x) || !py_truthy(ctx, l)) {
            l = PY_MK_SMALL(0);
            continue;
        }
        py_val g = gcd2(ctx, l, x);
        l = py_binary_op(ctx, PY_OP_MUL, py_binary_op(ctx, PY_OP_FLOORDIV, l, g), x);
    }
    return l;
}
static PY_FUN(math_lcm_obj, "lcm", 0, PY_ARGS_VAR, math_lcm);

/* Product of the integers lo..hi (inclusive), split in halves so the big
 * multiplications stay balanced. */
static py_val range_prod(py_ctx *ctx, intmax_t lo, intmax_t hi)
{
    if (lo > hi) {
        return PY_MK_SMALL(1);
    }
    if (hi - lo < 8) {
        py_val r = py_int_from(ctx, lo);
        for (intmax_t i = lo + 1; i <= hi; i++) {
            r = py_binary_op(ctx, PY_OP_MUL, r, py_int_from(ctx, i));
        }
        return r;
    }
    intmax_t mid = lo + (hi - lo) / 2;
    py_check_interrupt(ctx);
    return py_binary_op(ctx, PY_OP_MUL, range_prod(ctx, lo, mid), range_prod(ctx, mid + 1, hi));
}

static intmax_t nonneg_arg(py_ctx *ctx, py_val v, const char *what)
{
    intmax_t n;
    int_arg(ctx, v);
    if (!py_int_get_checked(ctx, v, &n)) {
        py_raise(ctx, &py_type_OverflowError, "%s argument too large", what);
    }
    if (n < 0) {
        py_raise(ctx, &py_type_ValueError, "%s must be a non-negative integer", what);
    }
    return n;
}

static py_val math_factorial(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    if (!py_is_int(a[0])) {
        py_raise(ctx, &py_type_TypeError, "'%s' object cannot be interpreted as an integer",
                 py_type_of(a[0])->name);
    }
    intmax_t v;
    if (!py_int_get_checked(ctx, a[0], &v) || v < 0) {
        if (is_neg(ctx, a[0])) {
            py_raise(ctx, &py_type_ValueError, "factorial() not defined for negative values");
        }
        py_raise(ctx, &py_type_OverflowError, "factorial() argument should not exceed %ld",
                 (long)0x7fffffffL);
    }
    return range_prod(ctx, 2, v);
}
static PY_FUN(math_factorial_obj, "factorial", 1, 1, math_factorial);

static py_val math_perm(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    intmax_t nn = nonneg_arg(ctx, a[0], "n");
    if (n == 1 || a[1] == PY_NONE) {
        return range_prod(ctx, 2, nn);
    }
    intmax_t k = nonneg_arg(ctx, a[1], "k");
    return k > nn ? PY_MK_SMALL(0) : range_prod(ctx, nn - k + 1, nn);
}
static PY_FUN(math_perm_obj, "perm", 1, 2, math_perm);

static py_val math_comb(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    intmax_t nn = nonneg_arg(ctx, a[0], "n"), k = nonneg_arg(ctx, a[1], "k");
    if (k > nn) {
        return PY_MK_SMALL(0);
    }
    k = k > nn - k ? nn - k : k;
    return py_binary_op(ctx, PY_OP_FLOORDIV, range_prod(ctx, nn - k + 1, nn),
                        range_prod(ctx, 2, k));
}
static PY_FUN(math_comb_obj, "comb", 2, 2, math_comb);

static py_val math_isqrt(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    py_val x = py_unary_op(ctx, PY_OP_INT, int_arg(ctx, a[0]));
    if (is_neg(ctx, x)) {
        py_raise(ctx, &py_type_ValueError, "isqrt() argument must be nonnegative");
    }
    if (!py_truthy(ctx, x)) {
        return PY_MK_SMALL(0);
    }
    /* Newton from above: y = (y + x // y) // 2 until it stops decreasing. */
    py_val y = x;
    for (;;) {
        py_val z =
            py_binary_op(ctx, PY_OP_FLOORDIV,
                         py_binary_op(ctx, PY_OP_ADD, y, py_binary_op(ctx, PY_OP_FLOORDIV, x, y)),
                         PY_MK_SMALL(2));
        if (!py_truthy(ctx, py_binary_op(ctx, PY_OP_LT, z, y))) {
            return y;
        }
        y = z;
        py_check_interrupt(ctx);
    }
}
static PY_FUN(math_isqrt_obj, "isqrt", 1, 1, math_isqrt);

static py_val math_prod(py_ctx *ctx, size_t n, size_t nk, const py_val *args)
{
    static const py_arg_spec spec[] = {
        {0, PY_ARG_REQUIRED, 0},
        {PY_Q_start, PY_ARG_KWONLY, PY_MK_SMALL(1)},
    };
    py_val v[2];
    py_parse_args(ctx, n, nk, args, spec, 2, v);
    py_val r = v[1], it = py_iter(ctx, v[0]), item;
    while ((item = py_next(ctx, it)) != PY_STOP) {
        r = py_binary_op(ctx, PY_OP_MUL, r, item);
    }
    return r;
}
static PY_FUN_KWARGS(math_prod_obj, "prod", 1, math_prod);

static py_val math_nextafter(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return mkfloat(ctx, nextafter(arg_float(ctx, a[0]), arg_float(ctx, a[1])));
}
static PY_FUN(math_nextafter_obj, "nextafter", 2, 2, math_nextafter);

/* Value of the least significant bit of x (CPython's math.ulp). */
static py_val math_ulp(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    double x = fabs(arg_float(ctx, a[0]));
    if (isnan(x) || isinf(x)) {
        return mkfloat(ctx, x);
    }
    double up = nextafter(x, INFINITY);
    return mkfloat(ctx, isinf(up) ? x - nextafter(x, 0.0) : up - x);
}
static PY_FUN(math_ulp_obj, "ulp", 1, 1, math_ulp);

/* sqrt(sum(d[i]**2)) for d[i] >= 0, correctly rounded in practice like
 * CPython's vector_norm: scale by a power of two, sum the squares exactly
 * (two-products into fsum partials), then correct the square root with the
 * exact residual. */
static double vector_norm(py_ctx *ctx, const double *d, size_t n)
{
    double dmax = 0;
    bool nan = false;
    for (size_t i = 0; i < n; i++) {
        nan |= isnan(d[i]) != 0;
        dmax = d[i] > dmax ? d[i] : dmax;
    }
    if (isinf(dmax)) {
        return dmax;
    }
    if (nan) {
        return NAN;
    }
    if (dmax == 0 || n == 1) {
        return dmax;
    }
    int e;
    frexp(dmax, &e);
    fsum_state st = {py_alloc_raw(ctx, 16 * sizeof(double)), 0, 16};
    for (size_t i = 0; i < n; i++) {
        double x = ldexp(d[i], -e), hi = x * x;
        fsum_add(ctx, &st, hi);
        fsum_add(ctx, &st, fma(x, x, -hi));
    }
    double h = sqrt(fsum_total(&st)), hh = h * h;
    fsum_add(ctx, &st, -hh); /* residual: exact sum - h*h (split exactly) */
    fsum_add(ctx, &st, -fma(h, h, -hh));
    h += fsum_total(&st) / (2 * h);
    return ldexp(h, e);
}

/* Euclidean distance between two points given as sequences. */
static py_val math_dist(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    py_val p = py_call(ctx, PY_OBJV(&py_type_tuple), 1, &a[0]);
    py_val q = py_call(ctx, PY_OBJV(&py_type_tuple), 1, &a[1]);
    size_t np, nq;
    py_val *pi, *qi;
    mod_get_items(ctx, p, &np, &pi);
    mod_get_items(ctx, q, &nq, &qi);
    if (np != nq) {
        py_raise(ctx, &py_type_ValueError, "both points must have the same number of dimensions");
    }
    double *d = py_alloc_raw(ctx, (np + 1) * sizeof *d);
    for (size_t i = 0; i < np; i++) {
        d[i] = fabs(arg_float(ctx, pi[i]) - arg_float(ctx, qi[i]));
    }
    return mkfloat(ctx, vector_norm(ctx, d, np));
}
static PY_FUN(math_dist_obj, "dist", 2, 2, math_dist);

static py_val math_hypot(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    double *d = py_alloc_raw(ctx, (n + 1) * sizeof *d);
    for (size_t i = 0; i < n; i++) {
        d[i] = fabs(arg_float(ctx, a[i]));
    }
    return mkfloat(ctx, vector_norm(ctx, d, n));
}
static PY_FUN(math_hypot_obj, "hypot", 0, PY_ARGS_VAR, math_hypot);

static const py_float_obj math_pi_obj = {{&py_type_float}, 3.141592653589793};
static const py_float_obj math_e_obj = {{&py_type_float}, 2.718281828459045};
static const py_float_obj math_tau_obj = {{&py_type_float}, 6.283185307179586};
static const py_float_obj math_inf_obj = {{&py_type_float}, INFINITY};
static const py_float_obj math_nan_obj = {{&py_type_float}, NAN};

#define F(name)                            \
    {                                      \
#name, PY_OBJV(&math_##name##_obj) \
    }
static const py_attr_def math_attrs[] = {
    F(pi),      F(e),         F(tau),   F(inf),       F(nan),    F(sqrt),   F(cbrt),
    F(exp),     F(exp2),      F(expm1), F(log),       F(log2),   F(log10),  F(log1p),
    F(pow),     F(sin),       F(cos),   F(tan),       F(asin),   F(acos),   F(atan),
    F(atan2),   F(sinh),      F(cosh),  F(tanh),      F(asinh),  F(acosh),  F(atanh),
    F(fabs),    F(floor),     F(ceil),  F(trunc),     F(fmod),   F(modf),   F(frexp),
    F(ldexp),   F(copysign),  F(hypot), F(isfinite),  F(isinf),  F(isnan),  F(isclose),
    F(degrees), F(radians),   F(erf),   F(erfc),      F(gamma),  F(lgamma), F(remainder),
    F(fsum),    F(gcd),       F(lcm),   F(factorial), F(perm),   F(comb),   F(isqrt),
    F(prod),    F(nextafter), F(ulp),   F(dist),      {NULL, 0},
};
#undef F

const py_module_def py_mod_math = {"math", math_attrs, NULL};
