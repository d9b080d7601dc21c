/* fpfmt: float <-> text as CPython does it (see fpfmt.h). */
#include "fpfmt.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Decimal digits of a finite positive double: value ~= 0.d[0..n) * 10**decpt. */
typedef struct fp_digits {
    char d[40];
    int n;
    int decpt;
} fp_digits;

static int is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* snprintf("%.*e") with a check that the C library really formats floats
 * (newlib-nano without _printf_float prints nothing). Returns 0 if not. */
static int fmt_e(char *buf, size_t size, int prec, double v)
{
    int n = snprintf(buf, size, "%.*e", prec, v);
    return n > 0 && (size_t)n < size && strchr(buf, 'e') != NULL;
}

/* Exponent of a "d.ddde+XX" string (0 if the string has none). */
static int exp_of(const char *s)
{
    const char *e = strchr(s, 'e');
    return e ? atoi(e + 1) : 0;
}

/* Parses "d.ddde+XX" (a leading zero digit is allowed) into digits/decpt,
 * dropping leading and trailing zeros. */
static void parse_e(const char *s, fp_digits *out)
{
    const char *e = strchr(s, 'e');
    if (!e) {
        e = s + strlen(s);
    }
    int n = 0, skipped = 0;
    for (const char *p = s; p < e; p++) {
        if (!is_digit(*p)) {
            continue;
        }
        if (n == 0 && *p == '0') {
            skipped++;
            continue;
        }
        out->d[n++] = *p;
    }
    while (n > 1 && out->d[n - 1] == '0') {
        n--;
    }
    if (n == 0) {
        out->d[n++] = '0';
        skipped = 0;
    }
    out->n = n;
    out->decpt = exp_of(s) + 1 - skipped;
}

/* Adds dir (+1 or -1) to the last mantissa digit of "d.ddde+XX". Returns 0 if
 * the carry would run out of the leading digit. */
static int bump_last(char *s, int dir)
{
    char *p = strchr(s, 'e');
    if (!p) {
        return 0;
    }
    while (--p >= s) {
        if (!is_digit(*p)) {
            continue;
        }
        if (dir > 0 && *p != '9') {
            (*p)++;
            return 1;
        }
        if (dir < 0 && *p != '0') {
            (*p)--;
            return 1;
        }
        *p = dir > 0 ? '0' : '9';
    }
    return 0;
}

/* Finds a p-significant-digit decimal that reads back as v: the correctly
 * rounded one, or a neighbour (needed next to powers of two, where the
 * rounding interval is lopsided). */
static int try_prec(double v, int p, fp_digits *out)
{
    char buf[40], alt[40];
    if (!fmt_e(buf, sizeof buf, p - 1, v)) {
        return 0;
    }
    if (strtod(buf, NULL) == v) {
        parse_e(buf, out);
        return 1;
    }
    for (int dir = -1; dir <= 1; dir += 2) {
        memcpy(alt, buf, sizeof alt);
        if (bump_last(alt, dir) && strtod(alt, NULL) == v) {
            parse_e(alt, out);
            return 1;
        }
    }
    return 0;
}

/* Last resort when the C library cannot format floats: 17 digits from
 * plain double arithmetic (approximate, but never garbage or a crash). */
static void crude_digits(double v, fp_digits *out)
{
    int e10 = (int)floor(log10(v));
    double m = v / pow(10.0, e10);
    if (m >= 10) {
        m /= 10, e10++;
    }
    for (int i = 0; i < 17; i++) {
        int d = (int)m;
        d = d < 0 ? 0 : d > 9 ? 9 : d;
        out->d[i] = (char)('0' + d);
        m = (m - d) * 10;
    }
    out->n = 17;
    while (out->n > 1 && out->d[out->n - 1] == '0') {
        out->n--;
    }
    out->decpt = e10 + 1;
}

/* Shortest digits that round-trip (v finite, positive).
 *
 * For normal numbers the 15-digit rounding decides: a double is within
 * half an ulp (~1.1e-16 relative) of any decimal that reads back as it, far
 * less than the 15-digit grid's half-step, so if any string of 15 or fewer
 * digits round-trips, the correctly rounded 15-digit one does and equals it
 * padded with zeros. Otherwise 16 digits (or their neighbours) or 17 do.
 * Subnormals have coarse ulps, so they search all lengths (round-tripping
 * is monotonic in the digit count). */
