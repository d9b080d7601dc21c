/* float and complex. Text conversions go through pylib's fpfmt. */
#include <math.h>

#include "internal.h"

#include "fpfmt/fpfmt.h"

typedef struct py_complex {
    py_obj base;
    py_float_t re, im;
} py_complex;

void py_complex_parts(py_val v, py_float_t *re, py_float_t *im)
{
    const py_complex *c = PY_PTR(v);
    *re = c->re;
    *im = c->im;
}

py_val py_float_new(py_ctx *ctx, py_float_t v)
{
    py_float_obj *f = py_alloc_raw(ctx, sizeof(py_float_obj));
    f->base.type = &py_type_float;
    f->v = v;
    return PY_VAL(f);
}

py_float_t py_float_get(py_ctx *ctx, py_val v)
{
    if (PY_IS_SMALL(v)) {
        return (py_float_t)PY_SMALL(v);
    }
    const py_type *t = py_type_of(v);
    if (t == &py_type_float || ((t->flags & PY_TF_CLASS) && t->base_type == &py_type_float)) {
        return ((py_float_obj *)v)->v;
    }
    if (py_is_int(v)) {
        return py_int_to_float(ctx, v);
    }
    if (t->flags & PY_TF_CLASS) {
        py_val m = py_special(ctx, v, PY_Q___float__);
        if (m != PY_NULL) {
            return py_float_get(ctx, py_call(ctx, m, 0, NULL));
        }
    }
    py_raise(ctx, &py_type_TypeError, "must be real number, not %s", t->name);
}

void py_float_repr(char *buf, size_t n, py_float_t v)
{
    fp_repr((double)v, buf, n);
}

py_val py_float_from_str(py_ctx *ctx, const char *s, size_t len)
{
    double d;
    if (fp_parse(s, len, FP_PARSE_FLOAT, &d) != FP_OK) {
        py_val sv = py_str_new(ctx, s, len);
        py_raise(ctx, &py_type_ValueError, "could not convert string to float: %r", sv);
    }
    return py_float_new(ctx, (py_float_t)d);
}

static void float_print(py_ctx *ctx, py_print *p, py_val self, int kind)
{
    char buf[FP_REPR_SIZE];
    int n = fp_repr((double)((py_float_obj *)self)->v, buf, sizeof(buf));
    p->write(p->data, buf, n > 0 ? (size_t)n : 0);
}

static py_float_t fmod_floor(py_ctx *ctx, py_float_t x, py_float_t y)
{
    py_float_t m = fmod(x, y);
    if (m != 0) {
        if ((y < 0) != (m < 0)) {
            m += y;
        }
    } else {
        m = copysign(0.0, y);
    }
    return m;
}

static py_float_t floordiv_f(py_float_t x, py_float_t y)
{
    py_float_t m = fmod(x, y);
    py_float_t div = (x - m) / y;
    if (m != 0 && ((y < 0) != (m < 0))) {
        div -= 1;
    }
    py_float_t fl;
    if (div != 0) {
        fl = floor(div);
        if (div - fl > 0.5) {
            fl += 1;
        }
    } else {
        fl = copysign(0.0, x / y);
    }
    return fl;
}

