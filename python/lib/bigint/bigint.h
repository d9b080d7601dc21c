/* bigint: arbitrary-precision signed integers in caller-supplied memory.
 *
 * A value is a bi_t: a sign flag and a little-endian array of magnitude
 * digits. The library never allocates: every function that produces a value
 * writes it into a bi_t whose digit buffer (d, cap) the caller provides, and
 * the functions that need temporary space take a `scratch` digit array whose
 * required size is returned by a matching *_scratch() helper. The *_size()
 * helpers return the number of result digits that is always enough.
 *
 * Semantics follow Python 3 ints: floor division and modulo take the sign of
 * the divisor, bitwise operations act on an infinite two's-complement
 * representation, right shifts round towards minus infinity, and bi_hash()
 * equals CPython's hash(int).
 *
 * Values are always normalised: no leading zero digits, len == 0 for zero,
 * and zero is never negative.
 *
 * Unless a function says otherwise, the result must not share digit memory
 * with an input. All functions are pure computations on caller memory: they
 * are reentrant and may be called from an ISR (they may take long for large
 * operands).
 *
 * Return codes (all functions returning int):
 *   BI_OK         success
 *   BI_ENOMEM     the result buffer is smaller than needed (result undefined)
 *   BI_EZERODIV   division or modulo by zero
 *   BI_EOVERFLOW  the value does not fit the target type
 *   BI_EVALUE     invalid argument (bad digit, base, negative count, NaN)
 */
#ifndef BIGINT_H
#define BIGINT_H

#include <stddef.h>
#include <stdint.h>

/* Digit width: 32-bit digits with 64-bit intermediates on 64-bit hosts,
 * 16-bit digits with 32-bit intermediates on 32-bit MCUs. Override by
 * defining BI_DIGIT_BITS to 16 or 32 for the whole build. */
#ifndef BI_DIGIT_BITS
#if UINTPTR_MAX > 0xffffffffu
#define BI_DIGIT_BITS 32
#else
#define BI_DIGIT_BITS 16
#endif
#endif

#if BI_DIGIT_BITS == 32
typedef uint32_t bi_digit;
typedef uint64_t bi_ddigit;
#elif BI_DIGIT_BITS == 16
typedef uint16_t bi_digit;
typedef uint32_t bi_ddigit;
#else
#error "BI_DIGIT_BITS must be 16 or 32"
#endif

/* Hash modulus exponent, as CPython: 2**61-1 with 64-bit hashes. */
#if INTPTR_MAX > 0x7fffffff
#define BI_HASH_BITS 61
#else
#define BI_HASH_BITS 31
#endif
#define BI_HASH_MODULUS (((uintptr_t)1 << BI_HASH_BITS) - 1)

#define BI_OK           0
#define BI_ENOMEM       (-1)
#define BI_EZERODIV     (-2)
#define BI_EOVERFLOW    (-3)
#define BI_EVALUE       (-4)

/* Digits needed to hold any int64_t / uint64_t. */
#define BI_I64_DIGITS (64 / BI_DIGIT_BITS)

typedef struct bi {
    bi_digit *d; /* magnitude, least significant digit first */
    size_t len;  /* digits in use (0 for zero) */
    size_t cap;  /* digits available in d */
    int neg;     /* nonzero if the value is negative */
} bi_t;

/* Make x an empty (zero) value using buf[0..cap) as its digit storage. */
void bi_init(bi_t *x, bi_digit *buf, size_t cap);

/* Strip leading zero digits and clear the sign of zero. Use after filling
 * digits by hand. */
void bi_normalize(bi_t *x);

/* --- conversions from/to C integers -------------------------------------- */

/* r = v. r->cap >= BI_I64_DIGITS is always enough. BI_OK or BI_ENOMEM. */
int bi_set_i64(bi_t *r, int64_t v);
int bi_set_u64(bi_t *r, uint64_t v);
/* *out = a. BI_OK or BI_EOVERFLOW (out untouched). */
int bi_to_i64(const bi_t *a, int64_t *out);
int bi_to_u64(const bi_t *a, uint64_t *out); /* negative: BI_EOVERFLOW */

/* r = a. BI_OK or BI_ENOMEM. */
int bi_copy(bi_t *r, const bi_t *a);

/* --- queries --------------------------------------------------------------- */

/* -1, 0 or 1 as a <, ==, > b. */
int bi_cmp(const bi_t *a, const bi_t *b);
/* Number of bits of |a|, 0 for zero (Python's int.bit_length). */
size_t bi_bit_length(const bi_t *a);
/* CPython-compatible hash(int) (never -1). */
intptr_t bi_hash(const bi_t *a);

/* --- arithmetic -------------------------------------------------------- */

/* Result digits always enough for a + b and a - b. */
size_t bi_add_size(const bi_t *a, const bi_t *b);
/* r = a + b, r = a - b. r may be the same object as a or b.
 * BI_OK or BI_ENOMEM. */
int bi_add(bi_t *r, const bi_t *a, const bi_t *b);
int bi_sub(bi_t *r, const bi_t *a, const bi_t *b);

