/* bigint: arbitrary-precision signed integers (see bigint.h). */
#include "bigint.h"

#include <math.h>
#include <string.h>

#define DB    ((unsigned)BI_DIGIT_BITS)
#define DBASE ((bi_ddigit)1 << DB)
/* Below this many digits in the shorter operand schoolbook beats Karatsuba. */
#define KARATSUBA_MIN 40

void bi_init(bi_t *x, bi_digit *buf, size_t cap)
{
    x->d = buf;
    x->cap = cap;
    x->len = 0;
    x->neg = 0;
}

static size_t mag_norm(const bi_digit *d, size_t n)
{
    while (n && d[n - 1] == 0) {
        n--;
    }
    return n;
}

void bi_normalize(bi_t *x)
{
    x->len = mag_norm(x->d, x->len);
    if (!x->len) {
        x->neg = 0;
    }
}

static size_t max_sz(size_t a, size_t b)
{
    return a > b ? a : b;
}

/* ---- magnitude primitives ---------------------------------------------- */

static int mag_cmp(const bi_digit *a, size_t la, const bi_digit *b, size_t lb)
{
    if (la != lb) {
        return la < lb ? -1 : 1;
    }
    while (la--) {
        if (a[la] != b[la]) {
            return a[la] < b[la] ? -1 : 1;
        }
    }
    return 0;
}

/* r = a + b for la >= lb; writes r[la] only on a final carry. r may alias a
 * or b. Returns the result length. */
static size_t mag_add(bi_digit *r, const bi_digit *a, size_t la, const bi_digit *b, size_t lb)
{
    bi_ddigit c = 0;
    size_t i;
    for (i = 0; i < lb; i++) {
        c += (bi_ddigit)a[i] + b[i];
        r[i] = (bi_digit)c;
        c >>= DB;
    }
    for (; i < la; i++) {
        c += a[i];
        r[i] = (bi_digit)c;
        c >>= DB;
    }
    if (c) {
        r[la++] = (bi_digit)c;
    }
    return la;
}

/* r = a - b for a >= b (values; la >= lb). r may alias a or b. Returns the
 * normalised length. */
static size_t mag_sub(bi_digit *r, const bi_digit *a, size_t la, const bi_digit *b, size_t lb)
{
    bi_digit borrow = 0;
    size_t i;
    for (i = 0; i < lb; i++) {
        bi_ddigit t = (bi_ddigit)a[i] - b[i] - borrow;
        r[i] = (bi_digit)t;
        borrow = (bi_digit)((t >> DB) & 1);
    }
    for (; i < la; i++) {
        bi_ddigit t = (bi_ddigit)a[i] - borrow;
        r[i] = (bi_digit)t;
        borrow = (bi_digit)((t >> DB) & 1);
    }
    return mag_norm(r, la);
}

/* r[0..rlen) += t[0..tlen), propagating the carry only as far as needed. The
 * caller guarantees the sum fits in rlen digits. */
static void mag_add_into(bi_digit *r, size_t rlen, const bi_digit *t, size_t tlen)
{
    bi_ddigit c = 0;
    size_t i;
    for (i = 0; i < tlen; i++) {
        c += (bi_ddigit)r[i] + t[i];
        r[i] = (bi_digit)c;
        c >>= DB;
    }
    for (; c && i < rlen; i++) {
        c += r[i];
        r[i] = (bi_digit)c;
        c >>= DB;
    }
}

/* In place x = x * m + add over n digits; returns the carry-out digit. */
static bi_digit mag_muladd1(bi_digit *x, size_t n, bi_digit m, bi_digit add)
{
    bi_ddigit c = add;
    for (size_t i = 0; i < n; i++) {
        c += (bi_ddigit)x[i] * m;
        x[i] = (bi_digit)c;
        c >>= DB;
    }
    return (bi_digit)c;
}

/* q = a / d (q may alias a); returns the remainder. */
static bi_digit mag_divrem1(bi_digit *q, const bi_digit *a, size_t n, bi_digit d)
{
    bi_ddigit rem = 0;
    while (n--) {
        rem = (rem << DB) | a[n];
        q[n] = (bi_digit)(rem / d);
        rem %= d;
    }
    return (bi_digit)rem;
}

static void mag_mul_school(bi_digit *r, const bi_digit *a, size_t la, const bi_digit *b, size_t lb)
{
    memset(r, 0, (la + lb) * sizeof *r);
    for (size_t i = 0; i < la; i++) {
        bi_ddigit c = 0, ai = a[i];
        if (!ai) {
            continue;
        }
        for (size_t j = 0; j < lb; j++) {
            c += ai * b[j] + r[i + j];
            r[i + j] = (bi_digit)c;
            c >>= DB;
        }
        r[i + lb] = (bi_digit)c;
    }
}

static void mag_mul(bi_digit *r, const bi_digit *a, size_t la, const bi_digit *b, size_t lb,
                    bi_digit *s);

/* Unbalanced product (la >= 2 * lb): multiply lb-digit slices of a by b. */
static void mag_mul_slices(bi_digit *r, const bi_digit *a, size_t la, const bi_digit *b, size_t lb,
                           bi_digit *s)
{
    bi_digit *t = s;
    memset(r, 0, (la + lb) * sizeof *r);
    for (size_t i = 0; i < la; i += lb) {
        size_t c = la - i < lb ? la - i : lb;
        mag_mul(t, a + i, c, b, lb, s + 2 * lb);
        mag_add_into(r + i, la + lb - i, t, c + lb);
    }
}