static py_val float_binop(py_ctx *ctx, int op, py_float_t x, py_float_t y)
{
    py_float_t r;
    switch (op) {
    case PY_OP_ADD: r = x + y; break;
    case PY_OP_SUB: r = x - y; break;
    case PY_OP_MUL: r = x * y; break;
    case PY_OP_TRUEDIV:
        if (y == 0) {
            py_raise(ctx, &py_type_ZeroDivisionError, "float division by zero");
        }
        r = x / y;
        break;
    case PY_OP_FLOORDIV:
        if (y == 0) {
            py_raise(ctx, &py_type_ZeroDivisionError, "float floor division by zero");
        }
        r = floordiv_f(x, y);
        break;
    case PY_OP_MOD:
        if (y == 0) {
            py_raise(ctx, &py_type_ZeroDivisionError, "float modulo");
        }
        r = fmod_floor(ctx, x, y);
        break;
    case PY_OP_DIVMOD: {
        if (y == 0) {
            py_raise(ctx, &py_type_ZeroDivisionError, "float divmod()");
        }
        py_val t[2] = {py_float_new(ctx, floordiv_f(x, y)),
                       py_float_new(ctx, fmod_floor(ctx, x, y))};
        return py_tuple_new(ctx, 2, t);
    }
    case PY_OP_POW:
        if (x == 0 && y < 0) {
            py_raise(ctx, &py_type_ZeroDivisionError, "0.0 cannot be raised to a negative power");
        }
        if (x < 0 && y != floor(y)) {
            return py_complex_binop(ctx, PY_OP_POW, py_complex_new(ctx, x, 0),
                                    py_complex_new(ctx, y, 0));
        }
        r = pow(x, y);
        if (isinf(r) && !isinf(x) && !isinf(y)) {
            py_raise(ctx, &py_type_OverflowError, "(34, 'Numerical result out of range')");
        }
        break;
    case PY_OP_LT: return PY_BOOL(x < y);
    case PY_OP_GT: return PY_BOOL(x > y);
    case PY_OP_EQ: return PY_BOOL(x == y);
    case PY_OP_NE: return PY_BOOL(x != y);
    case PY_OP_LE: return PY_BOOL(x <= y);
    case PY_OP_GE: return PY_BOOL(x >= y);
    default: return PY_NULL;
    }
    return py_float_new(ctx, r);
}

/* Exact comparison of a float with a (possibly big) int. */
static py_val float_int_compare(py_ctx *ctx, int op, py_val a, py_val b)
{
    bool af = py_type_of(a) == &py_type_float;
    py_float_t f = af ? ((py_float_obj *)a)->v : ((py_float_obj *)b)->v;
    py_val i = af ? b : a;
    if (isnan(f)) {
        return PY_BOOL(op == PY_OP_NE);
    }
    if (isinf(f) || (PY_IS_SMALL(i) && PY_SMALL(i) > -(1LL << 52) && PY_SMALL(i) < (1LL << 52))) {
        py_float_t g = isinf(f) ? 0 : py_int_to_float(ctx, i);
        if (isinf(f)) {
            g = f > 0 ? -INFINITY : INFINITY;
            g = -g * 0.5; /* any finite int compares like 0 against inf */
            g = 0;
        }
        return af ? float_binop(ctx, op, f, g) : float_binop(ctx, op, g, f);
    }
    /* compare floor(f) as int, then the fraction */
    py_val fi = py_int_from_float(ctx, floor(f));
    py_float_t frac = f - floor(f);
    py_val c = af ? py_int_binop(ctx, PY_OP_SUB, fi, i) : py_int_binop(ctx, PY_OP_SUB, i, fi);
    int s = py_int_sign(c);
    py_float_t cmp;
    if (af) {
        cmp = s != 0 ? (py_float_t)s : frac;
    } else {
        cmp = s != 0 ? (py_float_t)s : -frac;
    }
    return float_binop(ctx, op, cmp, 0);
}

static py_val float_binary_op(py_ctx *ctx, int op, py_val a, py_val b)
{
    if (op >= PY_OP_IADD && op <= PY_OP_IXOR) {
        op -= PY_INPLACE_DELTA;
    }
    const py_type *ta = py_type_of(a), *tb = py_type_of(b);
    if (ta == &py_type_complex || tb == &py_type_complex) {
        return py_complex_binop(ctx, op, a, b);
    }
    /* float subclass instances compute as plain floats */
    ta = (ta->flags & PY_TF_CLASS) && ta->base_type == &py_type_float ? &py_type_float : ta;
    tb = (tb->flags & PY_TF_CLASS) && tb->base_type == &py_type_float ? &py_type_float : tb;
    if ((ta != &py_type_float && !py_is_int(a)) || (tb != &py_type_float && !py_is_int(b))) {
        return PY_NULL;
    }
    if (op >= PY_OP_LT && op <= PY_OP_GE && (ta != tb)) {
        return float_int_compare(ctx, op, a, b);
    }
    return float_binop(ctx, op, py_float_get(ctx, a), py_float_get(ctx, b));
}

