/* int and bool: unboxed small ints, arbitrary precision through bigint. */
#include "internal.h"

#include "bigint/bigint.h"

typedef struct py_bigint {
    py_obj base;
    size_t len;
    int neg;
    bi_digit d[];
} py_bigint;

#define SMALL_DIGITS (BI_I64_DIGITS + 1)

bool py_is_int(py_val v)
{
    if (PY_IS_SMALL(v)) {
        return true;
    }
    if (PY_IS_QSTR(v)) {
        return false;
    }
    const py_type *t = ((py_obj *)v)->type;
    if (t == &py_type_int || t == &py_type_bool) {
        return true;
    }
    return (t->flags & PY_TF_CLASS) && t->base_type == &py_type_int;
}

bool py_int_is_big(py_val v)
{
    if (!PY_IS_PTR(v) || v == 0) {
        return false;
    }
    const py_type *t = ((py_obj *)v)->type;
    return t == &py_type_int || ((t->flags & PY_TF_CLASS) && t->base_type == &py_type_int);
}

/* View of any int value as a bi_t (buf needs SMALL_DIGITS digits). */
static void view(py_val v, bi_t *x, bi_digit *buf)
{
    if (py_int_is_big(v)) {
        py_bigint *b = PY_PTR(v);
        x->d = b->d;
        x->len = x->cap = b->len;
        x->neg = b->neg;
        return;
    }
    bi_init(x, buf, SMALL_DIGITS);
    intptr_t i = PY_IS_SMALL(v) ? PY_SMALL(v) : (v == PY_TRUE);
    bi_set_i64(x, i);
}

static py_bigint *big_alloc(py_ctx *ctx, size_t cap, bi_t *x)
{
    if (cap == 0) {
        cap = 1;
    }
    if (cap > ((size_t)1 << 26)) {
        py_raise(ctx, &py_type_MemoryError, NULL);
    }
    py_bigint *b = py_alloc_raw_nz(ctx, sizeof(py_bigint) + cap * sizeof(bi_digit));
    b->base.type = &py_type_int;
    b->len = 0;
    b->neg = 0;
    bi_init(x, b->d, cap);
    return b;
}

/* Finish a computed value: small if it fits, else the bigint object. */
static py_val big_finish(py_bigint *b, bi_t *x)
{
    int64_t i;
    if (bi_to_i64(x, &i) == BI_OK && PY_SMALL_FITS(i)) {
        return PY_MK_SMALL(i);
    }
    b->len = x->len;
    b->neg = x->neg;
    return PY_VAL(b);
}

py_val py_int_from(py_ctx *ctx, intmax_t v)
{
    if (PY_SMALL_FITS(v)) {
        return PY_MK_SMALL(v);
    }
    bi_t x;
    py_bigint *b = big_alloc(ctx, BI_I64_DIGITS, &x);
    bi_set_i64(&x, (int64_t)v);
    return big_finish(b, &x);
}

py_val py_int_from_u(py_ctx *ctx, uintmax_t v)
{
    if (v <= (uintmax_t)PY_SMALL_MAX) {
        return PY_MK_SMALL(v);
    }
    bi_t x;
    py_bigint *b = big_alloc(ctx, BI_I64_DIGITS, &x);
    bi_set_u64(&x, (uint64_t)v);
    return big_finish(b, &x);
}

bool py_int_get_checked(py_ctx *ctx, py_val v, intmax_t *out)
{
    if (PY_IS_SMALL(v)) {
        *out = PY_SMALL(v);
        return true;
    }
    if (v == PY_TRUE || v == PY_FALSE) {
        *out = v == PY_TRUE;
        return true;
    }
    if (!py_is_int(v)) {
        if (py_type_of(v)->flags & PY_TF_CLASS) {
            py_val m = py_special(ctx, v, PY_Q___index__);
            if (m != PY_NULL) {
                return py_int_get_checked(ctx, py_call(ctx, m, 0, NULL), out);
            }
        }
        py_raise(ctx, &py_type_TypeError, "'%s' object cannot be interpreted as an integer",
                 py_type_name(v));
    }
    bi_t x;
    view(v, &x, NULL);
    int64_t i;
    if (bi_to_i64(&x, &i) != BI_OK) {
        return false;
    }
    *out = i;
    return true;
}

intmax_t py_int_get(py_ctx *ctx, py_val v)
{
    intmax_t i;
    if (!py_int_get_checked(ctx, v, &i)) {
        py_raise(ctx, &py_type_OverflowError, "Python int too large to convert to C int");
    }
    return i;
}