/* Sets r[0..n) = a[0..la) + b[0..lb) (la >= lb), zero-padded to n digits. */
static void mag_add_pad(bi_digit *r, size_t n, const bi_digit *a, size_t la, const bi_digit *b,
                        size_t lb)
{
    size_t l = la >= lb ? mag_add(r, a, la, b, lb) : mag_add(r, b, lb, a, la);
    memset(r + l, 0, (n - l) * sizeof *r);
}

/* Karatsuba for comparable lengths (la >= lb > la / 2):
 * a*b = z2*B^2m + (z1 - z0 - z2)*B^m + z0 with z1 = (a0 + a1)(b0 + b1). */
static void mag_mul_karatsuba(bi_digit *r, const bi_digit *a, size_t la, const bi_digit *b,
                              size_t lb, bi_digit *s)
{
    size_t m = la / 2, la1 = la - m, lb1 = lb - m;
    size_t ls1 = la1 + 1, ls2 = max_sz(m, lb1) + 1;
    bi_digit *s1 = s, *s2 = s + ls1, *z1 = s2 + ls2;

    mag_mul(r, a, m, b, m, s);
    mag_mul(r + 2 * m, a + m, la1, b + m, lb1, s);
    mag_add_pad(s1, ls1, a + m, la1, a, m);
    mag_add_pad(s2, ls2, b, m, b + m, lb1);
    mag_mul(z1, s1, ls1, s2, ls2, z1 + ls1 + ls2);

    size_t lz1 = mag_norm(z1, ls1 + ls2);
    lz1 = mag_sub(z1, z1, lz1, r, mag_norm(r, 2 * m));
    lz1 = mag_sub(z1, z1, lz1, r + 2 * m, mag_norm(r + 2 * m, la1 + lb1));
    mag_add_into(r + m, la + lb - m, z1, lz1);
}

/* r[0..la+lb) = a * b (zero-padded); r must not overlap a, b or s. */
static void mag_mul(bi_digit *r, const bi_digit *a, size_t la, const bi_digit *b, size_t lb,
                    bi_digit *s)
{
    if (la < lb) {
        const bi_digit *t = a;
        size_t tl = la;
        a = b, la = lb, b = t, lb = tl;
    }
    if (lb < KARATSUBA_MIN) {
        mag_mul_school(r, a, la, b, lb);
    } else if (2 * lb <= la) {
        mag_mul_slices(r, a, la, b, lb, s);
    } else {
        mag_mul_karatsuba(r, a, la, b, lb, s);
    }
}

size_t bi_mul_scratch(size_t la, size_t lb)
{
    /* Each Karatsuba level over n digits uses at most 2n + 8 digits and
     * recurses on at most n / 2 + 2 digits (see mag_mul_karatsuba). */
    size_t n = max_sz(la, lb), need = 0;
    while (n >= KARATSUBA_MIN) {
        need += 2 * n + 8;
        n = n / 2 + 2;
    }
    return need;
}

/* Knuth's algorithm D, step D3: estimates the quotient digit for the
 * window u[j..j+lb] from its top digits (never too small, rarely 1 too big). */
static bi_ddigit estimate_qhat(const bi_digit *u, size_t j, const bi_digit *v, size_t lb)
{
    bi_ddigit vtop = v[lb - 1], vnext = v[lb - 2];
    bi_ddigit num = ((bi_ddigit)u[j + lb] << DB) | u[j + lb - 1];
    bi_ddigit qhat = num / vtop, rhat = num % vtop;
    while (qhat >= DBASE || qhat * vnext > ((rhat << DB) | u[j + lb - 2])) {
        qhat--;
        rhat += vtop;
        if (rhat >= DBASE) {
            break;
        }
    }
    return qhat;
}

/* Steps D4-D6: u[j..j+lb] -= qhat * v, adding v back if that went
 * negative. Returns the final quotient digit. */
static bi_digit mul_sub_step(bi_digit *u, size_t j, const bi_digit *v, size_t lb, bi_ddigit qhat)
{
    bi_ddigit carry = 0;
    bi_digit borrow = 0;
    for (size_t i = 0; i < lb; i++) {
        bi_ddigit p = qhat * v[i] + carry;
        carry = p >> DB;
        bi_ddigit t = (bi_ddigit)u[i + j] - (bi_digit)p - borrow;
        u[i + j] = (bi_digit)t;
        borrow = (bi_digit)((t >> DB) & 1);
    }
    bi_ddigit t = (bi_ddigit)u[j + lb] - carry - borrow;
    u[j + lb] = (bi_digit)t;
    if ((t >> DB) & 1) {
        qhat--; /* one too large (rare): add the divisor back */
        bi_ddigit c = 0;
        for (size_t i = 0; i < lb; i++) {
            c += (bi_ddigit)u[i + j] + v[i];
            u[i + j] = (bi_digit)c;
            c >>= DB;
        }
        u[j + lb] = (bi_digit)(u[j + lb] + c);
    }
    return (bi_digit)qhat;
}

