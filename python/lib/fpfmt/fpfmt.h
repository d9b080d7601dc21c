/* fpfmt: float <-> text exactly as CPython does it.
 *
 * repr(float) (shortest round-trip digits), format() / str.format() spec
 * formatting of floats, float() parsing, float.hex()/float.fromhex() and
 * round(x, n). Also a generic parser of the format-spec mini-language that
 * int and str formatting can share.
 *
 * Built on the C library's snprintf("%e"/"%f") and strtod, which are
 * correctly rounded in glibc and newlib (newlib-nano needs its float printf
 * linked in: -u _printf_float; without it output degrades to approximate
 * digits, never a crash); no allocation: callers pass buffers
 * (sizes given below). All functions are reentrant and, as long as the C
 * library's snprintf/strtod are, ISR-safe.
 *
 * Return codes:
 *   FP_OK        success
 *   FP_ENOMEM    output buffer too small
 *   FP_ESPEC     invalid format specifier (Python: ValueError "Invalid
 *                format specifier")
 *   FP_ETYPE     format type not valid for float (ValueError "Unknown
 *                format code 'x' for object of type 'float'")
 *   FP_EVALUE    text is not a valid float literal (ValueError "could not
 *                convert string to float")
 *   FP_EOVERFLOW result too large (OverflowError)
 *   FP_ENOPREC   '.' without digits in a format spec (ValueError)
 *   FP_EGROUPN   grouping combined with type 'n' (ValueError)
 */
#ifndef FPFMT_H
#define FPFMT_H

#include <stddef.h>

#define FP_OK         0
#define FP_ENOMEM     (-1)
#define FP_ESPEC      (-2)
#define FP_ETYPE      (-3)
#define FP_EVALUE     (-4)
#define FP_EOVERFLOW  (-5)
#define FP_ENOPREC    (-6) /* "Format specifier missing precision" */
#define FP_EGROUPN    (-7) /* "Cannot specify ',' with 'n'." */
#define FP_EGROUPTYPE (-8) /* "Cannot specify ',' with 'x'." (grouping char, type) */
#define FP_EINTPREC   (-9) /* "Precision not allowed in integer format specifier" */
#define FP_EINTZ      (-10) /* "Negative zero coercion (z) not allowed in integer format specifier" */

/* Buffer size always enough for fp_repr() / fp_hex(). */
#define FP_REPR_SIZE 32

/* A parsed format spec: [[fill]align][sign][z][#][0][width][grouping][.precision][type] */
typedef struct fp_spec {
    char fill[5];  /* UTF-8 fill character, NUL-terminated (default " ") */
    char align;    /* '<' '>' '^' '=' or 0 when not given */
    char sign;     /* '+' '-' ' ' or 0 when not given */
    char zero_neg; /* 'z': coerce negative zero to positive */
    char alt;      /* '#' */
    char zero;     /* '0' flag given */
    char grouping; /* ',' '_' or 0 */
    char type;     /* type character or 0 */
    int width;     /* -1 when not given */
    int precision; /* -1 when not given */
} fp_spec;

/* Parses a format spec (any type letter is accepted here; each formatter
 * checks its own). Widths and precisions above 1e8 are rejected.
 * FP_OK, FP_ESPEC or FP_ENOPREC. */
int fp_spec_parse(const char *s, size_t len, fp_spec *spec);

/* Writes repr(v) NUL-terminated into buf (size >= FP_REPR_SIZE is always
 * enough). Returns the length, or FP_ENOMEM. */
int fp_repr(double v, char *buf, size_t size);

/* Bytes always enough for fp_format() output with this spec (includes NUL). */
size_t fp_format_size(const fp_spec *spec);
/* format(v, spec) NUL-terminated into buf. Returns the length in bytes, or
 * FP_ENOMEM (size < fp_format_size()), FP_ETYPE or FP_EGROUPN. */
int fp_format(double v, const fp_spec *spec, char *buf, size_t size);

/* format(int, spec) from the digits of |v| in the type's base (base 2, 8,
 * 10 or 16 for b, o, d/n/none, x/X; lower case, no sign or prefix; e.g. from
 * bi_to_str()): adds sign, 0b/0o/0x prefix for '#', grouping (',' or '_'
 * every 3 decimal / 4 binary-octal-hex digits), fill, alignment and zero
 * padding as CPython. Float types (e f g % ...) and 'c' are the caller's:
 * they return FP_ETYPE. Returns the length, or FP_ENOMEM (size <
 * fp_format_int_size()), FP_ETYPE, FP_EINTPREC, FP_EINTZ, FP_EGROUPN or
 * FP_EGROUPTYPE. */
size_t fp_format_int_size(size_t ndigits, const fp_spec *spec);
int fp_format_int(const char *digits, size_t n, int neg, const fp_spec *spec, char *buf,
                  size_t size);

/* Parse flags. */
#define FP_PARSE_STRIP      1 /* skip leading/trailing ASCII whitespace */
#define FP_PARSE_UNDERSCORE 2 /* accept '_' between digits (PEP 515) */
#define FP_PARSE_SPECIAL    4 /* accept inf, infinity and nan */
#define FP_PARSE_FLOAT      (FP_PARSE_STRIP | FP_PARSE_UNDERSCORE | FP_PARSE_SPECIAL)

/* Parses s[0..len) as a Python float literal (float() with FP_PARSE_FLOAT;
 * the source lexer passes FP_PARSE_UNDERSCORE). Correctly rounded; values
 * too large become +-inf as in Python. Keeps FP_PARSE_DIGITS significant
 * digits on the C stack (800 on 64-bit hosts: exact for every input, about
 * 1.7 KB; 120 on 32-bit MCUs: later digits only act as a sticky bit, which
 * can misround only contrived inputs within 1e-120 of a halfway point).
 * FP_OK or FP_EVALUE. */
int fp_parse(const char *s, size_t len, int flags, double *out);

/* float.hex(v) into buf (FP_REPR_SIZE is enough). Returns length or
 * FP_ENOMEM. */
int fp_hex(double v, char *buf, size_t size);
/* float.fromhex(s): correctly rounded. FP_OK, FP_EVALUE or FP_EOVERFLOW. */
int fp_fromhex(const char *s, size_t len, double *out);

/* round(v, ndigits) with correct decimal rounding (half to even on the exact
 * binary value). v finite. FP_OK or FP_EOVERFLOW. */
int fp_round(double v, long ndigits, double *out);

/* Interface used by the interpreter core (pycore's names). */

/* repr(v) into buf; returns the length (FP_ENOMEM if n < FP_REPR_SIZE and
 * too small). */
int fl_repr(double v, char *buf, size_t n);
/* format(v, ".<prec><type>") of v (with '#' if alt) without padding; type is
 * one of e E f F g G % or 0 for the repr-like default. Returns the length, or
 * FP_ENOMEM / FP_ETYPE. n = fp_format_size() of such a spec is enough; for
 * prec < 100, 512 bytes are. */
int fl_format(double v, char type, int prec, int alt, char *buf, size_t n);
/* float(text): whitespace, sign, inf/nan, underscores. 0 ok, -1 invalid. */
int fl_parse(const char *s, size_t len, double *out);

#endif
