/* Unit tests for fpfmt against CPython-generated vectors. */
#include "fpfmt.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "test_fpfmt_vectors.h"

static int passed, failed;
static char out[1 << 16];

static double from_bits(const char *hex)
{
    uint64_t u = strtoull(hex, NULL, 16);
    double d;
    memcpy(&d, &u, sizeof d);
    return d;
}

static const char *to_bits(double d)
{
    static char b[20];
    uint64_t u;
    memcpy(&u, &d, sizeof u);
    snprintf(b, sizeof b, "%016llx", (unsigned long long)u);
    return b;
}

/* Maps a CPython ValueError message to our return code. */
static int expected_code(const char *msg)
{
    if (!strcmp(msg, "ok")) {
        return FP_OK;
    }
    if (strstr(msg, "missing precision")) {
        return FP_ENOPREC;
    }
    if (strstr(msg, "with 'n'")) {
        return FP_EGROUPN;
    }
    if (strstr(msg, "Unknown format code")) {
        return FP_ETYPE;
    }
    return FP_ESPEC;
}

static const char *run_fmt(const struct vec *v)
{
    fp_spec spec;
    int rc = fp_spec_parse(v->arg, strlen(v->arg), &spec);
    if (rc != FP_OK) {
        return "<spec error>";
    }
    if (fp_format_size(&spec) > sizeof out) {
        return "<too big>";
    }
    rc = fp_format(from_bits(v->in), &spec, out, fp_format_size(&spec));
    return rc < 0 ? "<format error>" : out;
}

/* Digits of |v| in base (lower case), as the core makes them. */
static size_t int_digits(long long v, unsigned base, char *out)
{
    unsigned long long u = v < 0 ? 0ull - (unsigned long long)v : (unsigned long long)v;
    char tmp[70];
    size_t n = 0;
    do {
        tmp[n++] = "0123456789abcdef"[u % base];
        u /= base;
    } while (u);
    for (size_t i = 0; i < n; i++) {
        out[i] = tmp[n - 1 - i];
    }
    return n;
}

static const char *run_intfmt(const struct vec *v, int *rc_out)
{
    fp_spec spec;
    int rc = fp_spec_parse(v->arg, strlen(v->arg), &spec);
    if (rc != FP_OK) {
        *rc_out = rc;
        return "<spec error>";
    }
    long long x = strtoll(v->in, NULL, 10);
    char t = spec.type;
    unsigned base = t == 'b' ? 2 : t == 'o' ? 8 : t == 'x' || t == 'X' ? 16 : 10;
    char digits[70];
    size_t n = int_digits(x, base, digits);
    rc = fp_format_int(digits, n, x < 0, &spec, out, fp_format_int_size(n, &spec));
    *rc_out = rc;
    return rc < 0 ? "<format error>" : out;
}

static int expected_int_code(const char *msg)
{
    if (!strcmp(msg, "ok")) {
        return FP_OK;
    }
    if (strstr(msg, "Precision not allowed")) {
        return FP_EINTPREC;
    }
    if (strstr(msg, "Negative zero")) {
        return FP_EINTZ;
    }
    if (strstr(msg, "with 'n'")) {
        return FP_EGROUPN;
    }
    if (strstr(msg, "Cannot specify")) {
        return FP_EGROUPTYPE;
    }
    return FP_ETYPE;
}

static int badspec(const struct vec *v)
{
    fp_spec spec;
    int rc = fp_spec_parse(v->arg, strlen(v->arg), &spec);
    if (rc == FP_OK) {
        rc = fp_format(1.0, &spec, out, sizeof out);
        rc = rc >= 0 ? FP_OK : rc;
    }
    return rc == expected_code(v->expect);
}