/* Knuth's algorithm D. q[0..la-lb] = a / b, rem[0..lb) = a % b; la >= lb >= 2.
 * s holds la + lb + 1 digits (copies of a and b shifted so b's top bit is set). */
static void mag_divmod_long(bi_digit *q, bi_digit *rem, const bi_digit *a, size_t la,
                            const bi_digit *b, size_t lb, bi_digit *s)
{
    bi_digit *u = s, *v = s + la + 1;
    unsigned shift = 0;
    while (!((b[lb - 1] << shift) & ((bi_digit)1 << (DB - 1)))) {
        shift++;
    }
    u[la] = 0;
    memcpy(u, a, la * sizeof *u);
    memcpy(v, b, lb * sizeof *v);
    if (shift) {
        u[la] = mag_muladd1(u, la, (bi_digit)(1u << shift), 0);
        mag_muladd1(v, lb, (bi_digit)(1u << shift), 0);
    }
    for (size_t j = la - lb + 1; j-- > 0;) {
        q[j] = mul_sub_step(u, j, v, lb, estimate_qhat(u, j, v, lb));
    }
    for (size_t i = 0; i < lb; i++) {
        bi_ddigit w = ((bi_ddigit)(i + 1 < lb ? u[i + 1] : 0) << DB) | u[i];
        rem[i] = (bi_digit)(w >> shift);
    }
}

/* Magnitude division: q gets max(la - lb + 1, 1) digits (zero-padded), rem
 * gets lb digits. lb >= 1. Returns the normalised remainder length. */
static size_t mag_divmod(bi_digit *q, bi_digit *rem, const bi_digit *a, size_t la,
                         const bi_digit *b, size_t lb, bi_digit *s)
{
    if (la < lb) {
        q[0] = 0;
        memcpy(rem, a, la * sizeof *rem);
        memset(rem + la, 0, (lb - la) * sizeof *rem);
        return la;
    }
    if (lb == 1) {
        rem[0] = mag_divrem1(q, a, la, b[0]);
        return rem[0] != 0;
    }
    mag_divmod_long(q, rem, a, la, b, lb, s);
    return mag_norm(rem, lb);
}

/* ---- integers ---------------------------------------------------------- */

int bi_set_u64(bi_t *r, uint64_t v)
{
    size_t n = 0;
    while (v) {
        if (n >= r->cap) {
            return BI_ENOMEM;
        }
        r->d[n++] = (bi_digit)v;
        v = (DB < 64) ? v >> (DB % 64) : 0;
    }
    r->len = n;
    r->neg = 0;
    return BI_OK;
}

int bi_set_i64(bi_t *r, int64_t v)
{
    uint64_t mag = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
    int rc = bi_set_u64(r, mag);
    r->neg = v < 0;
    return rc;
}

int bi_to_u64(const bi_t *a, uint64_t *out)
{
    if (a->neg || bi_bit_length(a) > 64) {
        return BI_EOVERFLOW;
    }
    uint64_t v = 0;
    for (size_t i = a->len; i-- > 0;) {
        v = (v << (DB % 64)) | a->d[i];
    }
    *out = v;
    return BI_OK;
}

int bi_to_i64(const bi_t *a, int64_t *out)
{
    bi_t m = *a;
    uint64_t v;
    m.neg = 0;
    if (bi_to_u64(&m, &v) != BI_OK) {
        return BI_EOVERFLOW;
    }
    if (a->neg) {
        if (v > (uint64_t)1 << 63) {
            return BI_EOVERFLOW;
        }
        *out = v == (uint64_t)1 << 63 ? INT64_MIN : -(int64_t)v;
    } else {
        if (v > (uint64_t)INT64_MAX) {
            return BI_EOVERFLOW;
        }
        *out = (int64_t)v;
    }
    return BI_OK;
}

int bi_copy(bi_t *r, const bi_t *a)
{
    if (r == a) {
        return BI_OK;
    }
    if (r->cap < a->len) {
        return BI_ENOMEM;
    }
    memmove(r->d, a->d, a->len * sizeof *r->d);
    r->len = a->len;
    r->neg = a->neg;
    return BI_OK;
}

int bi_cmp(const bi_t *a, const bi_t *b)
{
    if (a->neg != b->neg) {
        return a->neg ? -1 : 1;
    }
    int c = mag_cmp(a->d, a->len, b->d, b->len);
    return a->neg ? -c : c;
}

static unsigned digit_bits(bi_digit d)
{
    unsigned n = 0;
    while (d) {
        n++;
        d >>= 1;
    }
    return n;
}

size_t bi_bit_length(const bi_t *a)
{
    if (!a->len) {
        return 0;
    }
    return (a->len - 1) * DB + digit_bits(a->d[a->len - 1]);
}

intptr_t bi_hash(const bi_t *a)
{
    /* |a| mod P with P = 2**BITS - 1: multiplying by 2**16 is a rotation
     * within BITS bits because 2**BITS == 1 (mod P). */
    const uint64_t P = BI_HASH_MODULUS;
    uint64_t x = 0;
    for (size_t i = a->len; i-- > 0;) {
        for (int k = (int)DB - 16; k >= 0; k -= 16) {
            x = ((x << 16) & P) | (x >> (BI_HASH_BITS - 16));
            x += (a->d[i] >> k) & 0xffffu;
            if (x >= P) {
                x -= P;
            }
        }
    }
    intptr_t h = (intptr_t)x;
    if (a->neg) {
        h = -h;
    }
    return h == -1 ? -2 : h;
}