static intptr_t float_hash(py_ctx *ctx, py_float_t f)
{
    if (isinf(f)) {
        return f > 0 ? 314159 : -314159;
    }
    if (isnan(f)) {
        return 0;
    }
    if (f == floor(f) && f > -9.2e18 && f < 9.2e18) {
        return py_int_hash(py_int_from(ctx, (intmax_t)f));
    }
    if (f == floor(f)) {
        return py_int_hash(py_int_from_float(ctx, f));
    }
    /* CPython-compatible: m * 2**e reduced modulo 2**61-1 */
    int e;
    double m = frexp((double)f, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    const uint64_t P = ((uint64_t)1 << 61) - 1;
    uint64_t x = 0;
    while (m) {
        x = ((x << 28) & P) | x >> (61 - 28);
        m *= 268435456.0;
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= P) {
            x -= P;
        }
    }
    e = e >= 0 ? e % 61 : 61 - 1 - ((-1 - e) % 61);
    x = ((x << e) & P) | x >> (61 - e);
    intptr_t h = (intptr_t)x * sign;
    if (sizeof(intptr_t) == 4) {
        h = (intptr_t)(x % ((1u << 31) - 1)) * sign;
    }
    return h == -1 ? -2 : h;
}

static py_val float_unary_op(py_ctx *ctx, int op, py_val a)
{
    py_float_t f = ((py_float_obj *)a)->v;
    switch (op) {
    case PY_OP_NEG: return py_float_new(ctx, -f);
    case PY_OP_POS:
    case PY_OP_FLOAT: return a;
    case PY_OP_ABS: return py_float_new(ctx, fabs(f));
    case PY_OP_BOOL: return PY_BOOL(f != 0);
    case PY_OP_INT: return py_int_from_float(ctx, f);
    case PY_OP_HASH: return PY_MK_SMALL(float_hash(ctx, f));
    default: return PY_NULL;
    }
}

static py_val float_make_new(py_ctx *ctx, const py_type *type, size_t n_args, size_t n_kw,
                             const py_val *args)
{
    py_check_nargs(ctx, n_args + n_kw, 0, 1);
    if (n_args == 0) {
        return py_float_new(ctx, 0);
    }
    py_val x = args[0];
    if (py_type_of(x) == &py_type_float) {
        return x;
    }
    if (py_is_str(x)) {
        size_t n;
        const char *s = py_str_get(ctx, x, &n);
        return py_float_from_str(ctx, s, n);
    }
    const py_type *t = py_type_of(x);
    if (!py_is_int(x) && t != &py_type_float && !(t->flags & PY_TF_CLASS)) {
        py_raise(ctx, &py_type_TypeError,
                 "float() argument must be a string or a real number, not '%s'", t->name);
    }
    return py_float_new(ctx, py_float_get(ctx, x));
}

static py_val float_is_integer(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    py_float_t f = ((py_float_obj *)args[0])->v;
    return PY_BOOL(isfinite(f) && f == floor(f));
}
static PY_FUN(float_is_integer_obj, "is_integer", 1, 1, float_is_integer);

static py_val float_as_ratio(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    py_float_t f = ((py_float_obj *)args[0])->v;
    if (isinf(f)) {
        py_raise(ctx, &py_type_OverflowError, "cannot convert Infinity to integer ratio");
    }
    if (isnan(f)) {
        py_raise(ctx, &py_type_ValueError, "cannot convert NaN to integer ratio");
    }
    int e;
    double m = frexp((double)f, &e);
    for (int i = 0; i < 300 && m != floor(m); i++) {
        m *= 2;
        e--;
    }
    py_val num = py_int_from_float(ctx, m);
    py_val den = PY_MK_SMALL(1);
    py_val sh = PY_MK_SMALL(e < 0 ? -e : e);
    if (e > 0) {
        num = py_int_binop(ctx, PY_OP_LSHIFT, num, sh);
    } else {
        den = py_int_binop(ctx, PY_OP_LSHIFT, den, sh);
    }
    py_val t[2] = {num, den};
    return py_tuple_new(ctx, 2, t);
}
static PY_FUN(float_as_ratio_obj, "as_integer_ratio", 1, 1, float_as_ratio);

