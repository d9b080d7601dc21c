/* Unit tests for bigint: CPython-generated vectors plus API edge cases. */
#include "bigint.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_bigint_vectors.h"

#define CAP 8192
static bi_digit da[CAP], db[CAP], dc[CAP], dr[3 * CAP], dm[CAP];
static bi_digit scratch[16 * CAP];
static char sbuf[CAP * 40];
static int passed, failed;

static void check(int ok, const char *what, const char *detail)
{
    if (ok) {
        passed++;
    } else {
        failed++;
        printf("FAIL: %s %.200s\n", what, detail);
    }
}

static void parse(bi_t *x, bi_digit *buf, size_t cap, const char *hex)
{
    bi_init(x, buf, cap);
    if (bi_from_str(x, hex, strlen(hex), 16) != BI_OK) {
        printf("bad vector %s\n", hex);
        exit(1);
    }
}

static const char *hex(const bi_t *x)
{
    if (bi_to_str(x, 16, sbuf, sizeof sbuf, NULL, scratch) != BI_OK) {
        return "<to_str failed>";
    }
    return sbuf;
}

static const char *dbl_bits(double v)
{
    static char b[20];
    uint64_t u;
    memcpy(&u, &v, 8);
    snprintf(b, sizeof b, "%016llx", (unsigned long long)u);
    return b;
}

/* Runs a binary or unary vector op; returns the result string. */
static const char *run_vec(const struct vec *v)
{
    bi_t a, b, c, r, m;
    static char tmp[64];
    parse(&a, da, CAP, v->a);
    bi_init(&r, dr, 3 * CAP);
    const char *op = v->op;
    if (!strcmp(op, "fromdouble")) {
        uint64_t u = strtoull(v->a, NULL, 16);
        double d;
        memcpy(&d, &u, 8);
        bi_from_double(&r, d);
        return hex(&r);
    }
    if (*v->b && strcmp(op, "shl") && strcmp(op, "shr") && strcmp(op, "pow")) {
        parse(&b, db, CAP, v->b);
    }
    if (*v->c) {
        parse(&c, dc, CAP, v->c);
    }
    if (!strcmp(op, "add")) {
        bi_add(&r, &a, &b);
    } else if (!strcmp(op, "sub")) {
        bi_sub(&r, &a, &b);
    } else if (!strcmp(op, "mul")) {
        if (bi_mul_scratch(a.len, b.len) > sizeof scratch / sizeof *scratch) {
            return "<scratch too big>";
        }
        bi_mul(&r, &a, &b, scratch);
    } else if (!strcmp(op, "and")) {
        bi_and(&r, &a, &b);
    } else if (!strcmp(op, "or")) {
        bi_or(&r, &a, &b);
    } else if (!strcmp(op, "xor")) {
        bi_xor(&r, &a, &b);
    } else if (!strcmp(op, "invert")) {
        bi_invert(&r, &a);
    } else if (!strcmp(op, "cmp")) {
        snprintf(tmp, sizeof tmp, "%d", bi_cmp(&a, &b));
        return tmp;
    } else if (!strcmp(op, "div")) {
        bi_divmod(&r, NULL, &a, &b, scratch);
    } else if (!strcmp(op, "mod")) {
        bi_init(&m, dm, b.len);
        bi_divmod(NULL, &m, &a, &b, scratch);
        return hex(&m);
    } else if (!strcmp(op, "truediv") || !strcmp(op, "float")) {
        double d;
        int rc = *op == 't' ? bi_truediv(&a, &b, &d, scratch) : bi_to_double(&a, &d);
        return rc == BI_EOVERFLOW ? "overflow" : dbl_bits(d);
    } else if (!strcmp(op, "shl")) {
        bi_shl(&r, &a, (size_t)atoi(v->b));
    } else if (!strcmp(op, "shr")) {
        bi_shr(&r, &a, (size_t)atoi(v->b));
    } else if (!strcmp(op, "pow")) {
        uint64_t e = (uint64_t)atoi(v->b);
        if (bi_pow_scratch(&a, e) > sizeof scratch / sizeof *scratch) {
            return "<scratch too big>";
        }
        bi_pow(&r, &a, e, scratch);
    } else if (!strcmp(op, "powmod")) {
        if (bi_powmod(&r, &a, &b, &c, scratch) == BI_EVALUE) {
            return "noinv";
        }
    } else if (!strncmp(op, "str", 3)) {
        bi_to_str(&a, (unsigned)atoi(op + 3), sbuf, sizeof sbuf, NULL, scratch);
        return sbuf;
    } else if (!strcmp(op, "bitlen")) {
        snprintf(tmp, sizeof tmp, "%zu", bi_bit_length(&a));
        return tmp;
    } else if (!strcmp(op, "hash")) {
        snprintf(tmp, sizeof tmp, "%lld", (long long)bi_hash(&a));
        return tmp;
    } else if (!strcmp(op, "i64")) {
        int64_t x;
        if (bi_to_i64(&a, &x) != BI_OK) {
            return "overflow";
        }
        snprintf(tmp, sizeof tmp, "%lld", (long long)x);
        return tmp;
    } else {
        return "<unknown op>";
    }
    return hex(&r);
}

