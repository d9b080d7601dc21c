/* The cmath module: complex functions over C99 <complex.h>, with CPython's
 * error rules (ValueError for domain errors, OverflowError for overflow). */
#include <complex.h>
#include <math.h>
#include <string.h>

#include "modutil.h"

#ifndef CMPLX
/* newlib's <complex.h> lacks C11's CMPLX; complex double is laid out as
 * double[2] (C11 6.2.5), so build the value through a union. */
static double complex cm_make(double re, double im)
{
    union {
        double complex z;
        double part[2];
    } u;
    u.part[0] = re;
    u.part[1] = im;
    return u.z;
}
#define CMPLX(re, im) cm_make(re, im)
#endif

/* Converts int, float or complex arguments. */
static double complex cm_arg(py_ctx *ctx, py_val v)
{
    const py_type *t = py_type_of(v);
    if (t == &py_type_complex) {
        double re = (double)py_float_get(ctx, py_getattr(ctx, v, py_qstr_from_cstr(ctx, "real")));
        double im = (double)py_float_get(ctx, py_getattr(ctx, v, py_qstr_from_cstr(ctx, "imag")));
        return CMPLX(re, im);
    }
    if (t != &py_type_float && !py_is_int(v)) {
        py_raise(ctx, &py_type_TypeError, "must be real number, not %s", t->name);
    }
    return CMPLX((double)py_float_get(ctx, v), 0.0);
}

static py_val cm_new(py_ctx *ctx, double complex z)
{
    py_val parts[2] = {py_float_new(ctx, (py_float_t)creal(z)),
                       py_float_new(ctx, (py_float_t)cimag(z))};
    return py_call(ctx, PY_OBJV(&py_type_complex), 2, parts);
}

static bool finite_c(double complex z)
{
    return isfinite(creal(z)) && isfinite(cimag(z));
}

/* NaN from non-NaN input: domain error; infinity from finite input: range
 * error, or a domain error at poles (log(0), atanh(1)). */
static py_val checked(py_ctx *ctx, double complex x, double complex r, bool pole)
{
    bool nan_in = isnan(creal(x)) || isnan(cimag(x));
    bool nan_out = isnan(creal(r)) || isnan(cimag(r));
    if (nan_out && !nan_in && finite_c(x)) {
        py_raise(ctx, &py_type_ValueError, "math domain error");
    }
    if (!finite_c(r) && finite_c(x) && !nan_out) {
        if (pole) {
            py_raise(ctx, &py_type_ValueError, "math domain error");
        }
        py_raise(ctx, &py_type_OverflowError, "math range error");
    }
    return cm_new(ctx, r);
}