/* ---- add / sub ------------------------------------------------------------ */

size_t bi_add_size(const bi_t *a, const bi_t *b)
{
    return max_sz(a->len, b->len) + 1;
}

static int add_signed(bi_t *r, const bi_t *a, int aneg, const bi_t *b, int bneg)
{
    if (a->len < b->len) {
        const bi_t *t = a;
        int tn = aneg;
        a = b, aneg = bneg, b = t, bneg = tn;
    }
    if (r->cap < a->len + 1) {
        return BI_ENOMEM;
    }
    if (aneg == bneg) {
        r->len = mag_add(r->d, a->d, a->len, b->d, b->len);
        r->neg = aneg;
    } else if (mag_cmp(a->d, a->len, b->d, b->len) >= 0) {
        r->len = mag_sub(r->d, a->d, a->len, b->d, b->len);
        r->neg = aneg;
    } else {
        r->len = mag_sub(r->d, b->d, b->len, a->d, a->len);
        r->neg = bneg;
    }
    bi_normalize(r);
    return BI_OK;
}

int bi_add(bi_t *r, const bi_t *a, const bi_t *b)
{
    return add_signed(r, a, a->neg, b, b->neg);
}

int bi_sub(bi_t *r, const bi_t *a, const bi_t *b)
{
    return add_signed(r, a, a->neg, b, !b->neg && b->len);
}

/* ---- mul / div ---------------------------------------------------------- */

size_t bi_mul_size(const bi_t *a, const bi_t *b)
{
    return a->len + b->len;
}

int bi_mul(bi_t *r, const bi_t *a, const bi_t *b, bi_digit *scratch)
{
    if (!a->len || !b->len) {
        r->len = 0;
        r->neg = 0;
        return BI_OK;
    }
    if (r->cap < a->len + b->len) {
        return BI_ENOMEM;
    }
    mag_mul(r->d, a->d, a->len, b->d, b->len, scratch);
    r->len = a->len + b->len;
    r->neg = a->neg != b->neg;
    bi_normalize(r);
    return BI_OK;
}

size_t bi_div_size(const bi_t *a, const bi_t *b)
{
    return a->len >= b->len ? a->len - b->len + 2 : 1;
}

size_t bi_div_scratch(size_t la, size_t lb)
{
    /* Normalised copies (la + lb + 1), plus quotient (la + 2) and remainder
     * (lb) for callers that do not want them. */
    return 2 * la + 2 * lb + 4;
}

/* Adds 1 to the n-digit magnitude x (room for n + 1 digits); returns length. */
static size_t mag_inc(bi_digit *x, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (++x[i]) {
            return n;
        }
    }
    x[n] = 1;
    return n + 1;
}

int bi_divmod(bi_t *q, bi_t *m, const bi_t *a, const bi_t *b, bi_digit *scratch)
{
    if (!b->len) {
        return BI_EZERODIV;
    }
    size_t la = a->len, lb = b->len, lq = la >= lb ? la - lb + 1 : 1;
    if ((q && q->cap < bi_div_size(a, b)) || (m && m->cap < lb)) {
        return BI_ENOMEM;
    }
    bi_digit *qd = q ? q->d : scratch + la + lb + 1;
    bi_digit *rd = m ? m->d : scratch + la + lb + 1 + lq + 1;
    int qneg = a->neg != b->neg, bneg = b->neg;
    size_t lr = mag_divmod(qd, rd, a->d, la, b->d, lb, scratch);
    lq = mag_norm(qd, lq);
    if (qneg && lr) {
        /* Floor: q = -(|q| + 1), r = |b| - |r| with b's sign. */
        lq = mag_inc(qd, lq);
        lr = mag_sub(rd, b->d, lb, rd, lr);
    }
    if (q) {
        q->len = lq;
        q->neg = qneg;
        bi_normalize(q);
    }
    if (m) {
        m->len = lr;
        m->neg = bneg;
        bi_normalize(m);
    }
    return BI_OK;
}

/* ---- bit extraction and doubles --------------------------------------- */

/* Bits [pos, pos + n) of |a| (n <= 64). */
static uint64_t mag_bits(const bi_t *a, size_t pos, unsigned n)
{
    uint64_t v = 0;
    for (unsigned k = n; k-- > 0;) {
        size_t bit = pos + k, di = bit / DB;
        unsigned b = di < a->len ? (a->d[di] >> (bit % DB)) & 1u : 0;
        v = (v << 1) | b;
    }
    return v;
}

/* Nonzero if any bit of |a| below pos is set. */
static int mag_any_below(const bi_t *a, size_t pos)
{
    size_t di = pos / DB;
    for (size_t i = 0; i < di && i < a->len; i++) {
        if (a->d[i]) {
            return 1;
        }
    }
    if (di < a->len && pos % DB) {
        return (a->d[di] & (((bi_digit)1 << (pos % DB)) - 1)) != 0;
    }
    return 0;
}

/* Rounds m (nbits significant bits, sticky = lower bits lost) to `prec` bits
 * half-to-even and returns m * 2**exp as a double with sign; BI_EOVERFLOW if
 * too large. The value is m * 2**exp before rounding. */