static py_val float_hex(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    char buf[FP_REPR_SIZE + 8];
    int len = fp_hex((double)((py_float_obj *)args[0])->v, buf, sizeof(buf));
    return py_str_new(ctx, buf, len > 0 ? (size_t)len : 0);
}
static PY_FUN(float_hex_obj, "hex", 1, 1, float_hex);

static py_val float_fromhex(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    size_t len;
    const char *s = py_str_get(ctx, args[1], &len);
    double d;
    int r = fp_fromhex(s, len, &d);
    if (r == FP_EOVERFLOW) {
        py_raise(ctx, &py_type_OverflowError,
                 "hexadecimal value too large to represent as a float");
    }
    if (r != FP_OK) {
        py_raise(ctx, &py_type_ValueError, "invalid hexadecimal floating-point string");
    }
    return py_float_new(ctx, (py_float_t)d);
}
static PY_FUN(float_fromhex_fun, "fromhex", 2, 2, float_fromhex);
static PY_CLASSMETHOD(float_fromhex_obj, float_fromhex_fun);

static const py_attr_def float_locals[] = {
    {"is_integer", PY_OBJV(&float_is_integer_obj)},
    {"as_integer_ratio", PY_OBJV(&float_as_ratio_obj)},
    {"hex", PY_OBJV(&float_hex_obj)},
    {"fromhex", PY_OBJV(&float_fromhex_obj)},
    {NULL, 0},
};

static bool float_attr(py_ctx *ctx, py_val self, py_qstr name, int op, py_val *value)
{
    if (op != PY_ATTR_LOAD) {
        return false;
    }
    if (name == PY_Q_real) {
        *value = self;
        return true;
    }
    if (name == PY_Q_imag) {
        *value = py_float_new(ctx, 0);
        return true;
    }
    return false;
}

const py_type py_type_float = {
    {&py_type_type}, "float",         PY_TF_BASETYPE, float_make_new,         float_print, NULL,
    float_unary_op,  float_binary_op, float_attr,     .locals = float_locals,
};

/* --- complex --------------------------------------------------------------- */

py_val py_complex_new(py_ctx *ctx, py_float_t re, py_float_t im)
{
    py_complex *c = py_alloc_raw(ctx, sizeof(py_complex));
    c->base.type = &py_type_complex;
    c->re = re;
    c->im = im;
    return PY_VAL(c);
}

static bool complex_get(py_ctx *ctx, py_val v, py_float_t *re, py_float_t *im)
{
    const py_type *t = py_type_of(v);
    if (t == &py_type_complex) {
        *re = ((py_complex *)v)->re;
        *im = ((py_complex *)v)->im;
        return true;
    }
    if (t == &py_type_float || py_is_int(v)) {
        *re = py_float_get(ctx, v);
        *im = 0;
        return true;
    }
    return false;
}

static py_val complex_pow(py_ctx *ctx, py_float_t ar, py_float_t ai, py_float_t br, py_float_t bi)
{
    if (br == 0 && bi == 0) {
        return py_complex_new(ctx, 1, 0);
    }
    if (ar == 0 && ai == 0) {
        if (bi != 0 || br < 0) {
            py_raise(ctx, &py_type_ZeroDivisionError, "0.0 to a negative or complex power");
        }
        return py_complex_new(ctx, 0, 0);
    }
    if (bi == 0 && br == floor(br) && fabs(br) <= 100) {
        /* integer powers by repeated multiplication, exact like CPython */
        long n = (long)fabs(br);
        py_float_t rr = 1, ri = 0, xr = ar, xi = ai;
        while (n > 0) {
            if (n & 1) {
                py_float_t t = rr * xr - ri * xi;
                ri = rr * xi + ri * xr;
                rr = t;
            }
            py_float_t t = xr * xr - xi * xi;
            xi = 2 * xr * xi;
            xr = t;
            n >>= 1;
        }
        if (br < 0) {
            py_float_t d = rr * rr + ri * ri;
            return py_complex_new(ctx, rr / d, -ri / d);
        }
        return py_complex_new(ctx, rr, ri);
    }
    py_float_t vabs = hypot(ar, ai);
    py_float_t len = pow(vabs, br);
    py_float_t at = atan2(ai, ar);
    py_float_t phase = at * br;
    if (bi != 0) {
        len /= exp(at * bi);
        phase += bi * log(vabs);
    }
    return py_complex_new(ctx, len * cos(phase), len * sin(phase));
}