static void shortest(double v, fp_digits *out)
{
    if (v >= 2.2250738585072014e-308) {
        for (int p = 15; p <= 17; p++) {
            if (try_prec(v, p, out)) {
                return;
            }
        }
    } else {
        int lo = 1, hi = 17;
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            if (try_prec(v, mid, out)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        if (try_prec(v, lo, out)) {
            return;
        }
    }
    crude_digits(v, out);
}

/* Writes the exponent suffix "e+XX" (at least two digits). */
static int put_exp(char *b, int x)
{
    return sprintf(b, "e%c%02d", x < 0 ? '-' : '+', x < 0 ? -x : x);
}

/* repr-style layout of digits: fixed for -4 < decpt <= 16, else scientific. */
static int layout_repr(const fp_digits *g, int alt, char *b)
{
    int n = 0, dp = g->decpt;
    if (dp <= -4 || dp > 16) {
        b[n++] = g->d[0];
        if (g->n > 1 || alt) {
            b[n++] = '.';
        }
        memcpy(b + n, g->d + 1, (size_t)g->n - 1);
        n += g->n - 1;
        return n + put_exp(b + n, dp - 1);
    }
    if (dp <= 0) {
        b[n++] = '0';
        b[n++] = '.';
        for (int i = 0; i < -dp; i++) {
            b[n++] = '0';
        }
        memcpy(b + n, g->d, (size_t)g->n);
        return n + g->n;
    }
    for (int i = 0; i < dp; i++) {
        b[n++] = i < g->n ? g->d[i] : '0';
    }
    b[n++] = '.';
    if (dp >= g->n) {
        b[n++] = '0';
        return n;
    }
    memcpy(b + n, g->d + dp, (size_t)(g->n - dp));
    return n + g->n - dp;
}

/* Body of repr(|v|) without sign. */
static int body_repr(double a, int alt, char *b)
{
    fp_digits g;
    if (a == 0) {
        g.d[0] = '0';
        g.n = 1;
        g.decpt = 1;
    } else {
        shortest(a, &g);
    }
    int n = layout_repr(&g, alt, b);
    b[n] = 0;
    return n;
}

int fp_repr(double v, char *buf, size_t size)
{
    char tmp[FP_REPR_SIZE];
    int n;
    if (isnan(v)) {
        n = sprintf(tmp, "nan");
    } else if (isinf(v)) {
        n = sprintf(tmp, "%sinf", v < 0 ? "-" : "");
    } else {
        n = 0;
        if (signbit(v)) {
            tmp[n++] = '-';
        }
        n += body_repr(fabs(v), 0, tmp + n);
    }
    if ((size_t)n >= size) {
        return FP_ENOMEM;
    }
    memcpy(buf, tmp, (size_t)n + 1);
    return n;
}

/* ---- format spec ------------------------------------------------------ */

static int is_align(char c)
{
    return c == '<' || c == '>' || c == '^' || c == '=';
}

/* Length of the UTF-8 sequence starting with byte c (1 for ASCII/invalid). */
static size_t utf8_len(unsigned char c)
{
    if (c >= 0xf0) {
        return 4;
    }
    if (c >= 0xe0) {
        return 3;
    }
    return c >= 0xc0 ? 2 : 1;
}

/* Reads a decimal number at s[*i]; -1 if none; -2 if too large. */
static long read_num(const char *s, size_t len, size_t *i)
{
    long v = -1;
    while (*i < len && is_digit(s[*i])) {
        v = (v < 0 ? 0 : v) * 10 + (s[(*i)++] - '0');
        if (v > 100000000) {
            return -2;
        }
    }
    return v;
}

static void parse_fill_align(const char *s, size_t len, size_t *i, fp_spec *spec)
{
    size_t fl = len ? utf8_len((unsigned char)s[0]) : 0;
    if (len > fl && is_align(s[fl])) {
        memcpy(spec->fill, s, fl);
        spec->fill[fl] = 0;
        spec->align = s[fl];
        *i = fl + 1;
    } else if (len && is_align(s[0])) {
        spec->align = s[0];
        *i = 1;
    }
}

/* The sign, 'z', '#' and '0' options, in this order. */
static void parse_flags(const char *s, size_t len, size_t *i, fp_spec *spec, int fill_given)
{
    if (*i < len && (s[*i] == '+' || s[*i] == '-' || s[*i] == ' ')) {
        spec->sign = s[(*i)++];
    }
    if (*i < len && s[*i] == 'z') {
        spec->zero_neg = s[(*i)++];
    }
    if (*i < len && s[*i] == '#') {
        spec->alt = s[(*i)++];
    }
    if (*i < len && s[*i] == '0') {
        /* sign-aware zero padding, unless a fill or alignment was given */
        spec->zero = 1;
        (*i)++;
        if (!fill_given) {
            strcpy(spec->fill, "0");
        }
        if (!spec->align) {
            spec->align = '=';
        }
    }
}

/* ".precision" at s[*i], if present. */
static int parse_precision(const char *s, size_t len, size_t *i, fp_spec *spec)
{
    if (*i >= len || s[*i] != '.') {
        return FP_OK;
    }
    (*i)++;
    long p = read_num(s, len, i);
    if (p == -1) {
        return FP_ENOPREC;
    }
    if (p == -2) {
        return FP_ESPEC;
    }
    spec->precision = (int)p;
    return FP_OK;
}

int fp_spec_parse(const char *s, size_t len, fp_spec *spec)
{
    size_t i = 0;
    memset(spec, 0, sizeof *spec);
    spec->fill[0] = ' ';
    spec->width = spec->precision = -1;
    parse_fill_align(s, len, &i, spec);
    parse_flags(s, len, &i, spec, i > 1);
    long w = read_num(s, len, &i);
    if (w == -2) {
        return FP_ESPEC;
    }
    spec->width = (int)w;
    if (i < len && (s[i] == ',' || s[i] == '_')) {
        spec->grouping = s[i++];
    }
    int rc = parse_precision(s, len, &i, spec);
    if (rc != FP_OK) {
        return rc;
    }
    if (i < len) {
        spec->type = s[i++];
    }
    if (spec->type == ',' || spec->type == '_') {
        return FP_ESPEC; /* a second grouping option */
    }
    return i == len ? FP_OK : FP_ESPEC;
}

/* ---- float formatting --------------------------------------------------- */

size_t fp_format_size(const fp_spec *spec)
{
    size_t prec = spec->precision > 0 ? (size_t)spec->precision : 0;
    size_t width = spec->width > 0 ? (size_t)spec->width : 0;
    /* sign + 311 integer digits ('%' of 1.8e308) + grouping + point +
     * precision + exponent/percent + padding in a 4-byte fill. */
    return 1 + 311 + 104 + 1 + prec + 8 + 4 * width + 16;
}

static void strip_zeros(char *b, int *n)
{
    char *e = strchr(b, 'e');
    int tail = e ? (int)(b + *n - e) : 0, end = *n - tail;
    if (!memchr(b, '.', (size_t)end)) {
        return;
    }
    while (b[end - 1] == '0') {
        end--;
    }
    if (b[end - 1] == '.') {
        end--;
    }
    memmove(b + end, b + *n - tail, (size_t)tail + 1);
    *n = end + tail;
}

/* 'g'-style body of a (finite, >= 0). dot0: the '' type with a precision,
 * which keeps one fractional digit and switches to exponents one digit
 * earlier. */
static int body_g(double a, int prec, int alt, int dot0, char *b, size_t cap)
{
    int p = prec < 0 ? 6 : (prec == 0 ? 1 : prec);
    char t[48];
    int decpt = fmt_e(t, sizeof t, (p > 20 ? 20 : p) - 1, a) ? exp_of(t) + 1
                : a > 0                                      ? (int)floor(log10(a)) + 1
                                                             : 1;
    int use_exp = decpt <= -4 || decpt > (dot0 ? p - 1 : p);
    int n;
    if (use_exp) {
        n = snprintf(b, cap, alt ? "%#.*e" : "%.*e", p - 1, a);
    } else {
        n = snprintf(b, cap, alt ? "%#.*f" : "%.*f", p - decpt, a);
    }
    if (!alt) {
        strip_zeros(b, &n);
    }
    if (dot0 && !use_exp && !strchr(b, '.')) {
        n += sprintf(b + n, ".0");
    }
    return n;
}

/* Body (no sign) of |v| for the spec's type. */
static int format_body(double a, const fp_spec *spec, char *b, size_t cap)
{
    int prec = spec->precision, alt = spec->alt != 0, n;
    char type = spec->type;
    if (isnan(a) || isinf(a)) {
        n = sprintf(b, isnan(a) ? "nan" : "inf");
    } else if (type == 'e' || type == 'E') {
        n = snprintf(b, cap, alt ? "%#.*e" : "%.*e", prec < 0 ? 6 : prec, a);
    } else if (type == 'f' || type == 'F' || type == '%') {
        n = snprintf(b, cap, alt ? "%#.*f" : "%.*f", prec < 0 ? 6 : prec,
                     type == '%' ? a * 100 : a);
    } else if (type == 'g' || type == 'G' || type == 'n') {
        n = body_g(a, prec, alt, 0, b, cap);
    } else if (prec >= 0) {
        n = body_g(a, prec, alt, 1, b, cap);
    } else {
        n = body_repr(a, alt, b);
    }
    if (type == '%') {
        b[n++] = '%';
        b[n] = 0;
    }
    if (type == 'E' || type == 'F' || type == 'G') {
        for (int i = 0; i < n; i++) {
            if (b[i] >= 'a' && b[i] <= 'z') {
                b[i] = (char)(b[i] - 'a' + 'A');
            }
        }
    }
    return n;
}

static int all_zero_mantissa(const char *b)
{
    for (; *b && *b != 'e' && *b != 'E' && *b != '%'; b++) {
        if (*b != '0' && *b != '.') {
            return 0;
        }
    }
    return 1;
}

static char *put_fill(char *p, const char *fill, int count)
{
    size_t fl = strlen(fill);
    for (int i = 0; i < count; i++) {
        memcpy(p, fill, fl);
        p += fl;
    }
    return p;
}

/* How the integer digits are laid out: separator, group size, prefix
 * ("0x"...) and upper-casing (for 'X'). */
typedef struct int_layout {
    char sep;
    int group;
    const char *prefix;
    int upper;
} int_layout;

/* Writes the integer digits b[0..digits) as `total` digits (zero-extended on
 * the left) with a separator every lay->group digits. */
static char *put_grouped(char *p, const char *b, int digits, int total, const int_layout *lay)
{
    for (int k = total - 1; k >= 0; k--) {
        char c = k < digits ? b[digits - 1 - k] : '0';
        *p++ = lay->upper && c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
        if (lay->sep && k > 0 && k % lay->group == 0) {
            *p++ = lay->sep;
        }
    }
    return p;
}

static int grouped_len(int d, const int_layout *lay)
{
    return lay->sep && d ? d + (d - 1) / lay->group : d;
}

/* Writes sign, prefix, fill and the (grouped) body b[0..n) into out per the
 * spec; digits is the length of b's leading integer digits. Returns the end. */
static char *assemble(const fp_spec *spec, char *out, char sign, const char *b, int n, int digits,
                      const int_layout *lay)
{
    int total = digits, width = spec->width, fixed = (n - digits) + (sign != 0);
    fixed += (int)strlen(lay->prefix);
    if (lay->sep && spec->align == '=' && !strcmp(spec->fill, "0")) {
        /* Zero padding with grouping pads with grouped zeros. */
        while (grouped_len(total, lay) + fixed < width) {
            total++;
        }
    }
    int len = grouped_len(total, lay) + fixed;
    int pad = width > len ? width - len : 0;
    char align = spec->align ? spec->align : '>';
    int left = align == '>' ? pad : align == '^' ? pad / 2 : 0;
    int mid = align == '=' ? pad : 0;
    char *p = put_fill(out, spec->fill, left);
    if (sign) {
        *p++ = sign;
    }
    for (const char *q = lay->prefix; *q; q++) {
        *p++ = *q;
    }
    p = put_fill(p, spec->fill, mid);
    p = put_grouped(p, b, digits, total, lay);
    memmove(p, b + digits, (size_t)(n - digits));
    p += n - digits;
    return put_fill(p, spec->fill, pad - left - mid);
}

int fp_format(double v, const fp_spec *spec, char *buf, size_t size)
{
    if (spec->type && !strchr("eEfFgGn%", spec->type)) {
        return FP_ETYPE;
    }
    if (spec->grouping && spec->type == 'n') {
        return FP_EGROUPN;
    }
    if (size < fp_format_size(spec)) {
        return FP_ENOMEM;
    }
    /* The body is formatted into the tail of buf and the result assembled
     * from the start: the output is never longer than size, so writing
     * never overtakes the unread body. */
    size_t cap = 1 + 311 + 1 + (spec->precision > 0 ? (size_t)spec->precision : 0) + 16;
    char *b = buf + size - cap;
    int neg = signbit(v) && !isnan(v);
    int n = format_body(fabs(v), spec, b, cap);
    memmove(buf + size - n - 1, b, (size_t)n + 1);
    b = buf + size - n - 1;
    if (neg && spec->zero_neg && all_zero_mantissa(b)) {
        neg = 0;
    }
    char sign = neg ? '-' : (spec->sign == '+' || spec->sign == ' ' ? spec->sign : 0);
    int digits = 0;
    while (digits < n && is_digit(b[digits])) {
        digits++;
    }
    int_layout lay = {digits ? spec->grouping : 0, 3, "", 0};
    char *p = assemble(spec, buf, sign, b, n, digits, &lay);
    *p = 0;
    return (int)(p - buf);
}

/* ---- parsing --------------------------------------------------------------- */

static int is_space(char c)
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

static int lower(char c)
{
    return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static int match_word(const char *s, size_t len, const char *w)
{
    if (strlen(w) != len) {
        return 0;
    }
    for (size_t i = 0; i < len; i++) {
        if (lower(s[i]) != w[i]) {
            return 0;
        }
    }
    return 1;
}

/* Decimal mantissa being collected: at most FP_PARSE_DIGITS significant
 * digits are kept; later nonzero digits only set `sticky`, which is enough
 * for correct rounding. exp10 tracks the decimal exponent of the kept digits. */
#ifndef FP_PARSE_DIGITS
#if UINTPTR_MAX > 0xffffffffu
#define FP_PARSE_DIGITS 800 /* enough for every halfway case */
#else
#define FP_PARSE_DIGITS 120 /* small MCU stacks; sticky rounding beyond */
#endif
#endif
typedef struct dec_acc {
    char d[FP_PARSE_DIGITS + 2];
    int n;
    int sticky;
    long exp10;
} dec_acc;

static void acc_digit(dec_acc *a, char c, int frac)
{
    if (a->n == 0 && c == '0') {
        a->exp10 -= frac; /* leading zero */
    } else if (a->n < FP_PARSE_DIGITS) {
        a->d[a->n++] = c;
        a->exp10 -= frac;
    } else {
        a->sticky |= c != '0';
        a->exp10 += !frac;
    }
}

/* Scans a run of digits at s[*i] (single '_' between digits allowed when
 * us), feeding them to acc if not NULL, and to *val (saturating) if val.
 * Returns the digit count, -1 on a misplaced underscore. */
static long scan_digits(const char *s, size_t end, size_t *i, int us, dec_acc *acc, int frac,
                        long *val)
{
    long n = 0;
    for (; *i < end; (*i)++) {
        char c = s[*i];
        if (is_digit(c)) {
            n++;
            if (acc) {
                acc_digit(acc, c, frac);
            }
            if (val && *val < 100000000) {
                *val = *val * 10 + (c - '0');
            }
        } else if (c == '_' && us && n && *i + 1 < end && is_digit(s[*i + 1])) {
            continue;
        } else if (c == '_') {
            return -1;
        } else {
            break;
        }
    }
    return n;
}

static void trim(const char *s, size_t *i, size_t *end)
{
    while (*i < *end && is_space(s[*i])) {
        (*i)++;
    }
    while (*end > *i && is_space(s[*end - 1])) {
        (*end)--;
    }
}

/* Parses [+-]?(inf|infinity|nan) into *out; returns 1 if it matched. */
static int parse_special(const char *s, size_t len, double *out)
{
    int neg = len && s[0] == '-';
    if (len && (s[0] == '-' || s[0] == '+')) {
        s++, len--;
    }
    if (match_word(s, len, "inf") || match_word(s, len, "infinity")) {
        *out = neg ? -INFINITY : INFINITY;
        return 1;
    }
    if (match_word(s, len, "nan")) {
        *out = neg ? -NAN : NAN;
        return 1;
    }
    return 0;
}

/* Parses [eE][+-]?digits at s[*i] into *e; 0 if absent, -1 if malformed. */
static int scan_exponent(const char *s, size_t end, size_t *i, int us, long *e)
{
    if (*i >= end || (s[*i] != 'e' && s[*i] != 'E')) {
        return 0;
    }
    int neg = 0;
    if (++*i < end && (s[*i] == '+' || s[*i] == '-')) {
        neg = s[(*i)++] == '-';
    }
    if (scan_digits(s, end, i, us, NULL, 0, e) <= 0) {
        return -1;
    }
    *e = neg ? -*e : *e;
    return 0;
}

int fp_parse(const char *s, size_t len, int flags, double *out)
{
    size_t i = 0, end = len;
    int us = (flags & FP_PARSE_UNDERSCORE) != 0, neg = 0;
    if (flags & FP_PARSE_STRIP) {
        trim(s, &i, &end);
    }
    if ((flags & FP_PARSE_SPECIAL) && parse_special(s + i, end - i, out)) {
        return FP_OK;
    }
    if (i < end && (s[i] == '+' || s[i] == '-')) {
        neg = s[i++] == '-';
    }
    dec_acc acc = {.n = 0};
    long e = 0, n1 = scan_digits(s, end, &i, us, &acc, 0, NULL), n2 = 0;
    if (n1 >= 0 && i < end && s[i] == '.') {
        i++;
        n2 = scan_digits(s, end, &i, us, &acc, 1, NULL);
    }
    if (n1 < 0 || n2 < 0 || n1 + n2 == 0 || scan_exponent(s, end, &i, us, &e) < 0 || i != end) {
        return FP_EVALUE;
    }
    if (acc.sticky) {
        acc.d[acc.n++] = '1'; /* stands for the dropped nonzero tail */
        acc.exp10--;
    }
    if (acc.n == 0) {
        acc.d[acc.n++] = '0';
    }
    /* "<digits>e<exp>": strtod does the correctly rounded conversion. */
    char buf[FP_PARSE_DIGITS + 40];
    snprintf(buf, sizeof buf, "%s%.*se%ld", neg ? "-" : "", acc.n, acc.d, acc.exp10 + e);
    *out = strtod(buf, NULL);
    return FP_OK;
}

/* ---- hex ----------------------------------------------------------------- */

int fp_hex(double v, char *buf, size_t size)
{
    char tmp[FP_REPR_SIZE];
    int n;
    if (isnan(v) || isinf(v)) {
        n = sprintf(tmp, isnan(v) ? "nan" : v < 0 ? "-inf" : "inf");
    } else if (v == 0) {
        n = sprintf(tmp, "%s0x0.0p+0", signbit(v) ? "-" : "");
    } else {
        uint64_t bits;
        memcpy(&bits, &v, sizeof bits);
        int bexp = (int)((bits >> 52) & 0x7ff);
        unsigned long long mant = bits & (((uint64_t)1 << 52) - 1);
        n = sprintf(tmp, "%s0x%d.%013llxp%+d", signbit(v) ? "-" : "", bexp != 0, mant,
                    bexp ? bexp - 1023 : -1022);
    }
    if ((size_t)n >= size) {
        return FP_ENOMEM;
    }
    memcpy(buf, tmp, (size_t)n + 1);
    return n;
}

static int hex_value(char c)
{
    c = (char)lower(c);
    if (is_digit(c)) {
        return c - '0';
    }
    return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* m * 2**exp rounded half-to-even to a double (with subnormals).
 * FP_OK or FP_EOVERFLOW. */
static int make_double(uint64_t m, int sticky, long exp, int neg, double *out)
{
    int nb = 0;
    for (uint64_t t = m; t; t >>= 1) {
        nb++;
    }
    long top = nb + exp, prec = 53;
    if (top - 53 < -1074) {
        prec = top + 1074 < 0 ? 0 : top + 1074;
    }
    if (nb > prec) {
        int drop = (int)(nb - prec);
        uint64_t half = (uint64_t)1 << (drop - 1);
        uint64_t low = drop >= 64 ? m : m & ((half << 1) - 1);
        m = drop >= 64 ? 0 : m >> drop;
        exp += drop;
        if (low > half || (low == half && (sticky || (m & 1)))) {
            m++;
        }
    }
    nb = 0;
    for (uint64_t t = m; t; t >>= 1) {
        nb++;
    }
    if (m && nb + exp > 1024) {
        return FP_EOVERFLOW;
    }
    double r = m ? ldexp((double)m, (int)exp) : 0.0;
    *out = neg ? -r : r;
    return FP_OK;
}

/* Reads hex digits into m (64 significant bits kept, the rest sticky). */
static size_t hex_digits(const char *s, size_t len, size_t i, int frac, uint64_t *m, int *sticky,
                         long *exp, int *count)
{
    int h;
    for (; i < len && (h = hex_value(s[i])) >= 0; i++) {
        (*count)++;
        if (*m >> 60) {
            *sticky |= h != 0;
            *exp += frac ? 0 : 4;
        } else {
            *m = *m * 16 + (uint64_t)h;
            *exp -= frac ? 4 : 0;
        }
    }
    return i;
}

int fp_fromhex(const char *s, size_t len, double *out)
{
    size_t i = 0, end = len;
    trim(s, &i, &end);
    if (parse_special(s + i, end - i, out)) {
        return FP_OK;
    }
    int neg = 0, sticky = 0, count = 0;
    if (i < end && (s[i] == '-' || s[i] == '+')) {
        neg = s[i++] == '-';
    }
    if (end - i >= 2 && s[i] == '0' && lower(s[i + 1]) == 'x') {
        i += 2;
    }
    uint64_t m = 0;
    long exp = 0;
    i = hex_digits(s, end, i, 0, &m, &sticky, &exp, &count);
    if (i < end && s[i] == '.') {
        i = hex_digits(s, end, i + 1, 1, &m, &sticky, &exp, &count);
    }
    if (!count) {
        return FP_EVALUE;
    }
    if (i < end && lower(s[i]) == 'p') {
        int eneg = 0;
        long e = 0, nd = 0;
        if (++i < end && (s[i] == '-' || s[i] == '+')) {
            eneg = s[i++] == '-';
        }
        for (; i < end && is_digit(s[i]); i++, nd++) {
            e = e > 100000000 ? e : e * 10 + (s[i] - '0');
        }
        if (!nd) {
            return FP_EVALUE;
        }
        exp += eneg ? -e : e;
    }
    if (i != end) {
        return FP_EVALUE;
    }
    return make_double(m, sticky, exp, neg, out);
}

/* ---- round ----------------------------------------------------------------- */

int fp_round(double v, long nd, double *out)
{
    char buf[80];
    if (!isfinite(v) || v == 0) {
        *out = v;
        return FP_OK;
    }
    nd = nd > 1000 ? 1000 : nd < -1000 ? -1000 : nd;
    long e10 = fmt_e(buf, sizeof buf, 16, v) ? exp_of(buf) : (long)floor(log10(fabs(v)));
    long s = e10 + 1 + nd; /* significant digits kept */
    if (s >= 17) {
        *out = v; /* finer than the double's own precision */
    } else if (s >= 1) {
        if (fmt_e(buf, sizeof buf, (int)s - 1, v)) {
            *out = strtod(buf, NULL);
        } else { /* no float printf: approximate with binary arithmetic */
            double p = pow(10.0, (double)nd);
            *out = nearbyint(v * p) / p;
        }
    } else if (s < 0) {
        *out = copysign(0.0, v);
    } else {
        /* |v| < 10**-nd: rounds to 10**-nd iff above half of it. */
        snprintf(buf, sizeof buf, "%.40e", fabs(v));
        int up = buf[0] > '5';
        for (const char *p = buf + 2; buf[0] == '5' && *p != 'e'; p++) {
            up |= *p != '0';
        }
        snprintf(buf, sizeof buf, "1e%ld", -nd);
        *out = up ? copysign(strtod(buf, NULL), v) : copysign(0.0, v);
    }
    return isinf(*out) ? FP_EOVERFLOW : FP_OK;
}

/* ---- core interface ---------------------------------------------------- */

int fl_repr(double v, char *buf, size_t n)
{
    return fp_repr(v, buf, n);
}

int fl_format(double v, char type, int prec, int alt, char *buf, size_t n)
{
    fp_spec spec;
    memset(&spec, 0, sizeof spec);
    spec.fill[0] = ' ';
    spec.width = -1;
    spec.precision = prec;
    spec.alt = (char)(alt ? '#' : 0);
    spec.type = type;
    /* Plain formats need far less than fp_format_size(): format through a
     * fitting window of the caller's buffer. */
    size_t need = 1 + 311 + 1 + (prec > 0 ? (size_t)prec : 0) + 16 + 1;
    if (n < need) {
        return FP_ENOMEM;
    }
    if (type && !strchr("eEfFgG%", type)) {
        return FP_ETYPE;
    }
    char *b = buf + n - need;
    int neg = signbit(v) && !isnan(v);
    int len = format_body(fabs(v), &spec, b + 1, need - 1);
    if (neg) {
        *b = '-';
        len++;
    } else {
        b++;
    }
    memmove(buf, b, (size_t)len + 1);
    return len;
}

int fl_parse(const char *s, size_t len, double *out)
{
    return fp_parse(s, len, FP_PARSE_FLOAT, out) == FP_OK ? 0 : -1;
}

/* ---- integers --------------------------------------------------------------- */

size_t fp_format_int_size(size_t ndigits, const fp_spec *spec)
{
    size_t width = spec->width > 0 ? (size_t)spec->width : 0;
    /* sign + prefix + digits with separators, or zero padding to width
     * (grouped), or fill of up to 4 bytes per character. */
    return 1 + 2 + ndigits + ndigits / 3 + 2 * width + 4 * width + 16;
}

static int int_spec_check(const fp_spec *spec, char type)
{
    if (!strchr("bdoxXn", type)) {
        return FP_ETYPE;
    }
    if (spec->precision >= 0) {
        return FP_EINTPREC;
    }
    if (spec->zero_neg) {
        return FP_EINTZ;
    }
    if (spec->grouping && type == 'n') {
        return FP_EGROUPN;
    }
    if (spec->grouping == ',' && type != 'd') {
        return FP_EGROUPTYPE;
    }
    return FP_OK;
}

int fp_format_int(const char *digits, size_t n, int neg, const fp_spec *spec, char *buf,
                  size_t size)
{
    char type = spec->type ? spec->type : 'd';
    int rc = int_spec_check(spec, type);
    if (rc != FP_OK) {
        return rc;
    }
    if (size < fp_format_int_size(n, spec) || n > INT32_MAX / 2) {
        return FP_ENOMEM;
    }
    static const char *const prefixes[] = {"0b", "0o", "0x", "0X"};
    const char *prefix = "";
    if (spec->alt && type != 'd' && type != 'n') {
        prefix = prefixes[type == 'b' ? 0 : type == 'o' ? 1 : type == 'x' ? 2 : 3];
    }
    int_layout lay = {spec->grouping, type == 'd' ? 3 : 4, prefix, type == 'X'};
    char sign = neg ? '-' : (spec->sign == '+' || spec->sign == ' ' ? spec->sign : 0);
    char *p = assemble(spec, buf, sign, digits, (int)n, (int)n, &lay);
    *p = 0;
    return (int)(p - buf);
}