static int round_to_double(uint64_t m, int sticky, long exp, int neg, double *out)
{
    unsigned nb = 0;
    for (uint64_t t = m; t; t >>= 1) {
        nb++;
    }
    long top = (long)nb + exp; /* value < 2**top */
    long prec = 53;
    if (top - 53 < -1074) {
        prec = top + 1074; /* subnormal: fewer significant bits */
    }
    if (prec < 0) {
        prec = 0;
    }
    if ((long)nb > prec) {
        unsigned drop = (unsigned)(nb - prec);
        uint64_t half = (uint64_t)1 << (drop - 1);
        uint64_t low = drop >= 64 ? m : m & ((half << 1) - 1);
        m = drop >= 64 ? 0 : m >> drop;
        exp += drop;
        if (low > half || (low == half && (sticky || (m & 1)))) {
            m++;
        }
    }
    unsigned n2 = 0;
    for (uint64_t t = m; t; t >>= 1) {
        n2++;
    }
    if ((long)n2 + exp > 1024) {
        return BI_EOVERFLOW; /* also catches rounding up to 2**1024 */
    }
    double v = ldexp((double)m, (int)(exp < -2000 ? -2000 : exp));
    *out = neg ? -v : v;
    return BI_OK;
}

int bi_to_double(const bi_t *a, double *out)
{
    size_t n = bi_bit_length(a);
    if (n > 1100) {
        return BI_EOVERFLOW;
    }
    if (n <= 64) {
        return round_to_double(mag_bits(a, 0, 64), 0, 0, a->neg, out);
    }
    uint64_t m = mag_bits(a, n - 64, 64);
    return round_to_double(m, mag_any_below(a, n - 64), (long)(n - 64), a->neg, out);
}

size_t bi_from_double_size(double v)
{
    int e;
    if (!isfinite(v) || fabs(v) < 1.0) {
        return 1;
    }
    frexp(v, &e);
    return (size_t)e / DB + 2;
}

int bi_from_double(bi_t *r, double v)
{
    if (isnan(v)) {
        return BI_EVALUE;
    }
    if (isinf(v)) {
        return BI_EOVERFLOW;
    }
    int neg = v < 0, e;
    double m = frexp(trunc(fabs(v)), &e);
    uint64_t mant = (uint64_t)ldexp(m, 53);
    int rc;
    if (e <= 53) {
        rc = bi_set_u64(r, e <= 0 ? 0 : mant >> (53 - e));
    } else {
        if (r->cap < bi_from_double_size(v)) {
            return BI_ENOMEM;
        }
        rc = bi_set_u64(r, mant);
        if (rc == BI_OK) {
            rc = bi_shl(r, r, (size_t)(e - 53));
        }
    }
    if (rc == BI_OK) {
        r->neg = neg && r->len;
    }
    return rc;
}

#define TD_EXTRA (1200 / BI_DIGIT_BITS + 2)

size_t bi_truediv_scratch(size_t la, size_t lb)
{
    size_t na = la + TD_EXTRA, nb = lb + TD_EXTRA;
    return na + nb + (na + 2) + nb + bi_div_scratch(na, nb);
}

int bi_truediv(const bi_t *a, const bi_t *b, double *out, bi_digit *scratch)
{
    if (!b->len) {
        return BI_EZERODIV;
    }
    int neg = a->neg != b->neg;
    long na = (long)bi_bit_length(a), nb = (long)bi_bit_length(b);
    if (na <= 53 && nb <= 53) {
        /* Both exact as doubles: IEEE division rounds correctly. */
        double x, y;
        bi_to_double(a, &x);
        bi_to_double(b, &y);
        *out = x / y;
        return BI_OK;
    }
    if (!na || na - nb < -1100) {
        *out = neg ? -0.0 : 0.0;
        return BI_OK;
    }
    if (na - nb > 1030) {
        return BI_EOVERFLOW;
    }
    /* Scale so the integer quotient has 64+ bits, then round once. */
    long e = na - nb - 66;
    size_t la = a->len + TD_EXTRA, lb = b->len + TD_EXTRA;
    bi_t A, B, Q, R;
    bi_init(&A, scratch, la);
    bi_init(&B, scratch + la, lb);
    bi_init(&Q, scratch + la + lb, la + 2);
    bi_init(&R, scratch + la + lb + la + 2, lb);
    bi_copy(&A, a);
    bi_copy(&B, b);
    A.neg = B.neg = 0;
    if (e < 0) {
        bi_shl(&A, &A, (size_t)-e);
    } else {
        bi_shl(&B, &B, (size_t)e);
    }
    bi_divmod(&Q, &R, &A, &B, scratch + la + lb + la + 2 + lb);
    size_t nq = bi_bit_length(&Q);
    int sticky = R.len != 0 || mag_any_below(&Q, nq - 64);
    uint64_t m = mag_bits(&Q, nq - 64, 64);
    return round_to_double(m, sticky, e + (long)(nq - 64), neg, out);
}

/* ---- shifts ----------------------------------------------------------------- */

size_t bi_shl_size(const bi_t *a, size_t n)
{
    size_t w = n / DB + 1;
    return a->len > SIZE_MAX / 8 - w ? 0 : a->len + w;
}

