/* regex: a backtracking regular-expression engine for Python's `re` module.
 *
 * Supported syntax (Python semantics): literals and escapes (\n \t \r \f \v
 * \a \0 \xhh \uXXXX \\ ...), '.', classes [a-z] [^...] with \d \w \s \D \W
 * \S inside and out, anchors ^ $ \A \Z \b \B, groups ( ) (?: ) (?P<name> )
 * (?P=name), backreferences \1..\99, lookahead (?= ) (?! ), fixed-width
 * lookbehind (?<= ) (?<! ), inline flags
 * (?aimsx) at the start, alternation, greedy and lazy * + ? {m} {m,} {,n}
 * {m,n}. Flags: RE_IGNORECASE, RE_MULTILINE, RE_DOTALL, RE_VERBOSE, RE_ASCII
 * (same values as Python's re flags). Not supported: conditionals, atomic
 * groups, possessive quantifiers (compile error).
 *
 * Text is UTF-8 (one "character" is one code point) unless the pattern is
 * compiled with RE_BYTES. All positions are byte offsets. Unicode classes
 * (\w \d \s and case folding beyond ASCII) use small built-in tables that
 * cover Latin-1, Greek and Cyrillic; other scripts' letters count as \w.
 *
 * Memory: re_compile() writes the program into a caller buffer (4-byte
 * aligned) and returns RE_ENOMEM with the needed size if it is too small.
 * Matching keeps all state (captures and the backtrack stack) in a caller
 * array: no recursion on the C stack, no allocation. A step budget and a
 * periodic interrupt callback bound running time.
 *
 * All functions are reentrant and may be called from an ISR, although
 * matching may take long.
 */
#ifndef REGEX_H
#define REGEX_H

#include <stddef.h>
#include <stdint.h>

/* Flags, as Python's re module numbers them. */
#define RE_IGNORECASE 2
#define RE_MULTILINE  8
#define RE_DOTALL     16
#define RE_UNICODE    32
#define RE_VERBOSE    64
#define RE_ASCII      256
#define RE_BYTES      0x10000 /* bytes pattern: no UTF-8 decoding, ASCII classes */

/* Return codes. */
#define RE_OK      0
#define RE_ENOMEM  (-1) /* compile buffer or match stack too small */
#define RE_ESYNTAX (-2) /* pattern error: see re_error */
#define RE_EINTR   (-3) /* the interrupt callback asked to stop */
#define RE_ESTEPS  (-4) /* step budget exhausted */

typedef struct re_error {
    const char *msg; /* Python's re.error message, e.g. "nothing to repeat" */
    size_t pos;      /* offset in the pattern */
    size_t need;     /* with RE_ENOMEM: bytes the program needs */
    /* Pattern text the message refers to (e.g. "\\q" for "bad escape"),
     * detail_len 0 if none: CPython appends it to the message. */
    size_t detail_pos, detail_len;
    /* "redefinition of group name": the new and the earlier group number. */
    int group, prev_group;
} re_error;

typedef struct re_prog re_prog;

/* Compiles pat[0..len) into buf (bufsize bytes, 4-byte aligned).
 * RE_OK (*prog points into buf), RE_ESYNTAX (err->msg, err->pos) or
 * RE_ENOMEM (err->need = required size; call again with a bigger buffer). */
int re_compile(const char *pat, size_t len, unsigned flags, void *buf, size_t bufsize,
               const re_prog **prog, re_error *err);

/* Number of capturing groups. */
int re_groups(const re_prog *p);
/* Flags of the program (including inline flags from the pattern). */
unsigned re_flags(const re_prog *p);
/* Index of the named group, or -1. */
int re_group_index(const re_prog *p, const char *name, size_t len);
/* i-th (0-based) named group: returns its group index and sets *name and *len;
 * -1 when i is out of range. */
int re_group_name(const re_prog *p, int i, const char **name, size_t *len);

/* Match-time resources. mem is caller memory for captures and the backtrack
 * stack: re_exec needs at least re_exec_min_words() words; more allows deeper
 * backtracking (each pending alternative costs 3 words). */
typedef struct re_ctx {
    ptrdiff_t *mem;
    size_t mem_words;
    unsigned long max_steps;  /* 0: unlimited */
    int (*interrupt)(void *); /* called every 4096 steps; nonzero aborts */
    void *interrupt_arg;
} re_ctx;

size_t re_exec_min_words(const re_prog *p);

/* Match modes. */
#define RE_SEARCH    0 /* first match at or after start */
#define RE_ANCHORED  1 /* match must start at start (re.match) */
#define RE_FULLMATCH 2 /* match must span start..len (re.fullmatch) */
/* Flag added to a mode: an empty match at `start` itself is rejected (used
 * after an empty match to step over it, like CPython's finditer/sub/split). */
#define RE_NOTEMPTY_AT_START 4

/* Runs p on s[0..len) beginning at offset start (len acts as Python's
 * endpos; '^' and \A still refer to offset 0). On a match, spans[2*i] and
 * spans[2*i+1] get the start/end of group i (-1 if it did not take part),
 * for i in 0..re_groups(p); spans needs 2 * (re_groups(p) + 1) entries.
 * Returns 1 on a match, 0 if none, RE_ENOMEM (stack exhausted), RE_EINTR
 * or RE_ESTEPS. */
int re_exec(const re_prog *p, const char *s, size_t len, size_t start, int mode, re_ctx *ctx,
            ptrdiff_t *spans);

#endif