py_val py_complex_binop(py_ctx *ctx, int op, py_val a, py_val b)
{
    py_float_t ar, ai, br, bi;
    if (op >= PY_OP_IADD && op <= PY_OP_IXOR) {
        op -= PY_INPLACE_DELTA;
    }
    if (!complex_get(ctx, a, &ar, &ai) || !complex_get(ctx, b, &br, &bi)) {
        return PY_NULL;
    }
    switch (op) {
    case PY_OP_ADD: return py_complex_new(ctx, ar + br, ai + bi);
    case PY_OP_SUB: return py_complex_new(ctx, ar - br, ai - bi);
    case PY_OP_MUL: return py_complex_new(ctx, ar * br - ai * bi, ar * bi + ai * br);
    case PY_OP_TRUEDIV: {
        if (br == 0 && bi == 0) {
            py_raise(ctx, &py_type_ZeroDivisionError, "complex division by zero");
        }
        py_float_t d = br * br + bi * bi;
        return py_complex_new(ctx, (ar * br + ai * bi) / d, (ai * br - ar * bi) / d);
    }
    case PY_OP_POW: return complex_pow(ctx, ar, ai, br, bi);
    case PY_OP_EQ: return PY_BOOL(ar == br && ai == bi);
    case PY_OP_NE: return PY_BOOL(ar != br || ai != bi);
    default: return PY_NULL;
    }
}

static void print_part(py_print *p, py_float_t v)
{
    char buf[FP_REPR_SIZE];
    int n;
    if (v == floor(v) && fabs(v) < 1e16) {
        /* integral parts print without ".0" inside complex reprs */
        n = fp_repr((double)v, buf, sizeof(buf));
        if (n > 2 && buf[n - 2] == '.' && buf[n - 1] == '0') {
            n -= 2;
        }
    } else {
        n = fp_repr((double)v, buf, sizeof(buf));
    }
    p->write(p->data, buf, n > 0 ? (size_t)n : 0);
}

static void complex_print(py_ctx *ctx, py_print *p, py_val self, int kind)
{
    py_complex *c = PY_PTR(self);
    if (c->re == 0 && !signbit(c->re)) {
        print_part(p, c->im);
        py_print_str(p, "j");
        return;
    }
    py_print_str(p, "(");
    print_part(p, c->re);
    if (c->im >= 0 || isnan(c->im)) {
        py_print_str(p, "+");
    }
    print_part(p, c->im);
    py_print_str(p, "j)");
}

static py_val complex_unary_op(py_ctx *ctx, int op, py_val a)
{
    py_complex *c = PY_PTR(a);
    switch (op) {
    case PY_OP_NEG: return py_complex_new(ctx, -c->re, -c->im);
    case PY_OP_POS: return a;
    case PY_OP_ABS: return py_float_new(ctx, hypot(c->re, c->im));
    case PY_OP_BOOL: return PY_BOOL(c->re != 0 || c->im != 0);
    case PY_OP_HASH: {
        intptr_t h = float_hash(ctx, c->re) + 1000003 * float_hash(ctx, c->im);
        return PY_MK_SMALL(h == -1 ? -2 : h);
    }
    default: return PY_NULL;
    }
}

/* One real number inside a complex() string; CPython reports the whole string as malformed. */
static py_float_t complex_part(py_ctx *ctx, const char *s, size_t len)
{
    double d;
    if (fp_parse(s, len, FP_PARSE_FLOAT, &d) != FP_OK) {
        py_raise(ctx, &py_type_ValueError, "complex() arg is a malformed string");
    }
    return (py_float_t)d;
}

static void complex_trim(const char **s, size_t *n)
{
    while (*n > 0 && strchr(" \t\n\r\f\v", (*s)[0]) != NULL) {
        (*s)++, (*n)--;
    }
    while (*n > 0 && strchr(" \t\n\r\f\v", (*s)[*n - 1]) != NULL) {
        (*n)--;
    }
}