int bi_shl(bi_t *r, const bi_t *a, size_t n)
{
    if (!a->len) {
        r->len = 0;
        r->neg = 0;
        return BI_OK;
    }
    size_t ws = n / DB, la = a->len, need = bi_shl_size(a, n);
    unsigned bs = n % DB;
    if (!need || r->cap < need - (bs == 0)) {
        return BI_ENOMEM;
    }
    int neg = a->neg;
    if (bs) {
        r->d[la + ws] = (bi_digit)(a->d[la - 1] >> (DB - bs));
        for (size_t i = la; i-- > 1;) {
            r->d[i + ws] = (bi_digit)((a->d[i] << bs) | (a->d[i - 1] >> (DB - bs)));
        }
        r->d[ws] = (bi_digit)(a->d[0] << bs);
        r->len = la + ws + 1;
    } else {
        memmove(r->d + ws, a->d, la * sizeof *r->d);
        r->len = la + ws;
    }
    memset(r->d, 0, ws * sizeof *r->d);
    r->neg = neg;
    bi_normalize(r);
    return BI_OK;
}

size_t bi_shr_size(const bi_t *a, size_t n)
{
    size_t ws = n / DB;
    return ws >= a->len ? 1 : a->len - ws + 1;
}

int bi_shr(bi_t *r, const bi_t *a, size_t n)
{
    size_t ws = n / DB, la = a->len;
    unsigned bs = n % DB;
    int neg = a->neg;
    if (r->cap < bi_shr_size(a, n)) {
        return BI_ENOMEM;
    }
    /* Floor rounding: a negative value loses magnitude bits => one more. */
    int inc = neg && mag_any_below(a, n < SIZE_MAX / 2 ? n : SIZE_MAX / 2);
    if (ws >= la) {
        r->len = 0;
    } else {
        size_t lr = la - ws;
        for (size_t i = 0; i < lr; i++) {
            bi_digit lo = (bi_digit)(a->d[i + ws] >> bs);
            bi_digit hi = (bs && i + ws + 1 < la) ? (bi_digit)(a->d[i + ws + 1] << (DB - bs)) : 0;
            r->d[i] = lo | hi;
        }
        r->len = mag_norm(r->d, lr);
    }
    if (inc) {
        r->len = mag_inc(r->d, r->len);
    }
    r->neg = neg;
    bi_normalize(r);
    return BI_OK;
}

/* ---- bitwise (two's complement) ---------------------------------------- */

size_t bi_bitop_size(const bi_t *a, const bi_t *b)
{
    return max_sz(a->len, b->len) + 1;
}

/* Next two's-complement digit of x: digits of -|x| are ~mag + 1 with the
 * carry running from the least significant digit. */
static bi_digit tc_digit(const bi_t *x, size_t i, bi_digit *carry)
{
    bi_digit m = i < x->len ? x->d[i] : 0;
    if (!x->neg) {
        return m;
    }
    bi_ddigit t = (bi_ddigit)(bi_digit)~m + *carry;
    *carry = (bi_digit)(t >> DB);
    return (bi_digit)t;
}

static int bitop(bi_t *r, const bi_t *a, const bi_t *b, char op)
{
    size_t n = bi_bitop_size(a, b);
    if (r->cap < n) {
        return BI_ENOMEM;
    }
    int an = a->neg, bn = b->neg, rn;
    switch (op) {
    case '&': rn = an & bn; break;
    case '|': rn = an | bn; break;
    default: rn = an ^ bn; break;
    }
    bi_digit ca = 1, cb = 1, cr = 1;
    for (size_t i = 0; i < n; i++) {
        bi_digit x = tc_digit(a, i, &ca), y = tc_digit(b, i, &cb), z;
        switch (op) {
        case '&': z = x & y; break;
        case '|': z = x | y; break;
        default: z = x ^ y; break;
        }
        if (rn) {
            /* Convert the result back to a magnitude on the fly. */
            bi_ddigit t = (bi_ddigit)(bi_digit)~z + cr;
            cr = (bi_digit)(t >> DB);
            z = (bi_digit)t;
        }
        r->d[i] = z;
    }
    r->len = n;
    r->neg = rn;
    bi_normalize(r);
    return BI_OK;
}

int bi_and(bi_t *r, const bi_t *a, const bi_t *b)
{
    return bitop(r, a, b, '&');
}

int bi_or(bi_t *r, const bi_t *a, const bi_t *b)
{
    return bitop(r, a, b, '|');
}

int bi_xor(bi_t *r, const bi_t *a, const bi_t *b)
{
    return bitop(r, a, b, '^');
}

int bi_invert(bi_t *r, const bi_t *a)
{
    /* ~a == -(a + 1) */
    bi_digit one_d = 1;
    bi_t one = {&one_d, 1, 1, 0};
    if (r->cap < a->len + 1) {
        return BI_ENOMEM;
    }
    int rc = bi_add(r, a, &one);
    if (rc == BI_OK) {
        r->neg = !r->neg && r->len;
    }
    return rc;
}

/* ---- pow ----------------------------------------------------------------- */

size_t bi_pow_size(const bi_t *a, uint64_t e)
{
    size_t bl = bi_bit_length(a);
    if (e == 0 || bl <= 1) {
        return 1;
    }
    if (e > SIZE_MAX / 16 || bl > (SIZE_MAX / 16) / e) {
        return 0;
    }
    return bl * (size_t)e / DB + 2;
}