int py_int_sign(py_val v)
{
    if (py_int_is_big(v)) {
        return ((py_bigint *)v)->neg ? -1 : 1;
    }
    intptr_t i = PY_IS_SMALL(v) ? PY_SMALL(v) : (v == PY_TRUE);
    return i < 0 ? -1 : i > 0;
}

intptr_t py_int_hash(py_val v)
{
    bi_digit buf[SMALL_DIGITS];
    bi_t x;
    view(v, &x, buf);
    return bi_hash(&x);
}

py_float_t py_int_to_float(py_ctx *ctx, py_val v)
{
    if (!py_int_is_big(v)) {
        return (py_float_t)(PY_IS_SMALL(v) ? PY_SMALL(v) : (v == PY_TRUE));
    }
    bi_t x;
    view(v, &x, NULL);
    double d;
    if (bi_to_double(&x, &d) != BI_OK) {
        py_raise(ctx, &py_type_OverflowError, "int too large to convert to float");
    }
    return (py_float_t)d;
}

py_val py_int_from_float(py_ctx *ctx, py_float_t f)
{
    if (f != f) {
        py_raise(ctx, &py_type_ValueError, "cannot convert float NaN to integer");
    }
    if (f - f != 0) {
        py_raise(ctx, &py_type_OverflowError, "cannot convert float infinity to integer");
    }
    if (f > -4.0e18 && f < 4.0e18) {
        return py_int_from(ctx, (intmax_t)f);
    }
    bi_t x;
    py_bigint *b = big_alloc(ctx, bi_from_double_size((double)f), &x);
    bi_from_double(&x, (double)f);
    return big_finish(b, &x);
}

py_val py_int_to_str(py_ctx *ctx, py_val v, int base)
{
    bi_digit buf[SMALL_DIGITS];
    bi_t x;
    view(v, &x, buf);
    size_t n = bi_str_size(&x, (unsigned)base);
    size_t ns = bi_to_str_scratch(&x);
    py_str_obj *s = py_str_alloc(ctx, &py_type_str, n);
    bi_digit *scratch = py_alloc_raw(ctx, (ns + 1) * sizeof(bi_digit));
    if (x.d == buf) {
        /* the view's buffer lives on this stack frame: keep it valid */
    }
    size_t len;
    bi_to_str(&x, (unsigned)base, s->data, n + 1, &len, scratch);
    s->len = (uint32_t)len;
    s->data[len] = 0;
    return py_str_finish(ctx, s);
}