#define CMATH_FN(name, cfn, pole)                                                 \
    static py_val cmath_##name(py_ctx *ctx, size_t n, size_t nk, const py_val *a) \
    {                                                                             \
        double complex z = cm_arg(ctx, a[0]);                                     \
        return checked(ctx, z, cfn(z), pole);                                     \
    }                                                                             \
    static PY_FUN(cmath_##name##_obj, #name, 1, 1, cmath_##name)

CMATH_FN(sqrt, csqrt, false);
CMATH_FN(exp, cexp, false);
CMATH_FN(sin, csin, false);
CMATH_FN(cos, ccos, false);
CMATH_FN(tan, ctan, false);
CMATH_FN(asin, casin, false);
CMATH_FN(acos, cacos, false);
CMATH_FN(atan, catan, true);
CMATH_FN(sinh, csinh, false);
CMATH_FN(cosh, ccosh, false);
CMATH_FN(tanh, ctanh, false);
CMATH_FN(asinh, casinh, false);
CMATH_FN(acosh, cacosh, false);
CMATH_FN(atanh, catanh, true);

static py_val cmath_log(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    double complex z = cm_arg(ctx, a[0]);
    if (creal(z) == 0 && cimag(z) == 0) {
        py_raise(ctx, &py_type_ValueError, "math domain error");
    }
    double complex r = clog(z);
    if (n > 1) {
        double complex b = cm_arg(ctx, a[1]);
        if (creal(b) == 0 && cimag(b) == 0) {
            py_raise(ctx, &py_type_ValueError, "math domain error");
        }
        double complex lb = clog(b);
        if (creal(lb) == 0 && cimag(lb) == 0) {
            py_raise(ctx, &py_type_ValueError, "math domain error");
        }
        r /= lb;
    }
    return checked(ctx, z, r, true);
}
static PY_FUN(cmath_log_obj, "log", 1, 2, cmath_log);

static py_val cmath_log10(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    double complex z = cm_arg(ctx, a[0]);
    if (creal(z) == 0 && cimag(z) == 0) {
        py_raise(ctx, &py_type_ValueError, "math domain error");
    }
    return checked(ctx, z, clog(z) / log(10.0), true);
}
static PY_FUN(cmath_log10_obj, "log10", 1, 1, cmath_log10);

static py_val cmath_phase(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return py_float_new(ctx, (py_float_t)carg(cm_arg(ctx, a[0])));
}
static PY_FUN(cmath_phase_obj, "phase", 1, 1, cmath_phase);

static py_val cmath_polar(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    double complex z = cm_arg(ctx, a[0]);
    double r = cabs(z);
    if (isinf(r) && finite_c(z)) {
        py_raise(ctx, &py_type_OverflowError, "absolute value too large");
    }
    py_val t[2] = {py_float_new(ctx, (py_float_t)r), py_float_new(ctx, (py_float_t)carg(z))};
    return py_tuple_new(ctx, 2, t);
}
static PY_FUN(cmath_polar_obj, "polar", 1, 1, cmath_polar);

static py_val cmath_rect(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    double r = (double)py_float_get(ctx, a[0]), phi = (double)py_float_get(ctx, a[1]);
    if (isfinite(r) && isinf(phi)) {
        py_raise(ctx, &py_type_ValueError, "math domain error");
    }
    double complex z = phi == 0 ? CMPLX(r, r * phi) : CMPLX(r * cos(phi), r * sin(phi));
    return cm_new(ctx, z);
}
static PY_FUN(cmath_rect_obj, "rect", 2, 2, cmath_rect);

static py_val cmath_isfinite(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return PY_BOOL(finite_c(cm_arg(ctx, a[0])));
}
static PY_FUN(cmath_isfinite_obj, "isfinite", 1, 1, cmath_isfinite);

static py_val cmath_isinf(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    double complex z = cm_arg(ctx, a[0]);
    return PY_BOOL(isinf(creal(z)) || isinf(cimag(z)));
}
static PY_FUN(cmath_isinf_obj, "isinf", 1, 1, cmath_isinf);

static py_val cmath_isnan(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    double complex z = cm_arg(ctx, a[0]);
    return PY_BOOL(isnan(creal(z)) || isnan(cimag(z)));
}
static PY_FUN(cmath_isnan_obj, "isnan", 1, 1, cmath_isnan);

static py_val cmath_isclose(py_ctx *ctx, size_t n, size_t nk, const py_val *args)
{
    const py_arg_spec spec[] = {
        {0, PY_ARG_REQUIRED, 0},
        {0, PY_ARG_REQUIRED, 0},
        {py_qstr_from_cstr(ctx, "rel_tol"), PY_ARG_KWONLY, PY_NULL},
        {py_qstr_from_cstr(ctx, "abs_tol"), PY_ARG_KWONLY, PY_NULL},
    };
    py_val v[4];
    py_parse_args(ctx, n, nk, args, spec, 4, v);
    double complex a = cm_arg(ctx, v[0]), b = cm_arg(ctx, v[1]);
    double rel = v[2] ? (double)py_float_get(ctx, v[2]) : 1e-9;
    double abs_tol = v[3] ? (double)py_float_get(ctx, v[3]) : 0.0;
    if (rel < 0 || abs_tol < 0) {
        py_raise(ctx, &py_type_ValueError, "tolerances must be non-negative");
    }
    if (creal(a) == creal(b) && cimag(a) == cimag(b)) {
        return PY_TRUE;
    }
    if (!finite_c(a) || !finite_c(b)) {
        return PY_FALSE;
    }
    double d = cabs(a - b);
    return PY_BOOL(d <= rel * cabs(b) || d <= rel * cabs(a) || d <= abs_tol);
}
static PY_FUN_KWARGS(cmath_isclose_obj, "isclose", 2, cmath_isclose);

static const py_float_obj cmath_pi_obj = {{&py_type_float}, 3.141592653589793};
static const py_float_obj cmath_e_obj = {{&py_type_float}, 2.718281828459045};
static const py_float_obj cmath_tau_obj = {{&py_type_float}, 6.283185307179586};
static const py_float_obj cmath_inf_obj = {{&py_type_float}, INFINITY};
static const py_float_obj cmath_nan_obj = {{&py_type_float}, NAN};

/* infj and nanj are complex: created when the module is imported. */
static void cmath_init(py_ctx *ctx, py_val module)
{
    py_module_set(ctx, module, "infj", cm_new(ctx, CMPLX(0.0, INFINITY)));
    py_module_set(ctx, module, "nanj", cm_new(ctx, CMPLX(0.0, NAN)));
}

#define F(name)                             \
    {                                       \
#name, PY_OBJV(&cmath_##name##_obj) \
    }
static const py_attr_def cmath_attrs[] = {
    F(pi),       F(e),     F(tau),   F(inf),     F(nan),    F(sqrt),  F(exp),   F(log),
    F(log10),    F(sin),   F(cos),   F(tan),     F(asin),   F(acos),  F(atan),  F(sinh),
    F(cosh),     F(tanh),  F(asinh), F(acosh),   F(atanh),  F(phase), F(polar), F(rect),
    F(isfinite), F(isinf), F(isnan), F(isclose), {NULL, 0},
};
#undef F

const py_module_def py_mod_cmath = {"cmath", cmath_attrs, cmath_init};