size_t bi_pow_scratch(const bi_t *a, uint64_t e)
{
    size_t n = bi_pow_size(a, e);
    return n ? n + bi_mul_scratch(n, n) : 0;
}

int bi_pow(bi_t *r, const bi_t *a, uint64_t e, bi_digit *scratch)
{
    size_t n = bi_pow_size(a, e);
    if (!n || r->cap < n) {
        return BI_ENOMEM;
    }
    int neg = a->neg && (e & 1);
    if (e == 0 || bi_bit_length(a) <= 1) {
        r->d[0] = 1;
        r->len = (e == 0 || a->len) ? 1 : 0;
        r->neg = neg;
        return BI_OK;
    }
    /* Left-to-right binary powering, ping-ponging between r and scratch. */
    bi_t x = {r->d, 0, n, 0}, y = {scratch, 0, n, 0}, base = *a;
    bi_digit *ms = scratch + n;
    base.neg = 0;
    bi_copy(&x, &base);
    int top = 63;
    while (!((e >> top) & 1)) {
        top--;
    }
    for (int bit = top - 1; bit >= 0; bit--) {
        bi_mul(&y, &x, &x, ms);
        if ((e >> bit) & 1) {
            bi_mul(&x, &y, &base, ms);
        } else {
            bi_t t = x;
            x = y;
            y = t;
        }
    }
    if (x.d != r->d) {
        memcpy(r->d, x.d, x.len * sizeof *r->d);
    }
    r->len = x.len;
    r->neg = neg;
    return BI_OK;
}

/* Scratch for modinv() with an lm-digit modulus. */
static size_t modinv_scratch(size_t lm)
{
    size_t n = lm + 2;
    return 8 * n + max_sz(bi_div_scratch(n, n), bi_mul_scratch(n, n));
}

size_t bi_powmod_scratch(const bi_t *a, const bi_t *m)
{
    size_t lm = m->len, la = max_sz(a->len, 2 * lm);
    /* base, accumulator, product, then division / multiplication scratch
     * (or the modular inverse's, for negative exponents) */
    size_t work = max_sz(bi_div_scratch(la, lm), bi_mul_scratch(lm, lm));
    return lm + lm + 2 * lm + max_sz(work, modinv_scratch(lm));
}

static void swap_bi(bi_t *x, bi_t *y)
{
    bi_t t = *x;
    *x = *y;
    *y = t;
}

/* out = a**-1 mod m for 0 <= a < m (m positive): extended Euclid keeping
 * only the coefficients of a, which stay below m in magnitude.
 * BI_OK or BI_EVALUE when gcd(a, m) != 1. */
static int modinv(bi_t *out, const bi_t *a, const bi_t *m, bi_digit *s)
{
    size_t n = m->len + 2;
    bi_t r0 = {s, 0, n, 0}, r1 = {s + n, 0, n, 0}, s0 = {s + 2 * n, 0, n, 0};
    bi_t s1 = {s + 3 * n, 0, n, 0}, q = {s + 4 * n, 0, n, 0}, t = {s + 5 * n, 0, n, 0};
    bi_t p = {s + 6 * n, 0, 2 * n, 0};
    bi_digit *ws = s + 8 * n;
    bi_copy(&r0, m);
    bi_copy(&r1, a);
    bi_set_u64(&s1, 1);
    while (r1.len) {
        bi_divmod(&q, &t, &r0, &r1, ws); /* r0, r1 = r1, r0 mod r1 */
        swap_bi(&r0, &r1);
        swap_bi(&r1, &t);
        bi_mul(&p, &q, &s1, ws); /* s0, s1 = s1, s0 - q * s1 */
        bi_sub(&t, &s0, &p);
        swap_bi(&s0, &s1);
        swap_bi(&s1, &t);
    }
    if (r0.len != 1 || r0.d[0] != 1) {
        return BI_EVALUE;
    }
    bi_t mm = *m;
    return bi_divmod(NULL, out, &s0, &mm, ws);
}

/* x = p mod |m| where p has lp digits; x has lm digits. */
static void mod_reduce(bi_t *x, const bi_digit *p, size_t lp, const bi_t *m, bi_digit *s)
{
    size_t lq = lp >= m->len ? lp - m->len + 1 : 1;
    x->len = mag_divmod(s, x->d, p, lp, m->d, m->len, s + lq + 1);
    x->neg = 0;
}