/* r = a * b. Needs r->cap >= bi_mul_size(a, b) and scratch of
 * bi_mul_scratch(a->len, b->len) digits (Karatsuba above a threshold).
 * BI_OK or BI_ENOMEM. */
size_t bi_mul_size(const bi_t *a, const bi_t *b);
size_t bi_mul_scratch(size_t la, size_t lb);
int bi_mul(bi_t *r, const bi_t *a, const bi_t *b, bi_digit *scratch);

/* Floor division: q = a // b, m = a % b (m has the sign of b). Either q or
 * m may be NULL. Needs q->cap >= bi_div_size(a, b), m->cap >= b->len and
 * scratch of bi_div_scratch(a->len, b->len) digits.
 * BI_OK, BI_EZERODIV or BI_ENOMEM. */
size_t bi_div_size(const bi_t *a, const bi_t *b);
size_t bi_div_scratch(size_t la, size_t lb);
int bi_divmod(bi_t *q, bi_t *m, const bi_t *a, const bi_t *b, bi_digit *scratch);

/* Correctly rounded true division *out = a / b (Python's int / int).
 * Needs scratch of bi_truediv_scratch(a->len, b->len) digits.
 * BI_OK, BI_EZERODIV or BI_EOVERFLOW (|result| too large for a double). */
size_t bi_truediv_scratch(size_t la, size_t lb);
int bi_truediv(const bi_t *a, const bi_t *b, double *out, bi_digit *scratch);

/* r = a ** e for e >= 0. bi_pow_size() returns 0 if the result size does
 * not fit size_t. BI_OK or BI_ENOMEM. */
size_t bi_pow_size(const bi_t *a, uint64_t e);
size_t bi_pow_scratch(const bi_t *a, uint64_t e);
int bi_pow(bi_t *r, const bi_t *a, uint64_t e, bi_digit *scratch);

/* r = pow(a, e, m) with Python's rules: the result has the sign of m, and
 * a negative e uses the modular inverse of a. Needs r->cap >= m->len and
 * bi_powmod_scratch() digits of scratch. BI_OK, BI_EZERODIV (m == 0),
 * BI_EVALUE (e < 0 and a not invertible: "base is not invertible for the
 * given modulus") or BI_ENOMEM. */
size_t bi_powmod_scratch(const bi_t *a, const bi_t *m);
int bi_powmod(bi_t *r, const bi_t *a, const bi_t *e, const bi_t *m, bi_digit *scratch);

/* --- bit operations ------------------------------------------------------- */

/* r = a << n, r = a >> n (floor). r may be the same object as a.
 * bi_shl_size() returns 0 if the size does not fit size_t.
 * BI_OK or BI_ENOMEM. */
size_t bi_shl_size(const bi_t *a, size_t n);
int bi_shl(bi_t *r, const bi_t *a, size_t n);
size_t bi_shr_size(const bi_t *a, size_t n);
int bi_shr(bi_t *r, const bi_t *a, size_t n);

/* Two's-complement r = a & b, a | b, a ^ b, ~a. r may be the same object as
 * a or b. Result digits: bi_bitop_size(a, b) (use b = a for invert).
 * BI_OK or BI_ENOMEM. */
size_t bi_bitop_size(const bi_t *a, const bi_t *b);
int bi_and(bi_t *r, const bi_t *a, const bi_t *b);
int bi_or(bi_t *r, const bi_t *a, const bi_t *b);
int bi_xor(bi_t *r, const bi_t *a, const bi_t *b);
int bi_invert(bi_t *r, const bi_t *a);

/* --- text -------------------------------------------------------------- */

/* Digits needed to parse `ndigits` digit characters in `base`. */
size_t bi_from_str_size(size_t ndigits, unsigned base);
/* Parse s[0..len) = [+-]?[0-9a-zA-Z]+ in base 2..36 (no prefix, spaces or
 * underscores: the caller handles Python's syntax around the digits).
 * BI_OK, BI_EVALUE (empty, bad digit or base) or BI_ENOMEM. */
int bi_from_str(bi_t *r, const char *s, size_t len, unsigned base);

/* Characters needed (including '-' and the terminating NUL) to print a in
 * base, and the scratch digits bi_to_str() needs. */
size_t bi_str_size(const bi_t *a, unsigned base);
size_t bi_to_str_scratch(const bi_t *a);
/* Write a in base 2..36 (lowercase, '-' sign, no prefix) as a
 * NUL-terminated string. *outlen (may be NULL) gets the length without NUL.
 * BI_OK, BI_EVALUE (bad base) or BI_ENOMEM (buf too small). */
int bi_to_str(const bi_t *a, unsigned base, char *buf, size_t bufsize, size_t *outlen,
              bi_digit *scratch);

/* --- floating point --------------------------------------------------------- */

/* Correctly rounded (half to even) conversion. BI_OK or BI_EOVERFLOW. */
int bi_to_double(const bi_t *a, double *out);
/* r = trunc(v). BI_EVALUE for NaN, BI_EOVERFLOW for infinities,
 * BI_ENOMEM if r->cap < bi_from_double_size(v). */
size_t bi_from_double_size(double v);
int bi_from_double(bi_t *r, double v);

#endif