static void test_vectors(void)
{
    for (size_t i = 0; i < sizeof vectors / sizeof *vectors; i++) {
        const struct vec *v = &vectors[i];
        /* The hash vectors come from a 64-bit CPython. */
        if (!strcmp(v->op, "hash") && BI_HASH_BITS != 61) {
            continue;
        }
        const char *got = run_vec(v);
        char detail[512];
        snprintf(detail, sizeof detail, "%s(%.60s, %.60s): got %.60s want %.60s", v->op, v->a, v->b,
                 got, v->expect);
        check(!strcmp(got, v->expect), "vector", detail);
    }
}

static void test_errors(void)
{
    bi_t a, b, r;
    bi_digit small[1];
    parse(&a, da, CAP, "123456789abcdef0123");
    parse(&b, db, CAP, "0");
    bi_init(&r, dr, CAP);
    check(bi_divmod(&r, NULL, &a, &b, scratch) == BI_EZERODIV, "div by zero", "");
    check(bi_powmod(&r, &a, &a, &b, scratch) == BI_EZERODIV, "powmod by zero", "");
    bi_init(&r, small, 1);
    check(bi_add(&r, &a, &a) == BI_ENOMEM, "add ENOMEM", "");
    check(bi_mul(&r, &a, &a, scratch) == BI_ENOMEM, "mul ENOMEM", "");
    check(bi_shl(&r, &a, 100) == BI_ENOMEM, "shl ENOMEM", "");
    check(bi_from_str(&r, "12", 2, 2) == BI_EVALUE, "bad digit", "");
    check(bi_from_str(&r, "-", 1, 10) == BI_EVALUE, "sign only", "");
    check(bi_from_str(&r, "", 0, 10) == BI_EVALUE, "empty", "");
    check(bi_from_str(&r, "1", 1, 37) == BI_EVALUE, "base 37", "");
    check(bi_from_str(&r, "zZ", 2, 36) == BI_ENOMEM || r.len, "base36 upper", "");
    bi_init(&r, dr, CAP);
    check(bi_from_str(&r, "+zZ", 3, 36) == BI_OK && !strcmp(hex(&r), "50f"), "base36 upper", "");
    check(bi_from_double(&r, 0.0 / 0.0) == BI_EVALUE, "from nan", "");
    check(bi_from_double(&r, 1.0 / 0.0) == BI_EOVERFLOW, "from inf", "");
    check(bi_from_str(&r, "-0", 2, 10) == BI_OK && r.len == 0 && !r.neg, "negative zero", "");
    parse(&a, da, CAP, "-5");
    check(bi_powmod(&r, &b, &a, &b, scratch) == BI_EZERODIV, "powmod zero mod first", "");
    parse(&b, db, CAP, "7");
    check(bi_powmod(&r, &b, &a, &b, scratch) == BI_EVALUE, "powmod not invertible", "");
    check(bi_to_str(&a, 1, sbuf, sizeof sbuf, NULL, scratch) == BI_EVALUE, "to_str base 1", "");
    check(bi_to_str(&a, 10, sbuf, 2, NULL, scratch) == BI_ENOMEM, "to_str small buffer", "");
}

static void test_int64_and_alias(void)
{
    bi_t a, b;
    int64_t x;
    uint64_t u;
    bi_init(&a, da, CAP);
    bi_init(&b, db, CAP);
    bi_set_i64(&a, INT64_MIN);
    check(!strcmp(hex(&a), "-8000000000000000"), "set INT64_MIN", hex(&a));
    check(bi_to_i64(&a, &x) == BI_OK && x == INT64_MIN, "to INT64_MIN", "");
    check(bi_to_u64(&a, &u) == BI_EOVERFLOW, "negative to u64", "");
    bi_set_u64(&a, UINT64_MAX);
    check(bi_to_u64(&a, &u) == BI_OK && u == UINT64_MAX, "u64 max", "");
    check(bi_to_i64(&a, &x) == BI_EOVERFLOW, "u64 max to i64", "");
    /* In-place forms documented as alias-safe. */
    parse(&a, da, CAP, "-ffffffffffffffffffff");
    parse(&b, db, CAP, "1");
    bi_add(&a, &a, &b);
    check(!strcmp(hex(&a), "-fffffffffffffffffffe"), "add in place", hex(&a));
    bi_shl(&a, &a, 37);
    bi_shr(&a, &a, 37);
    check(!strcmp(hex(&a), "-fffffffffffffffffffe"), "shift in place", hex(&a));
    bi_xor(&a, &a, &a);
    check(a.len == 0 && !a.neg, "xor self", hex(&a));
    parse(&a, da, CAP, "-1");
    bi_shr(&a, &a, 1000);
    check(!strcmp(hex(&a), "-1"), "-1 >> 1000", hex(&a));
}

static void test_roundtrip_decimal(void)
{
    /* Long decimal strings exercise the chunked conversion both ways. */
    static char digits[5001];
    for (int i = 0; i < 5000; i++) {
        digits[i] = (char)('1' + (i * 7) % 9);
    }
    bi_t a;
    bi_init(&a, da, CAP);
    check(bi_from_str(&a, digits, 5000, 10) == BI_OK, "parse 5000 digits", "");
    size_t n;
    bi_to_str(&a, 10, sbuf, sizeof sbuf, &n, scratch);
    check(n == 5000 && !strcmp(sbuf, digits), "decimal round trip", "");
}

int main(void)
{
    test_vectors();
    test_errors();
    test_int64_and_alias();
    test_roundtrip_decimal();
    printf("bigint(%d-bit digits): %d passed, %d failed\n", BI_DIGIT_BITS, passed, failed);
    return failed != 0;
}