int bi_powmod(bi_t *r, const bi_t *a, const bi_t *e, const bi_t *m, bi_digit *scratch)
{
    if (!m->len) {
        return BI_EZERODIV;
    }
    size_t lm = m->len;
    if (r->cap < lm) {
        return BI_ENOMEM;
    }
    bi_t base = {scratch, 0, lm, 0}, acc = {scratch + lm, 0, lm, 0};
    bi_digit *prod = scratch + 2 * lm, *s = prod + 2 * lm;
    bi_digit one = 1;
    mod_reduce(&base, a->d, a->len, m, s);
    if (a->neg && base.len) {
        base.len = mag_sub(base.d, m->d, lm, base.d, base.len);
    }
    if (e->neg) {
        /* a**-e == (a**-1)**e (mod m) */
        bi_t mpos = *m, inv = {prod, 0, 2 * lm, 0};
        mpos.neg = 0;
        int rc = modinv(&inv, &base, &mpos, s);
        if (rc != BI_OK) {
            return rc;
        }
        memcpy(base.d, inv.d, inv.len * sizeof *base.d);
        base.len = inv.len;
    }
    mod_reduce(&acc, &one, 1, m, s);
    for (size_t bit = bi_bit_length(e); bit-- > 0;) {
        mag_mul(prod, acc.d, acc.len, acc.d, acc.len, s);
        mod_reduce(&acc, prod, 2 * acc.len, m, s);
        if ((e->d[bit / DB] >> (bit % DB)) & 1) {
            mag_mul(prod, acc.d, acc.len, base.d, base.len, s);
            mod_reduce(&acc, prod, acc.len + base.len, m, s);
        }
    }
    if (m->neg && acc.len) {
        acc.len = mag_sub(acc.d, m->d, lm, acc.d, acc.len);
        acc.neg = 1;
    }
    memcpy(r->d, acc.d, acc.len * sizeof *r->d);
    r->len = acc.len;
    r->neg = acc.neg;
    return BI_OK;
}

/* ---- text ---------------------------------------------------------------- */

static unsigned floor_log2(unsigned v)
{
    unsigned n = 0;
    while (v >>= 1) {
        n++;
    }
    return n;
}

/* Largest k with base**k fitting a digit; *pw gets base**k. */
static unsigned chunk_digits(unsigned base, bi_digit *pw)
{
    bi_ddigit p = base;
    unsigned k = 1;
    while (p * base < DBASE) {
        p *= base;
        k++;
    }
    *pw = (bi_digit)p;
    return k;
}

size_t bi_from_str_size(size_t ndigits, unsigned base)
{
    if (base < 2 || base > 36) {
        return 1;
    }
    return (ndigits * (floor_log2(base - 1) + 1)) / DB + 2;
}

static int char_value(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'z') {
        return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'Z') {
        return c - 'A' + 10;
    }
    return 99;
}

int bi_from_str(bi_t *r, const char *s, size_t len, unsigned base)
{
    int neg = 0;
    if (base < 2 || base > 36) {
        return BI_EVALUE;
    }
    if (len && (*s == '-' || *s == '+')) {
        neg = *s == '-';
        s++, len--;
    }
    if (!len) {
        return BI_EVALUE;
    }
    for (size_t i = 0; i < len; i++) {
        if (char_value(s[i]) >= (int)base) {
            return BI_EVALUE;
        }
    }
    if (r->cap < bi_from_str_size(len, base)) {
        return BI_ENOMEM;
    }
    bi_digit pw;
    unsigned k = chunk_digits(base, &pw);
    size_t n = 0;
    (void)pw;
    for (size_t i = 0; i < len;) {
        bi_digit chunk = 0, mul = 1;
        for (unsigned j = 0; j < k && i < len; j++, i++) {
            chunk = (bi_digit)(chunk * base + (bi_digit)char_value(s[i]));
            mul = (bi_digit)(mul * base);
        }
        bi_digit c = mag_muladd1(r->d, n, mul, chunk);
        if (c) {
            r->d[n++] = c;
        }
    }
    r->len = n;
    r->neg = neg;
    bi_normalize(r);
    return BI_OK;
}

size_t bi_str_size(const bi_t *a, unsigned base)
{
    if (base < 2 || base > 36) {
        return 2;
    }
    size_t bits = bi_bit_length(a), k = floor_log2(base);
    return (bits ? (bits + k - 1) / k : 1) + 2;
}

size_t bi_to_str_scratch(const bi_t *a)
{
    return a->len + 1;
}

static const char bi_digit_chars[] = "0123456789abcdefghijklmnopqrstuvwxyz";

/* Writes the digits of |a| backwards ending before p; returns the new start. */
static char *mag_to_str_rev(const bi_t *a, unsigned base, char *p, bi_digit *t)
{
    if ((base & (base - 1)) == 0) {
        unsigned k = floor_log2(base);
        size_t bits = bi_bit_length(a);
        for (size_t pos = 0; pos < bits; pos += k) {
            *--p = bi_digit_chars[mag_bits(a, pos, k)];
        }
        return p;
    }
    bi_digit pw;
    unsigned k = chunk_digits(base, &pw);
    size_t n = a->len;
    memcpy(t, a->d, n * sizeof *t);
    while (n) {
        bi_digit rem = mag_divrem1(t, t, n, pw);
        n = mag_norm(t, n);
        for (unsigned j = 0; j < k && (n || rem); j++) {
            *--p = bi_digit_chars[rem % base];
            rem = (bi_digit)(rem / base);
        }
    }
    return p;
}

int bi_to_str(const bi_t *a, unsigned base, char *buf, size_t bufsize, size_t *outlen,
              bi_digit *scratch)
{
    if (base < 2 || base > 36) {
        return BI_EVALUE;
    }
    if (bufsize < bi_str_size(a, base)) {
        return BI_ENOMEM;
    }
    char *end = buf + bufsize, *p = end;
    if (!a->len) {
        *--p = '0';
    } else {
        p = mag_to_str_rev(a, base, p, scratch);
    }
    if (a->neg) {
        *--p = '-';
    }
    size_t n = (size_t)(end - p);
    memmove(buf, p, n);
    buf[n] = 0;
    if (outlen) {
        *outlen = n;
    }
    return BI_OK;
}