static const char *run_vec(const struct vec *v)
{
    double d = 0;
    int rc;
    if (!strcmp(v->kind, "repr")) {
        fp_repr(from_bits(v->in), out, FP_REPR_SIZE);
        return out;
    }
    if (!strcmp(v->kind, "fmt")) {
        return run_fmt(v);
    }
    if (!strcmp(v->kind, "hex")) {
        fp_hex(from_bits(v->in), out, FP_REPR_SIZE);
        return out;
    }
    if (!strcmp(v->kind, "round")) {
        rc = fp_round(from_bits(v->in), atol(v->arg), &d);
        return rc == FP_EOVERFLOW ? "overflow" : to_bits(d);
    }
    if (!strcmp(v->kind, "parse")) {
        rc = fp_parse(v->in, strlen(v->in), FP_PARSE_FLOAT, &d);
        return rc != FP_OK ? "error" : to_bits(d);
    }
    if (!strcmp(v->kind, "fromhex")) {
        rc = fp_fromhex(v->in, strlen(v->in), &d);
        return rc == FP_EVALUE ? "error" : rc == FP_EOVERFLOW ? "overflow" : to_bits(d);
    }
    return "<unknown kind>";
}

static void check(int ok, const struct vec *v, const char *got)
{
    if (ok) {
        passed++;
        return;
    }
    failed++;
    printf("FAIL: %s(%s, '%s'): got '%.80s' want '%.80s'\n", v->kind, v->in, v->arg, got,
           v->expect);
}

static void test_api(void)
{
    static const struct vec small = {"small", "", "", ""};
    char b[8];
    fp_spec spec;
    fp_spec_parse("", 0, &spec);
    check(fp_repr(1.0 / 3, b, sizeof b) == FP_ENOMEM, &small, "repr small buffer");
    check(fp_format(1.0, &spec, b, sizeof b) == FP_ENOMEM, &small, "format small buffer");
    check(fp_hex(1.0, b, sizeof b) == FP_ENOMEM, &small, "hex small buffer");
    /* The source lexer mode: no whitespace, no inf/nan words. */
    double d;
    check(fp_parse(" 1", 2, FP_PARSE_UNDERSCORE, &d) == FP_EVALUE, &small, "no strip");
    check(fp_parse("inf", 3, FP_PARSE_UNDERSCORE, &d) == FP_EVALUE, &small, "no special");
    check(fp_parse("1_0", 3, 0, &d) == FP_EVALUE, &small, "no underscore");
    check(fp_parse("1_0", 3, FP_PARSE_UNDERSCORE, &d) == FP_OK && d == 10.0, &small, "underscore");
    check(fp_spec_parse("999999999999", 12, &spec) == FP_ESPEC, &small, "huge width");
    char fb[512];
    fl_format(1.5, 'e', -1, 0, fb, sizeof fb);
    check(!strcmp(fb, "1.500000e+00"), &small, fb);
    fl_format(-0.0, 0, -1, 0, fb, sizeof fb);
    check(!strcmp(fb, "-0.0"), &small, fb);
    fl_format(2.0, 'g', 3, 1, fb, sizeof fb);
    check(!strcmp(fb, "2.00"), &small, fb);
    fl_format(-1e300, 'f', 2, 0, fb, sizeof fb);
    check(strlen(fb) == 305 && !strncmp(fb, "-1000000000000000052504760255204420248704", 41),
          &small, fb);
    check(fl_format(1.0, 'd', 2, 0, fb, sizeof fb) == FP_ETYPE, &small, "fl_format type");
    check(fl_parse(" -1_0.5e1 ", 10, &d) == 0 && d == -105.0, &small, "fl_parse");
    check(fl_parse("1__0", 4, &d) == -1, &small, "fl_parse bad");
}

int main(void)
{
    for (size_t i = 0; i < sizeof vectors / sizeof *vectors; i++) {
        const struct vec *v = &vectors[i];
        if (!strcmp(v->kind, "badspec")) {
            check(badspec(v), v, "wrong error");
            continue;
        }
        if (!strcmp(v->kind, "intfmt") || !strcmp(v->kind, "intbad")) {
            int rc;
            const char *got = run_intfmt(v, &rc);
            if (!strcmp(v->kind, "intbad")) {
                check(rc == expected_int_code(v->expect), v, "wrong error");
            } else {
                check(!strcmp(got, v->expect), v, got);
            }
            continue;
        }
        const char *got = run_vec(v);
        check(!strcmp(got, v->expect), v, got);
    }
    test_api();
    printf("fpfmt: %d passed, %d failed\n", passed, failed);
    return failed != 0;
}