/* complex(x) for an instance whose class defines __complex__ or __float__. */
static bool complex_from_special(py_ctx *ctx, py_val v, py_float_t *re, py_float_t *im)
{
    py_val m = py_special(ctx, v, PY_Q___complex__);
    if (m != PY_NULL) {
        py_val r = py_call(ctx, m, 0, NULL);
        if (py_type_of(r) != &py_type_complex) {
            py_raise(ctx, &py_type_TypeError, "__complex__ returned non-complex (type %s)",
                     py_type_name(r));
        }
        return complex_get(ctx, r, re, im);
    }
    if (py_special(ctx, v, PY_Q___float__) != PY_NULL) {
        *re = py_float_get(ctx, v);
        *im = 0;
        return true;
    }
    return false;
}

static py_val complex_make_new(py_ctx *ctx, const py_type *type, size_t n_args, size_t n_kw,
                               const py_val *args)
{
    py_check_nargs(ctx, n_args, 0, 2);
    py_float_t re = 0, im = 0, r2, i2;
    if (n_args >= 1) {
        if (py_is_str(args[0])) {
            size_t n;
            const char *s = py_str_get(ctx, args[0], &n);
            complex_trim(&s, &n);
            if (n >= 2 && s[0] == '(' && s[n - 1] == ')') { /* repr() form */
                s++, n -= 2;
                complex_trim(&s, &n);
            }
            /* accept "a", "bj", "a+bj" forms */
            size_t i = n;
            if (i > 0 && (s[i - 1] == 'j' || s[i - 1] == 'J')) {
                size_t k = i - 1;
                while (k > 1 &&
                       !((s[k - 1] == '+' || s[k - 1] == '-') && (s[k - 2] | 0x20) != 'e')) {
                    k--;
                }
                if (k <= 1) {
                    k = 0;
                    if (i - 1 == 0 || (i - 1 == 1 && (s[0] == '+' || s[0] == '-'))) {
                        im = s[0] == '-' ? -1 : 1;
                    } else {
                        im = complex_part(ctx, s, i - 1);
                    }
                } else {
                    re = complex_part(ctx, s, k - 1);
                    size_t ilen = i - 1 - (k - 1);
                    if (ilen == 1) {
                        im = s[k - 1] == '-' ? -1 : 1;
                    } else {
                        im = complex_part(ctx, s + k - 1, ilen);
                    }
                }
            } else {
                re = complex_part(ctx, s, n);
            }
            return py_complex_new(ctx, re, im);
        }
        if (!complex_get(ctx, args[0], &re, &im) && !complex_from_special(ctx, args[0], &re, &im)) {
            py_raise(ctx, &py_type_TypeError,
                     "complex() first argument must be a string or a number, not '%s'",
                     py_type_name(args[0]));
        }
    }
    if (n_args == 2) {
        if (!complex_get(ctx, args[1], &r2, &i2)) {
            py_raise(ctx, &py_type_TypeError,
                     "complex() second argument must be a number, not '%s'", py_type_name(args[1]));
        }
        re -= i2;
        im += r2;
    }
    return py_complex_new(ctx, re, im);
}

static bool complex_attr(py_ctx *ctx, py_val self, py_qstr name, int op, py_val *value)
{
    if (op != PY_ATTR_LOAD) {
        return false;
    }
    py_complex *c = PY_PTR(self);
    if (name == PY_Q_real || name == PY_Q_imag) {
        *value = py_float_new(ctx, name == PY_Q_real ? c->re : c->im);
        return true;
    }
    return false;
}

static py_val complex_conjugate(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    py_complex *c = PY_PTR(args[0]);
    return py_complex_new(ctx, c->re, -c->im);
}
static PY_FUN(complex_conjugate_obj, "conjugate", 1, 1, complex_conjugate);

static const py_attr_def complex_locals[] = {
    {"conjugate", PY_OBJV(&complex_conjugate_obj)},
    {NULL, 0},
};

const py_type py_type_complex = {
    {&py_type_type},          "complex",        0,
    complex_make_new,         complex_print,    NULL,
    complex_unary_op,         py_complex_binop, complex_attr,
    .locals = complex_locals,
};