py_val py_int_from_str(py_ctx *ctx, const char *s, size_t len, int base, bool exc)
{
    const char *orig = s;
    size_t olen = len;
    int req_base = base; /* the message names the base the caller asked for */
    while (len > 0 &&
           (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r' || *s == '\f' || *s == '\v')) {
        s++, len--;
    }
    while (len > 0 && (s[len - 1] == ' ' || s[len - 1] == '\t' || s[len - 1] == '\n' ||
                       s[len - 1] == '\r' || s[len - 1] == '\f' || s[len - 1] == '\v')) {
        len--;
    }
    bool neg = false;
    if (len > 0 && (*s == '+' || *s == '-')) {
        neg = *s == '-';
        s++, len--;
    }
    if (len >= 2 && s[0] == '0') {
        char c = (char)(s[1] | 0x20);
        int pb = c == 'x' ? 16 : c == 'o' ? 8 : c == 'b' ? 2 : 0;
        if (pb != 0 && (base == 0 || base == pb)) {
            base = pb;
            s += 2, len -= 2;
            if (len > 0 && *s == '_') {
                s++, len--;
            }
        }
    }
    bool explicit_zero_base = base == 0;
    if (base == 0) {
        base = 10;
    }
    /* strip underscores between digits */
    char small[64];
    char *digits = len < sizeof(small) ? small : py_alloc_raw(ctx, len + 1);
    size_t nd = 0;
    bool ok = len > 0;
    for (size_t i = 0; i < len && ok; i++) {
        char c = s[i];
        if (c == '_') {
            ok = i > 0 && i + 1 < len && s[i + 1] != '_';
            continue;
        }
        int d = c >= '0' && c <= '9'                     ? c - '0'
                : (c | 0x20) >= 'a' && (c | 0x20) <= 'z' ? (c | 0x20) - 'a' + 10
                                                         : 99;
        ok = d < base;
        digits[nd++] = c;
    }
    if (ok && explicit_zero_base && nd > 1 && digits[0] == '0') {
        for (size_t i = 0; i < nd; i++) {
            ok = ok && digits[i] == '0';
        }
    }
    if (!ok || nd == 0) {
        if (!exc) {
            return PY_NULL;
        }
        py_val sv = py_str_new(ctx, orig, olen);
        py_raise(ctx, &py_type_ValueError, "invalid literal for int() with base %d: %r", req_base,
                 sv);
    }
    if (nd <= 18 && base == 10) {
        intmax_t v = 0;
        for (size_t i = 0; i < nd; i++) {
            v = v * 10 + (digits[i] - '0');
        }
        return py_int_from(ctx, neg ? -v : v);
    }
    bi_t x;
    py_bigint *b = big_alloc(ctx, bi_from_str_size(nd, (unsigned)base), &x);
    bi_from_str(&x, digits, nd, (unsigned)base);
    if (neg && x.len > 0) {
        x.neg = 1;
    }
    return big_finish(b, &x);
}

/* --- arithmetic ------------------------------------------------------------ */

static py_val int_pow_small(py_ctx *ctx, intptr_t base, intptr_t e, bool *overflow)
{
    intptr_t r = 1;
    *overflow = false;
    while (e > 0) {
        if (e & 1) {
            if (__builtin_mul_overflow(r, base, &r)) {
                *overflow = true;
                return PY_NULL;
            }
        }
        e >>= 1;
        if (e > 0 && __builtin_mul_overflow(base, base, &base)) {
            *overflow = true;
            return PY_NULL;
        }
    }
    return PY_SMALL_FITS(r) ? PY_MK_SMALL(r) : py_int_from(ctx, r);
}

static _Noreturn void zero_div(py_ctx *ctx, int op)
{
    py_raise(ctx, &py_type_ZeroDivisionError,
             op == PY_OP_MOD      ? "integer modulo by zero"
             : op == PY_OP_DIVMOD ? "integer division or modulo by zero"
                                  : "integer division or modulo by zero");
}

static py_val big_binop(py_ctx *ctx, int op, py_val a, py_val b)
{
    bi_digit ba[SMALL_DIGITS], bb[SMALL_DIGITS];
    bi_t x, y, r;
    view(a, &x, ba);
    view(b, &y, bb);
    py_bigint *res;
    switch (op) {
    case PY_OP_ADD:
    case PY_OP_SUB:
        res = big_alloc(ctx, bi_add_size(&x, &y), &r);
        (op == PY_OP_ADD ? bi_add : bi_sub)(&r, &x, &y);
        return big_finish(res, &r);
    case PY_OP_MUL: {
        res = big_alloc(ctx, bi_mul_size(&x, &y), &r);
        bi_digit *s = py_alloc_raw_nz(ctx, (bi_mul_scratch(x.len, y.len) + 1) * sizeof(bi_digit));
        bi_mul(&r, &x, &y, s);
        return big_finish(res, &r);
    }
    case PY_OP_FLOORDIV:
    case PY_OP_MOD:
    case PY_OP_DIVMOD: {
        if (y.len == 0) {
            zero_div(ctx, op);
        }
        bi_t q, m;
        py_bigint *qo = big_alloc(ctx, bi_div_size(&x, &y), &q);
        py_bigint *mo = big_alloc(ctx, y.len + 1, &m);
        bi_digit *s = py_alloc_raw_nz(ctx, (bi_div_scratch(x.len, y.len) + 1) * sizeof(bi_digit));
        bi_divmod(&q, &m, &x, &y, s);
        py_val qv = big_finish(qo, &q), mv = big_finish(mo, &m);
        if (op == PY_OP_FLOORDIV) {
            return qv;
        }
        if (op == PY_OP_MOD) {
            return mv;
        }
        py_val t[2] = {qv, mv};
        return py_tuple_new(ctx, 2, t);
    }
    case PY_OP_TRUEDIV: {
        if (y.len == 0) {
            py_raise(ctx, &py_type_ZeroDivisionError, "division by zero");
        }
        double d;
        bi_digit *s =
            py_alloc_raw_nz(ctx, (bi_truediv_scratch(x.len, y.len) + 1) * sizeof(bi_digit));
        if (bi_truediv(&x, &y, &d, s) == BI_EOVERFLOW) {
            py_raise(ctx, &py_type_OverflowError, "integer division result too large for a float");
        }
        return py_float_new(ctx, (py_float_t)d);
    }
    case PY_OP_POW: {
        if (y.neg) {
            return PY_NULL; /* handled by float */
        }
        int64_t e;
        if (bi_to_i64(&y, &e) != BI_OK) {
            py_raise(ctx, &py_type_OverflowError, "exponent too large");
        }
        size_t sz = bi_pow_size(&x, (uint64_t)e);
        if (sz == 0 || sz > ((size_t)1 << 24)) {
            py_raise(ctx, &py_type_MemoryError, NULL);
        }
        res = big_alloc(ctx, sz, &r);
        bi_digit *s =
            py_alloc_raw_nz(ctx, (bi_pow_scratch(&x, (uint64_t)e) + 1) * sizeof(bi_digit));
        bi_pow(&r, &x, (uint64_t)e, s);
        return big_finish(res, &r);
    }
    case PY_OP_LSHIFT:
    case PY_OP_RSHIFT: {
        int64_t n;
        if (y.neg) {
            py_raise(ctx, &py_type_ValueError, "negative shift count");
        }
        if (bi_to_i64(&y, &n) != BI_OK || n > (1 << 28)) {
            if (op == PY_OP_RSHIFT) {
                return PY_MK_SMALL(x.neg ? -1 : 0);
            }
            py_raise(ctx, &py_type_OverflowError, "too many digits in integer");
        }
        size_t sz = op == PY_OP_LSHIFT ? bi_shl_size(&x, (size_t)n) : bi_shr_size(&x, (size_t)n);
        res = big_alloc(ctx, sz, &r);
        (op == PY_OP_LSHIFT ? bi_shl : bi_shr)(&r, &x, (size_t)n);
        return big_finish(res, &r);
    }
    case PY_OP_AND:
    case PY_OP_OR:
    case PY_OP_XOR:
        res = big_alloc(ctx, bi_bitop_size(&x, &y), &r);
        (op == PY_OP_AND ? bi_and : op == PY_OP_OR ? bi_or : bi_xor)(&r, &x, &y);
        return big_finish(res, &r);
    case PY_OP_LT:
    case PY_OP_GT:
    case PY_OP_EQ:
    case PY_OP_NE:
    case PY_OP_LE:
    case PY_OP_GE: {
        int c = bi_cmp(&x, &y);
        switch (op) {
        case PY_OP_LT: return PY_BOOL(c < 0);
        case PY_OP_GT: return PY_BOOL(c > 0);
        case PY_OP_EQ: return PY_BOOL(c == 0);
        case PY_OP_NE: return PY_BOOL(c != 0);
        case PY_OP_LE: return PY_BOOL(c <= 0);
        default: return PY_BOOL(c >= 0);
        }
    }
    }
    return PY_NULL;
}

static intptr_t floordiv(intptr_t a, intptr_t b)
{
    intptr_t q = a / b;
    if ((a % b != 0) && ((a < 0) != (b < 0))) {
        q--;
    }
    return q;
}

static intptr_t floormod(intptr_t a, intptr_t b)
{
    intptr_t m = a % b;
    if (m != 0 && ((m < 0) != (b < 0))) {
        m += b;
    }
    return m;
}

/* Both operands ints (small, big or bool). */
py_val py_int_binop(py_ctx *ctx, int op, py_val a, py_val b)
{
    if (op >= PY_OP_IADD && op <= PY_OP_IXOR) {
        op -= PY_INPLACE_DELTA;
    }
    if (!PY_IS_SMALL(a) && !py_int_is_big(a)) {
        a = PY_MK_SMALL(a == PY_TRUE);
    }
    if (!PY_IS_SMALL(b) && !py_int_is_big(b)) {
        b = PY_MK_SMALL(b == PY_TRUE);
    }
    if (PY_IS_SMALL(a) && PY_IS_SMALL(b)) {
        intptr_t x = PY_SMALL(a), y = PY_SMALL(b), r;
        switch (op) {
        case PY_OP_ADD: r = x + y; goto done;
        case PY_OP_SUB: r = x - y; goto done;
        case PY_OP_MUL:
            if (__builtin_mul_overflow(x, y, &r)) {
                break;
            }
            goto done;
        case PY_OP_FLOORDIV:
            if (y == 0) {
                zero_div(ctx, op);
            }
            r = floordiv(x, y);
            goto done;
        case PY_OP_MOD:
            if (y == 0) {
                zero_div(ctx, op);
            }
            r = floormod(x, y);
            goto done;
        case PY_OP_DIVMOD: {
            if (y == 0) {
                zero_div(ctx, op);
            }
            py_val t[2] = {py_int_from(ctx, floordiv(x, y)), PY_MK_SMALL(floormod(x, y))};
            return py_tuple_new(ctx, 2, t);
        }
        case PY_OP_TRUEDIV:
            if (y == 0) {
                py_raise(ctx, &py_type_ZeroDivisionError, "division by zero");
            }
#if INTPTR_MAX > (1LL << 53) /* on 32-bit targets every small int is exact as a double */
            if (x > -(1LL << 53) && x < (1LL << 53) && y > -(1LL << 53) && y < (1LL << 53))
#endif
            {
                return py_float_new(ctx, (py_float_t)x / (py_float_t)y);
            }
            break;
        case PY_OP_POW: {
            if (y < 0) {
                return PY_NULL;
            }
            bool ovf;
            py_val v = int_pow_small(ctx, x, y, &ovf);
            if (!ovf) {
                return v;
            }
            break;
        }
        case PY_OP_LSHIFT:
            if (y < 0) {
                py_raise(ctx, &py_type_ValueError, "negative shift count");
            }
            if (y < (intptr_t)(sizeof(intptr_t) * 8 - 2)) {
                r = (intptr_t)((uintptr_t)x << y);
                if ((r >> y) == x) {
                    goto done;
                }
            }
            if (x == 0) {
                return PY_MK_SMALL(0);
            }
            break;
        case PY_OP_RSHIFT:
            if (y < 0) {
                py_raise(ctx, &py_type_ValueError, "negative shift count");
            }
            r = y >= (intptr_t)(sizeof(intptr_t) * 8) ? (x < 0 ? -1 : 0) : x >> y;
            goto done;
        case PY_OP_AND: r = x & y; goto done;
        case PY_OP_OR: r = x | y; goto done;
        case PY_OP_XOR: r = x ^ y; goto done;
        case PY_OP_LT: return PY_BOOL(x < y);
        case PY_OP_GT: return PY_BOOL(x > y);
        case PY_OP_EQ: return PY_BOOL(x == y);
        case PY_OP_NE: return PY_BOOL(x != y);
        case PY_OP_LE: return PY_BOOL(x <= y);
        case PY_OP_GE: return PY_BOOL(x >= y);
        default: return PY_NULL;
        }
        goto big;
    done:
        return PY_SMALL_FITS(r) ? PY_MK_SMALL(r) : py_int_from(ctx, r);
    }
big:
    return big_binop(ctx, op, a, b);
}

static py_val int_binary_op(py_ctx *ctx, int op, py_val a, py_val b)
{
    if (py_is_int(a) && py_is_int(b)) {
        py_val r = py_int_binop(ctx, op, a, b);
        if (r != PY_NULL) {
            return r;
        }
        if ((op == PY_OP_POW || op == PY_OP_IPOW)) {
            if (py_int_sign(a) == 0) {
                py_raise(ctx, &py_type_ZeroDivisionError,
                         "0.0 cannot be raised to a negative power");
            }
            return py_float_new(ctx, 0) == PY_NULL
                       ? PY_NULL
                       : py_binary_op(ctx, PY_OP_POW, py_float_new(ctx, py_int_to_float(ctx, a)),
                                      b);
        }
        return PY_NULL;
    }
    const py_type *ta = py_type_of(a), *tb = py_type_of(b);
    if (ta == &py_type_float || tb == &py_type_float) {
        if ((py_is_int(a) || ta == &py_type_float) && (py_is_int(b) || tb == &py_type_float)) {
            return py_type_float.binary_op(ctx, op, a, b);
        }
        return PY_NULL;
    }
    if (ta == &py_type_complex || tb == &py_type_complex) {
        return py_complex_binop(ctx, op, a, b);
    }
    if (op == PY_OP_MUL || op == PY_OP_IMUL) {
        /* int * sequence: let the sequence handle it */
        const py_type *t = py_is_int(a) ? tb : ta;
        if (t == &py_type_str || t == &py_type_list || t == &py_type_tuple || t == &py_type_bytes ||
            t == &py_type_bytearray) {
            return t->binary_op(ctx, PY_OP_MUL, a, b);
        }
    }
    return PY_NULL;
}

static py_val int_unary_op(py_ctx *ctx, int op, py_val a)
{
    if (!PY_IS_SMALL(a) && !py_int_is_big(a)) {
        a = PY_MK_SMALL(a == PY_TRUE);
    }
    if (PY_IS_SMALL(a)) {
        intptr_t x = PY_SMALL(a);
        switch (op) {
        case PY_OP_NEG: return py_int_from(ctx, -(intmax_t)x);
        case PY_OP_POS:
        case PY_OP_INT: return a;
        case PY_OP_INVERT: return PY_MK_SMALL(~x);
        case PY_OP_ABS: return py_int_from(ctx, x < 0 ? -(intmax_t)x : x);
        case PY_OP_BOOL: return PY_BOOL(x != 0);
        case PY_OP_HASH: return PY_MK_SMALL(py_int_hash(a));
        case PY_OP_FLOAT: return py_float_new(ctx, (py_float_t)x);
        default: return PY_NULL;
        }
    }
    bi_t x, r;
    view(a, &x, NULL);
    py_bigint *res;
    switch (op) {
    case PY_OP_NEG:
    case PY_OP_ABS:
        res = big_alloc(ctx, x.len, &r);
        bi_copy(&r, &x);
        r.neg = op == PY_OP_NEG ? !x.neg : 0;
        return big_finish(res, &r);
    case PY_OP_POS:
    case PY_OP_INT: return a;
    case PY_OP_INVERT:
        res = big_alloc(ctx, bi_bitop_size(&x, &x), &r);
        bi_invert(&r, &x);
        return big_finish(res, &r);
    case PY_OP_BOOL: return PY_TRUE;
    case PY_OP_HASH: return PY_MK_SMALL(py_int_hash(a));
    case PY_OP_FLOAT: return py_float_new(ctx, py_int_to_float(ctx, a));
    default: return PY_NULL;
    }
}

static void int_print(py_ctx *ctx, py_print *p, py_val self, int kind)
{
    if (self == PY_TRUE || self == PY_FALSE) {
        py_print_str(p, self == PY_TRUE ? "True" : "False");
        return;
    }
    if (PY_IS_SMALL(self)) {
        py_printf(ctx, p, "%ld", (long)PY_SMALL(self));
        return;
    }
    py_val s = py_int_to_str(ctx, self, 10);
    size_t n;
    const char *d = py_str_get(ctx, s, &n);
    p->write(p->data, d, n);
}

static py_val int_make_new(py_ctx *ctx, const py_type *type, size_t n_args, size_t n_kw,
                           const py_val *args)
{
    py_val a[2] = {PY_NULL, PY_NULL};
    static const py_arg_spec spec[] = {{0, 0, PY_NULL}, {PY_Q_base, 0, PY_NULL}};
    if (n_args > 2) {
        py_raise(ctx, &py_type_TypeError, "int() takes at most 2 arguments (%d given)",
                 (int)n_args);
    }
    py_parse_args(ctx, n_args, n_kw, args, spec, 2, a);
    if (a[0] == PY_NULL) {
        return PY_MK_SMALL(0);
    }
    py_val x = a[0];
    if (a[1] != PY_NULL) {
        if (!py_is_str(x)) {
            py_raise(ctx, &py_type_TypeError, "int() can't convert non-string with explicit base");
        }
        intmax_t base = py_int_get(ctx, a[1]);
        if (base != 0 && (base < 2 || base > 36)) {
            py_raise(ctx, &py_type_ValueError, "int() base must be >= 2 and <= 36, or 0");
        }
        size_t n;
        const char *s = py_str_get(ctx, x, &n);
        return py_int_from_str(ctx, s, n, (int)base, true);
    }
    if (PY_IS_SMALL(x) || py_int_is_big(x)) {
        return x;
    }
    if (x == PY_TRUE || x == PY_FALSE) {
        return PY_MK_SMALL(x == PY_TRUE);
    }
    const py_type *t = py_type_of(x);
    if (t == &py_type_float) {
        return py_int_from_float(ctx, ((py_float_obj *)x)->v);
    }
    if (py_is_str(x)) {
        size_t n;
        const char *s = py_str_get(ctx, x, &n);
        return py_int_from_str(ctx, s, n, 10, true);
    }
    if (t->flags & PY_TF_CLASS) {
        py_val m = py_special(ctx, x, PY_Q___int__);
        bool is_int_hook = m != PY_NULL;
        if (m == PY_NULL) {
            m = py_special(ctx, x, PY_Q___index__);
        }
        if (m != PY_NULL) {
            py_val r = py_call(ctx, m, 0, NULL);
            if (!py_is_int(r)) {
                py_raise(ctx, &py_type_TypeError, "__%s__ returned non-int (type %s)",
                         is_int_hook ? "int" : "index", py_type_name(r));
            }
            return r;
        }
    }
    py_raise(ctx, &py_type_TypeError,
             "int() argument must be a string, a bytes-like object or a real number, not '%s'",
             py_type_name(x));
}

static py_val int_bit_length(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    bi_digit buf[SMALL_DIGITS];
    bi_t x;
    view(args[0], &x, buf);
    return PY_MK_SMALL(bi_bit_length(&x));
}
static PY_FUN(int_bit_length_obj, "bit_length", 1, 1, int_bit_length);

/* int.bit_count(): the number of ones in the binary form of abs(self). */
static py_val int_bit_count(py_ctx *ctx, size_t n, size_t nkw, const py_val *args)
{
    bi_digit buf[SMALL_DIGITS];
    bi_t x;
    view(args[0], &x, buf);
    size_t ones = 0;
    for (size_t i = 0; i < x.len; i++) {
        ones += (size_t)__builtin_popcountll((unsigned long long)x.d[i]);
    }
    return PY_MK_SMALL(ones);
}
static PY_FUN(int_bit_count_obj, "bit_count", 1, 1, int_bit_count);

static bool int_byteorder_little(py_ctx *ctx, py_val order)
{
    if (py_equal(ctx, order, PY_MK_QSTR(PY_Q_little))) {
        return true;
    }
    if (!py_equal(ctx, order, PY_MK_QSTR(PY_Q_big))) {
        py_raise(ctx, &py_type_ValueError, "byteorder must be either 'little' or 'big'");
    }
    return false;
}

/* Replace the len bytes at d (least significant first) by their two's complement. */
static void int_bytes_negate(uint8_t *d, size_t len)
{
    unsigned carry = 1;
    for (size_t i = 0; i < len; i++) {
        unsigned v = (uint8_t)~d[i] + carry;
        d[i] = (uint8_t)v;
        carry = v >> 8;
    }
}

static py_val int_to_bytes(py_ctx *ctx, size_t n_args, size_t n_kw, const py_val *args)
{
    static const py_arg_spec spec[] = {{0, PY_ARG_REQUIRED, PY_NULL},
                                       {PY_Q_length, 0, PY_MK_SMALL(1)},
                                       {PY_Q_byteorder, 0, PY_MK_QSTR(PY_Q_big)},
                                       {PY_Q_signed, PY_ARG_KWONLY, PY_FALSE}};
    py_val a[4];
    py_parse_args(ctx, n_args, n_kw, args, spec, 4, a);
    intmax_t len = py_int_get(ctx, a[1]);
    bool little = int_byteorder_little(ctx, a[2]);
    bool sign = py_truthy(ctx, a[3]);
    if (len < 0) {
        py_raise(ctx, &py_type_ValueError, "length argument must be non-negative");
    }
    bi_digit buf[SMALL_DIGITS];
    bi_t x;
    view(a[0], &x, buf);
    if (x.neg && !sign) {
        py_raise(ctx, &py_type_OverflowError, "can't convert negative int to unsigned");
    }
    size_t bits = bi_bit_length(&x);
    if (((bits + 7) / 8 > (size_t)len && !(x.neg && bits == 1)) ||
        (sign && !x.neg && bits > 0 && bits + 1 > (size_t)len * 8)) {
        py_raise(ctx, &py_type_OverflowError, "int too big to convert");
    }
    py_str_obj *s = py_str_alloc(ctx, &py_type_bytes, (size_t)len);
    uint8_t *d = (uint8_t *)s->data;
    for (intmax_t i = 0; i < len; i++) {
        size_t bit = (size_t)i * 8;
        size_t di = bit / BI_DIGIT_BITS;
        d[i] = di < x.len ? (uint8_t)(x.d[di] >> (bit % BI_DIGIT_BITS)) : 0;
    }
    if (x.neg) {
        int_bytes_negate(d, (size_t)len);
        /* CPython lets -1 through as b'' when length is 0 */
        if (len > 0 ? !(d[len - 1] & 0x80) : bits != 1) {
            py_raise(ctx, &py_type_OverflowError, "int too big to convert");
        }
    }
    for (intmax_t i = 0; !little && i < len / 2; i++) {
        uint8_t t = d[i];
        d[i] = d[len - 1 - i];
        d[len - 1 - i] = t;
    }
    return py_str_finish(ctx, s);
}
static PY_FUN_KWARGS(int_to_bytes_obj, "to_bytes", 1, int_to_bytes);

static py_val int_from_bytes(py_ctx *ctx, size_t n_args, size_t n_kw, const py_val *args)
{
    static const py_arg_spec spec[] = {{0, PY_ARG_REQUIRED, PY_NULL},
                                       {0, PY_ARG_REQUIRED, PY_NULL},
                                       {PY_Q_byteorder, 0, PY_MK_QSTR(PY_Q_big)},
                                       {PY_Q_signed, PY_ARG_KWONLY, PY_FALSE}};
    py_val a[4];
    py_parse_args(ctx, n_args, n_kw, args, spec, 4, a);
    size_t n;
    const py_type *bt = py_type_of(a[1]);
    if (!py_is_str(a[1]) && bt != &py_type_bytes && bt != &py_type_bytearray) {
        extern py_val py_bytes_from(py_ctx * ctx, py_val v, const py_type *type);
        a[1] = py_bytes_from(ctx, a[1], &py_type_bytes); /* iterable of ints, memoryview... */
    } else if (py_is_str(a[1]) && bt == &py_type_str) {
        py_raise(ctx, &py_type_TypeError, "cannot convert 'str' object to bytes");
    }
    const uint8_t *d = (const uint8_t *)py_str_get(ctx, a[1], &n);
    bool little = int_byteorder_little(ctx, a[2]);
    bool negative = py_truthy(ctx, a[3]) && n > 0 && (d[little ? n - 1 : 0] & 0x80);
    bi_t x;
    py_bigint *b = big_alloc(ctx, n * 8 / BI_DIGIT_BITS + 1, &x);
    memset(x.d, 0, x.cap * sizeof(bi_digit));
    for (size_t i = 0; i < n; i++) {
        uint8_t byte = d[little ? i : n - 1 - i];
        size_t bit = i * 8;
        x.d[bit / BI_DIGIT_BITS] |= (bi_digit)byte << (bit % BI_DIGIT_BITS);
    }
    x.len = x.cap;
    bi_normalize(&x);
    py_val r = big_finish(b, &x);
    if (negative) { /* two's complement: subtract 2**(8n) */
        py_val bias = py_binary_op(ctx, PY_OP_LSHIFT, PY_MK_SMALL(1), PY_MK_SMALL(n * 8));
        r = py_binary_op(ctx, PY_OP_SUB, r, bias);
    }
    return r;
}
static PY_FUN_KWARGS(int_from_bytes_fun, "from_bytes", 2, int_from_bytes);
static PY_CLASSMETHOD(int_from_bytes_obj, int_from_bytes_fun);

static const py_attr_def int_locals[] = {
    {"bit_length", PY_OBJV(&int_bit_length_obj)},
    {"bit_count", PY_OBJV(&int_bit_count_obj)},
    {"to_bytes", PY_OBJV(&int_to_bytes_obj)},
    {"from_bytes", PY_OBJV(&int_from_bytes_obj)},
    {NULL, 0},
};

static bool int_attr(py_ctx *ctx, py_val self, py_qstr name, int op, py_val *value)
{
    if (op != PY_ATTR_LOAD) {
        return false;
    }
    if (name == PY_Q_real || name == PY_Q_numerator) {
        *value = self;
        return true;
    }
    if (name == PY_Q_imag) {
        *value = PY_MK_SMALL(0);
        return true;
    }
    return false;
}

const py_type py_type_int = {
    {&py_type_type}, "int",         PY_TF_BASETYPE, int_make_new,         int_print, NULL,
    int_unary_op,    int_binary_op, int_attr,       .locals = int_locals,
};

static py_val bool_make_new(py_ctx *ctx, const py_type *type, size_t n_args, size_t n_kw,
                            const py_val *args)
{
    py_check_nargs(ctx, n_args, 0, 1);
    return PY_BOOL(n_args == 1 && py_truthy(ctx, args[0]));
}

static py_val bool_binary_op(py_ctx *ctx, int op, py_val a, py_val b)
{
    if ((op == PY_OP_AND || op == PY_OP_OR || op == PY_OP_XOR) && py_type_of(a) == &py_type_bool &&
        py_type_of(b) == &py_type_bool) {
        bool x = a == PY_TRUE, y = b == PY_TRUE;
        return PY_BOOL(op == PY_OP_AND ? x && y : op == PY_OP_OR ? x || y : x != y);
    }
    return int_binary_op(ctx, op, a, b);
}

const py_type py_type_bool = {
    {&py_type_type}, "bool",         0,
    bool_make_new,   int_print,      NULL,
    int_unary_op,    bool_binary_op, .base_type = &py_type_int,
};

/* A heap object for any int/str value (subclass instances copy it). */
py_val py_box_value(py_ctx *ctx, py_val v)
{
    if (PY_IS_SMALL(v) || v == PY_TRUE || v == PY_FALSE) {
        intptr_t i = PY_IS_SMALL(v) ? PY_SMALL(v) : v == PY_TRUE;
        bi_t x;
        py_bigint *b = big_alloc(ctx, BI_I64_DIGITS, &x);
        bi_set_i64(&x, i);
        b->len = x.len;
        b->neg = x.neg;
        return PY_VAL(b);
    }
    if (PY_IS_QSTR(v)) {
        size_t n;
        const char *s = py_qstr_str(ctx, PY_QSTR(v), &n);
        py_str_obj *o = py_str_alloc(ctx, &py_type_str, n);
        s = py_qstr_str(ctx, PY_QSTR(v), &n);
        memcpy(o->data, s, n);
        o->data[n] = 0;
        return PY_VAL(o);
    }
    if (!py_gc_is_heap(ctx, PY_PTR(v))) {
        py_raise(ctx, &py_type_TypeError, "cannot subclass this value");
    }
    return v;
}
