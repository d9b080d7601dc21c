/* regex: backtracking regex engine with caller-owned memory (see regex.h). */
#include "regex.h"

#include <stdbool.h>
#include <string.h>

/* Instructions are 32-bit words: opcode in the low byte, a signed argument
 * above it. Jumps are relative to the instruction, so code is position
 * independent and counted repeats are compiled by copying. */
enum {
    OP_CHAR,    /* arg: code point */
    OP_CHARI,   /* arg: case-folded code point */
    OP_ANY,     /* any but newline */
    OP_ANYNL,   /* any */
    OP_CLASS,   /* arg: words << 2 | icase << 1 | negate; then (lo, hi) pairs */
    OP_BOL,     /* ^ */
    OP_MBOL,    /* ^ with MULTILINE */
    OP_EOL,     /* $ */
    OP_MEOL,    /* $ with MULTILINE */
    OP_SBEGIN,  /* \A */
    OP_SEND,    /* \Z */
    OP_WORDB,   /* \b */
    OP_NWORDB,  /* \B */
    OP_SAVE,    /* arg: capture slot */
    OP_SPLIT,   /* next two words: preferred and alternative offsets */
    OP_JMP,     /* arg: offset */
    OP_MARK,    /* arg: loop register := position */
    OP_CHECK,   /* arg: loop register; leave the loop if no progress */
    OP_CHECKJ,  /* arg: register; next word: jump offset taken if no progress */
    OP_BACKREF, /* arg: group << 1 | icase */
    OP_LOOK,    /* arg: negate; next word: offset past OP_LOOKEND */
    OP_LOOKEND, /* arg: 1 at the end of a lookbehind */
    OP_BEHIND,  /* arg: negate; next words: offset past OP_LOOKEND, width in chars */
    OP_MATCH,
};

/* Class items with lo < 0 are the class escapes. */
enum { CL_DIGIT = -1, CL_NDIGIT = -2, CL_WORD = -3, CL_NWORD = -4, CL_SPACE = -5, CL_NSPACE = -6 };

#define RE_MAGIC  0x52583031u
#define MAX_CODE  (1 << 22) /* words: keeps offsets inside the 24-bit argument */
#define MAX_NAMES 32
#if UINTPTR_MAX > 0xffffffffu
#define MAX_DEPTH 200 /* group nesting: the parser recurses per level */
#else
#define MAX_DEPTH 20 /* keeps the parser's C stack small on MCUs */
#endif
#define CHECK_PERIOD 4096

struct re_prog {
    uint32_t magic;
    uint32_t flags;
    int32_t ngroups;
    int32_t nregs;
    int32_t ncode;
    int32_t nnames;
    int32_t first; /* literal first byte for fast search, or -1 */
    int32_t code[];
};

static int32_t mkop(int op, int32_t arg)
{
    return (int32_t)((uint32_t)arg << 8) | op;
}

static int op_of(int32_t w)
{
    return w & 0xff;
}

static int32_t arg_of(int32_t w)
{
    return (w - op_of(w)) / 256;
}

/* ---- characters ------------------------------------------------------- */

static int is_ascii_word(int32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

static int is_uni_space(int32_t c)
{
    return (c >= 0x1c && c <= 0x1f) || c == 0x85 || c == 0xa0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f ||
           c == 0x205f || c == 0x3000;
}

static int is_space_cp(int32_t c, int ascii)
{
    if (c == ' ' || (c >= '\t' && c <= '\r')) {
        return 1;
    }
    return !ascii && is_uni_space(c);
}

static int is_digit_cp(int32_t c, int ascii)
{
    if (c >= '0' && c <= '9') {
        return 1;
    }
    return !ascii && ((c >= 0x660 && c <= 0x669) || (c >= 0x6f0 && c <= 0x6f9) ||
                      (c >= 0x966 && c <= 0x96f) || (c >= 0xff10 && c <= 0xff19));
}

/* Approximation of Unicode \w beyond ASCII: everything except the Latin-1
 * symbols, common punctuation blocks and spaces. */
static int is_word_cp(int32_t c, int ascii)
{
    if (c < 0x80) {
        return is_ascii_word(c);
    }
    if (ascii || is_uni_space(c)) {
        return 0;
    }
    if (c < 0xc0) {
        return c == 0xaa || c == 0xb2 || c == 0xb3 || c == 0xb5 || c == 0xb9 || c == 0xba ||
               (c >= 0xbc && c <= 0xbe);
    }
    if (c == 0xd7 || c == 0xf7) {
        return 0;
    }
    return !((c >= 0x2000 && c <= 0x206f) || (c >= 0x3000 && c <= 0x303f) ||
             (c >= 0xff00 && c <= 0xff0f) || (c >= 0x2190 && c <= 0x2bff));
}

static int32_t fold(int32_t c, int ascii)
{
    if (c >= 'A' && c <= 'Z') {
        return c + 32;
    }
    if (ascii || c < 0xc0) {
        return c;
    }
    if ((c >= 0xc0 && c <= 0xde && c != 0xd7) || (c >= 0x391 && c <= 0x3a9 && c != 0x3a2) ||
        (c >= 0x410 && c <= 0x42f)) {
        return c + 32;
    }
    if (c >= 0x400 && c <= 0x40f) {
        return c + 0x50;
    }
    return c;
}

static int32_t unfold(int32_t c, int ascii)
{
    if (c >= 'a' && c <= 'z') {
        return c - 32;
    }
    if (ascii || c < 0xe0) {
        return c;
    }
    if ((c >= 0xe0 && c <= 0xfe && c != 0xf7) || (c >= 0x3b1 && c <= 0x3c9 && c != 0x3c2) ||
        (c >= 0x430 && c <= 0x44f)) {
        return c - 32;
    }
    if (c >= 0x450 && c <= 0x45f) {
        return c - 0x50;
    }
    return c;
}

/* Decodes the character at s[pos] (pos < len); *n gets its byte length.
 * Malformed UTF-8 reads as single bytes. */
static int32_t decode(const char *s, size_t len, size_t pos, int bytes, size_t *n)
{
    unsigned char b = (unsigned char)s[pos];
    *n = 1;
    if (bytes || b < 0xc0) {
        return b;
    }
    int k = b >= 0xf0 ? 3 : b >= 0xe0 ? 2 : 1;
    if (pos + (size_t)k >= len) {
        return b;
    }
    int32_t cp = b & (0x3f >> k);
    for (int i = 1; i <= k; i++) {
        unsigned char c = (unsigned char)s[pos + (size_t)i];
        if ((c & 0xc0) != 0x80) {
            return b;
        }
        cp = (cp << 6) | (c & 0x3f);
    }
    *n = (size_t)k + 1;
    return cp;
}

/* Character before pos (pos > 0). */
static int32_t decode_prev(const char *s, size_t len, size_t pos, int bytes)
{
    size_t q = pos - 1, n;
    while (!bytes && q > 0 && pos - q < 4 && ((unsigned char)s[q] & 0xc0) == 0x80) {
        q--;
    }
    int32_t c = decode(s, len, q, bytes, &n);
    return q + n == pos ? c : (unsigned char)s[pos - 1];
}

/* ---- compiler ------------------------------------------------------------ */

typedef struct comp {
    const char *pat;
    size_t len, pos;
    unsigned flags;
    int32_t *code; /* NULL while sizing */
    size_t pc;
    int ngroups, nregs, depth;
    struct {
        size_t off, len;
        int group;
    } names[MAX_NAMES];
    int nnames;
    const char *err;
    size_t errpos, dpos, dlen;
    int group, prev_group; /* for "redefinition of group name" */
} comp;

static int fail(comp *c, const char *msg, size_t pos)
{
    if (!c->err) {
        c->err = msg;
        c->errpos = pos;
    }
    return -1;
}

/* fail() with the pattern text pat[from..to) quoted in the message. */
static int fail_d(comp *c, const char *msg, size_t pos, size_t from, size_t to)
{
    if (!c->err) {
        c->dpos = from;
        c->dlen = to > c->len ? c->len - from : to - from;
    }
    return fail(c, msg, pos);
}

static void emit(comp *c, int32_t w)
{
    if (c->code) {
        c->code[c->pc] = w;
    }
    c->pc++;
}

static void put(comp *c, size_t at, int32_t w)
{
    if (c->code) {
        c->code[at] = w;
    }
}

static void insert(comp *c, size_t at, size_t n)
{
    if (c->code) {
        memmove(c->code + at + n, c->code + at, (c->pc - at) * sizeof *c->code);
    }
    c->pc += n;
}

static void copy_code(comp *c, size_t from, size_t n)
{
    if (c->code) {
        memcpy(c->code + c->pc, c->code + from, n * sizeof *c->code);
    }
    c->pc += n;
}

static int at_end(const comp *c)
{
    return c->pos >= c->len;
}

static char peek(const comp *c)
{
    return at_end(c) ? 0 : c->pat[c->pos];
}

static int icase(const comp *c)
{
    return (c->flags & RE_IGNORECASE) != 0;
}

static int ascii_mode(const comp *c)
{
    return (c->flags & (RE_ASCII | RE_BYTES)) != 0;
}

/* In verbose mode, skips whitespace and comments. */
static void skip_verbose(comp *c)
{
    while ((c->flags & RE_VERBOSE) && !at_end(c)) {
        char ch = peek(c);
        if (ch == '#') {
            while (!at_end(c) && peek(c) != '\n') {
                c->pos++;
            }
        } else if (ch == ' ' || (ch >= '\t' && ch <= '\r')) {
            c->pos++;
        } else {
            break;
        }
    }
}

static int hexval(char ch)
{
    if (ch >= '0' && ch <= '9') {
        return ch - '0';
    }
    if (ch >= 'a' && ch <= 'f') {
        return ch - 'a' + 10;
    }
    return ch >= 'A' && ch <= 'F' ? ch - 'A' + 10 : -1;
}

/* Reads exactly n hex digits after an escape letter. */
static int32_t read_hex(comp *c, int n, size_t epos)
{
    int32_t v = 0;
    for (int i = 0; i < n; i++) {
        int h = at_end(c) ? -1 : hexval(peek(c));
        if (h < 0) {
            return fail_d(c, "incomplete escape", epos, epos, c->pos);
        }
        v = v * 16 + h;
        c->pos++;
    }
    if (v > 0x10ffff) {
        return fail_d(c, "bad escape", epos, epos, c->pos);
    }
    return v;
}

static int is_octal(char ch)
{
    return ch >= '0' && ch <= '7';
}

/* Octal escape: \0, \0o, \0oo or \ooo (pos at the first digit). */
static int32_t read_octal(comp *c, int maxd)
{
    int32_t v = 0;
    for (int i = 0; i < maxd && !at_end(c) && is_octal(peek(c)); i++) {
        v = v * 8 + (peek(c) - '0');
        c->pos++;
    }
    return v;
}

/* Escapes that stand for one character, shared by classes and atoms.
 * Returns the code point, -2 if not a character escape, -1 on error. */
static int32_t char_escape(comp *c, char e, size_t epos)
{
    switch (e) {
    case 'n': return '\n';
    case 't': return '\t';
    case 'r': return '\r';
    case 'f': return '\f';
    case 'v': return '\v';
    case 'a': return 7;
    case 'x': return read_hex(c, 2, epos);
    case 'u': return (c->flags & RE_BYTES) ? -2 : read_hex(c, 4, epos);
    case 'U': return (c->flags & RE_BYTES) ? -2 : read_hex(c, 8, epos);
    default: break;
    }
    if ((e >= 'a' && e <= 'z') || (e >= 'A' && e <= 'Z') || (e >= '0' && e <= '9')) {
        return -2;
    }
    return (unsigned char)e;
}

static int class_escape_code(char e)
{
    switch (e) {
    case 'd': return CL_DIGIT;
    case 'D': return CL_NDIGIT;
    case 'w': return CL_WORD;
    case 'W': return CL_NWORD;
    case 's': return CL_SPACE;
    case 'S': return CL_NSPACE;
    default: return 0;
    }
}

/* Reads one pattern character (UTF-8 unless bytes). */
static int32_t read_char(comp *c)
{
    size_t n;
    int32_t cp = decode(c->pat, c->len, c->pos, (c->flags & RE_BYTES) != 0, &n);
    c->pos += n;
    return cp;
}

static void emit_class1(comp *c, int32_t lo, int32_t hi, int negate)
{
    emit(c, mkop(OP_CLASS, 2 << 2 | icase(c) << 1 | negate));
    emit(c, lo);
    emit(c, hi);
}

/* One class member at c->pos: sets *lo and *hi (hi = lo for single chars).
 * Returns 0, or -1 on error. */
static int class_item(comp *c, int32_t *lo, int32_t *hi)
{
    size_t start = c->pos;
    if (peek(c) == '\\') {
        c->pos++;
        if (at_end(c)) {
            return fail(c, "bad escape (end of pattern)", start);
        }
        char e = c->pat[c->pos++];
        int cls = class_escape_code(e);
        if (cls) {
            *lo = cls;
            *hi = 0;
            return 0;
        }
        int32_t v = e == 'b'      ? 8
                    : is_octal(e) ? (c->pos--, read_octal(c, 3))
                                  : char_escape(c, e, start);
        if (v == -2) {
            return fail_d(c, "bad escape", start, start, c->pos);
        }
        *lo = *hi = v;
        return v < 0 ? -1 : 0;
    }
    *lo = *hi = read_char(c);
    return 0;
}

static int parse_class(comp *c)
{
    size_t start = c->pos++, head = c->pc;
    int negate = 0, n = 0;
    if (peek(c) == '^') {
        negate = 1;
        c->pos++;
    }
    emit(c, 0);
    for (int first = 1; !at_end(c) && (peek(c) != ']' || first); first = 0) {
        size_t ipos = c->pos;
        int32_t lo, hi;
        if (class_item(c, &lo, &hi) < 0) {
            return -1;
        }
        if (peek(c) == '-' && c->pos + 1 < c->len && c->pat[c->pos + 1] != ']') {
            c->pos++;
            int32_t lo2, hi2;
            if (class_item(c, &lo2, &hi2) < 0) {
                return -1;
            }
            if (lo < 0 || lo2 < 0 || lo > lo2) {
                return fail_d(c, "bad character range", ipos, ipos, c->pos);
            }
            hi = hi2;
        }
        emit(c, lo);
        emit(c, hi);
        n++;
    }
    if (at_end(c)) {
        return fail(c, "unterminated character set", start);
    }
    c->pos++;
    put(c, head, mkop(OP_CLASS, (n * 2) << 2 | icase(c) << 1 | negate));
    return 0;
}

static int parse_alt(comp *c);

static int find_name(const comp *c, const char *name, size_t len)
{
    for (int i = 0; i < c->nnames; i++) {
        if (c->names[i].len == len && !memcmp(c->pat + c->names[i].off, name, len)) {
            return c->names[i].group;
        }
    }
    return -1;
}

static int is_ident_char(char ch, int first)
{
    return ch == '_' || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
           (unsigned char)ch >= 0x80 || (!first && ch >= '0' && ch <= '9');
}

/* Reads a group name terminated by `end`; returns its length or -1. */
static long read_name(comp *c, char end, size_t *off)
{
    *off = c->pos;
    while (!at_end(c) && peek(c) != end) {
        if (!is_ident_char(peek(c), c->pos == *off)) {
            size_t e = c->pos;
            while (e < c->len && c->pat[e] != end) {
                e++;
            }
            return fail_d(c, "bad character in group name", *off, *off, e);
        }
        c->pos++;
    }
    if (at_end(c)) {
        return fail(c, "missing group name terminator", *off);
    }
    if (c->pos == *off) {
        return fail(c, "missing group name", *off);
    }
    c->pos++;
    return (long)(c->pos - 1 - *off);
}

static int emit_backref(comp *c, int group, size_t pos, size_t dfrom)
{
    if (group < 1 || group > c->ngroups) {
        return fail_d(c, "invalid group reference", pos, dfrom, c->pos);
    }
    emit(c, mkop(OP_BACKREF, group << 1 | icase(c)));
    return 1;
}

/* Body of a group after its opening syntax; expects ')'. */
static int group_body(comp *c, size_t start)
{
    if (++c->depth > MAX_DEPTH) {
        return fail(c, "too many nested groups", start);
    }
    int n = parse_alt(c);
    c->depth--;
    if (n < 0) {
        return -1;
    }
    if (peek(c) != ')') {
        return fail(c, "missing ), unterminated subpattern", start);
    }
    c->pos++;
    return n;
}

static int capture_group(comp *c, size_t start)
{
    int g = ++c->ngroups;
    emit(c, mkop(OP_SAVE, 2 * g));
    int n = group_body(c, start);
    emit(c, mkop(OP_SAVE, 2 * g + 1));
    return n;
}

static int named_group(comp *c, size_t start)
{
    size_t off;
    long len = read_name(c, '>', &off);
    if (len < 0) {
        return -1;
    }
    int prev = find_name(c, c->pat + off, (size_t)len);
    if (prev >= 0) {
        if (!c->err) {
            c->group = c->ngroups + 1;
            c->prev_group = prev;
        }
        return fail_d(c, "redefinition of group name", off, off, off + (size_t)len);
    }
    if (c->nnames == MAX_NAMES) {
        return fail(c, "too many named groups", off);
    }
    c->names[c->nnames].off = off;
    c->names[c->nnames].len = (size_t)len;
    c->names[c->nnames++].group = c->ngroups + 1;
    return capture_group(c, start);
}

static int lookahead(comp *c, size_t start, int negate)
{
    size_t at = c->pc;
    emit(c, mkop(OP_LOOK, negate));
    emit(c, 0);
    if (group_body(c, start) < 0) {
        return -1;
    }
    emit(c, mkop(OP_LOOKEND, 0));
    put(c, at + 1, (int32_t)(c->pc - at));
    return 1;
}

/* Width in characters of every path through code[pc..end) (up to the
 * closing OP_LOOKEND), or -1 if paths differ or contain loops or
 * backreferences. *budget bounds the work on branchy patterns. */
static int32_t fixed_width(const int32_t *code, size_t pc, size_t end, int *budget)
{
    int32_t w = 0;
    while (pc < end) {
        int32_t ins = code[pc], a = arg_of(ins);
        if (--*budget < 0) {
            return -1;
        }
        switch (op_of(ins)) {
        case OP_CHAR:
        case OP_CHARI:
        case OP_ANY:
        case OP_ANYNL: w++, pc++; break;
        case OP_CLASS: w++, pc += 1 + (size_t)(a >> 2); break;
        case OP_JMP:
            if (a <= 0) {
                return -1;
            }
            pc += (size_t)a;
            break;
        case OP_SPLIT: {
            int32_t w1 = fixed_width(code, pc + (size_t)code[pc + 1], end, budget);
            int32_t w2 = fixed_width(code, pc + (size_t)code[pc + 2], end, budget);
            return w1 < 0 || w1 != w2 ? -1 : w + w1;
        }
        case OP_LOOK:
        case OP_BEHIND: pc += (size_t)code[pc + 1]; break;
        case OP_CHECK:
        case OP_CHECKJ:
        case OP_BACKREF: return -1;
        case OP_LOOKEND:
        case OP_MATCH: return w;
        default: pc++; break; /* SAVE, MARK and assertions take no width */
        }
    }
    return w;
}

/* (?<=...) / (?<!...): the body runs from `width` characters back and must
 * end where the assertion started. */
static int lookbehind(comp *c, size_t start, int negate)
{
    size_t at = c->pc;
    emit(c, mkop(OP_BEHIND, negate));
    emit(c, 0);
    emit(c, 0);
    if (group_body(c, start) < 0) {
        return -1;
    }
    emit(c, mkop(OP_LOOKEND, 1));
    put(c, at + 1, (int32_t)(c->pc - at));
    if (c->code) {
        int budget = 100000;
        int32_t w = fixed_width(c->code, at + 3, c->pc - 1, &budget);
        if (w < 0) {
            return fail(c, "look-behind requires fixed-width pattern", start);
        }
        put(c, at + 2, w);
    }
    return 2;
}

/* "(?" extensions. Returns nullable (0/1), 2 for zero-width, or -1. */
static int group_ext(comp *c, size_t start)
{
    char e = c->pos < c->len ? c->pat[c->pos++] : 0;
    size_t off;
    long len;
    switch (e) {
    case ':': return group_body(c, start);
    case '=': return lookahead(c, start, 0) < 0 ? -1 : 2;
    case '!': return lookahead(c, start, 1) < 0 ? -1 : 2;
    case '#':
        while (!at_end(c) && peek(c) != ')') {
            c->pos++;
        }
        if (at_end(c)) {
            return fail(c, "missing ), unterminated comment", start);
        }
        c->pos++;
        return 2;
    case 'P':
        if (peek(c) == '<') {
            c->pos++;
            return named_group(c, start);
        }
        if (peek(c) == '=') {
            c->pos++;
            if ((len = read_name(c, ')', &off)) < 0) {
                return -1;
            }
            int g = find_name(c, c->pat + off, (size_t)len);
            return g < 0 ? fail_d(c, "unknown group name", off, off, off + (size_t)len)
                         : emit_backref(c, g, off, off);
        }
        return fail_d(c, "unknown extension", start + 1, start + 1, start + 3);
    case '<':
        if (peek(c) == '=' || peek(c) == '!') {
            return lookbehind(c, start, c->pat[c->pos++] == '!');
        }
        c->pos--;
        return named_group(c, start);
    default:
        if (strchr("aiLmsux", e) && e) {
            return fail(c, "global flags not at the start of the expression", start);
        }
        return fail_d(c, "unknown extension", start + 1, start + 1, start + 3);
    }
}

static int parse_group(comp *c)
{
    size_t start = c->pos++;
    if (peek(c) == '?') {
        c->pos++;
        return group_ext(c, start);
    }
    return capture_group(c, start);
}

/* Escape outside a class. Returns nullable, 2 for zero-width, or -1. */
static int parse_escape(comp *c)
{
    size_t start = c->pos++;
    if (at_end(c)) {
        return fail(c, "bad escape (end of pattern)", start);
    }
    char e = c->pat[c->pos++];
    int cls = class_escape_code(e);
    if (cls) {
        emit_class1(c, cls, 0, 0);
        return 0;
    }
    switch (e) {
    case 'b': emit(c, mkop(OP_WORDB, 0)); return 2;
    case 'B': emit(c, mkop(OP_NWORDB, 0)); return 2;
    case 'A': emit(c, mkop(OP_SBEGIN, 0)); return 2;
    case 'Z': emit(c, mkop(OP_SEND, 0)); return 2;
    default: break;
    }
    int32_t v;
    if (e == '0' || (is_octal(e) && c->pos + 1 < c->len && is_octal(c->pat[c->pos]) &&
                     is_octal(c->pat[c->pos + 1]))) {
        c->pos--;
        v = read_octal(c, e == '0' ? 3 : 3);
    } else if (e >= '1' && e <= '9') {
        int g = e - '0';
        if (!at_end(c) && peek(c) >= '0' && peek(c) <= '9') {
            g = g * 10 + (c->pat[c->pos++] - '0');
        }
        return emit_backref(c, g, start + 1, start + 1);
    } else if ((v = char_escape(c, e, start)) == -2) {
        return fail_d(c, "bad escape", start, start, c->pos);
    }
    if (v < 0) {
        return -1;
    }
    emit(c, icase(c) ? mkop(OP_CHARI, fold(v, ascii_mode(c))) : mkop(OP_CHAR, v));
    return 0;
}

/* Is "{m}", "{m,}", "{,n}" or "{m,n}" at c->pos? Reads it if so. */
static int read_braces(comp *c, long *min, long *max)
{
    size_t p = c->pos + 1;
    long a = -1, b = -1;
    for (; p < c->len && c->pat[p] >= '0' && c->pat[p] <= '9'; p++) {
        a = (a < 0 ? 0 : a) * 10 + (c->pat[p] - '0');
        a = a > 100000000 ? 100000000 : a;
    }
    int comma = p < c->len && c->pat[p] == ',';
    if (comma) {
        for (p++; p < c->len && c->pat[p] >= '0' && c->pat[p] <= '9'; p++) {
            b = (b < 0 ? 0 : b) * 10 + (c->pat[p] - '0');
            b = b > 100000000 ? 100000000 : b;
        }
    }
    if (p >= c->len || c->pat[p] != '}' || (a < 0 && !comma)) {
        return 0;
    }
    *min = a < 0 ? 0 : a;
    *max = comma ? b : a;
    c->pos = p + 1;
    return 1;
}

static int parse_atom(comp *c)
{
    char ch = peek(c);
    long m1, m2;
    switch (ch) {
    case '(': return parse_group(c);
    case '[': return parse_class(c) < 0 ? -1 : 0;
    case '\\': return parse_escape(c);
    case '.':
        c->pos++;
        emit(c, mkop((c->flags & RE_DOTALL) ? OP_ANYNL : OP_ANY, 0));
        return 0;
    case '^':
        c->pos++;
        emit(c, mkop((c->flags & RE_MULTILINE) ? OP_MBOL : OP_BOL, 0));
        return 2;
    case '$':
        c->pos++;
        emit(c, mkop((c->flags & RE_MULTILINE) ? OP_MEOL : OP_EOL, 0));
        return 2;
    case '*':
    case '+':
    case '?': return fail(c, "nothing to repeat", c->pos);
    case '{': {
        size_t save = c->pos;
        if (read_braces(c, &m1, &m2)) {
            return fail(c, "nothing to repeat", save);
        }
        break;
    }
    default: break;
    }
    int32_t cp = read_char(c);
    emit(c, icase(c) ? mkop(OP_CHARI, fold(cp, ascii_mode(c))) : mkop(OP_CHAR, cp));
    return 0;
}

/* Wraps the code at [start, pc) into a loop: start: SPLIT; [MARK]; body;
 * [CHECK]; JMP start. The MARK/CHECK pair stops empty iterations. */
static void make_star(comp *c, size_t start, int lazy, int nullable)
{
    int r = nullable ? c->nregs++ : -1;
    insert(c, start, nullable ? 4 : 3);
    if (nullable) {
        put(c, start + 3, mkop(OP_MARK, r));
        emit(c, mkop(OP_CHECK, r));
    }
    emit(c, mkop(OP_JMP, -(int32_t)(c->pc - start)));
    int32_t out = (int32_t)(c->pc - start);
    put(c, start, mkop(OP_SPLIT, 0));
    put(c, start + 1, lazy ? out : 3);
    put(c, start + 2, lazy ? 3 : out);
}

/* Deletes code[at..at+n) (code is position independent). */
static void remove_code(comp *c, size_t at, size_t n)
{
    if (c->code) {
        memmove(c->code + at, c->code + at + n, (c->pc - at - n) * sizeof *c->code);
    }
    c->pc -= n;
}

/* Appends n optional copies of the atom at src: each unit is
 * SPLIT(body, END) [MARK r] body [CHECKJ r END]. Units nest (a failed copy
 * ends the repetition), and as in CPython's engine a nullable body that
 * matched empty ends it too. */
static void emit_optionals(comp *c, size_t src, size_t alen, long n, int lazy, int nullable)
{
    int r = nullable ? c->nregs++ : -1;
    size_t first = c->pc, unit = 3 + alen + (nullable ? 3 : 0);
    for (long i = 0; i < n; i++) {
        emit(c, 0), emit(c, 0), emit(c, 0);
        if (nullable) {
            emit(c, mkop(OP_MARK, r));
        }
        copy_code(c, src, alen);
        if (nullable) {
            emit(c, mkop(OP_CHECKJ, r));
            emit(c, 0);
        }
    }
    for (size_t at = first; at < c->pc; at += unit) {
        int32_t out = (int32_t)(c->pc - at);
        put(c, at, mkop(OP_SPLIT, 0));
        put(c, at + 1, lazy ? out : 3);
        put(c, at + 2, lazy ? 3 : out);
        if (nullable) {
            put(c, at + unit - 1, (int32_t)(c->pc - (at + unit - 2)));
        }
    }
}

/* Applies {min,max} (max < 0: unbounded) to the atom at [a0, pc). */
static int repeat(comp *c, size_t a0, long min, long max, int lazy, int nullable, size_t qpos)
{
    size_t alen = c->pc - a0;
    long copies = (max < 0 ? min + 1 : max) + 1;
    if (max >= 0 && max < min) {
        return fail(c, "min repeat greater than max repeat", qpos + 1);
    }
    if ((double)alen * (double)copies + (double)c->pc > MAX_CODE) {
        return fail(c, "pattern too large", qpos);
    }
    if (max == 0) {
        c->pc = a0; /* x{0}: matches empty */
        return 0;
    }
    size_t src = a0;
    if (min == 0 && max < 0) {
        make_star(c, a0, lazy, nullable);
        return 0;
    }
    for (long i = 1; i < min; i++) {
        copy_code(c, src, alen);
    }
    if (max < 0) {
        size_t s = c->pc;
        copy_code(c, src, alen);
        make_star(c, s, lazy, nullable);
        return 0;
    }
    emit_optionals(c, src, alen, max - min, lazy, nullable);
    if (min == 0) {
        remove_code(c, a0, alen); /* the atom itself was only the template */
    }
    return 0;
}

/* Reads a quantifier at c->pos into min/max; returns 1 if there was one. */
static int read_quant(comp *c, long *min, long *max)
{
    switch (peek(c)) {
    case '*': *min = 0, *max = -1; break;
    case '+': *min = 1, *max = -1; break;
    case '?': *min = 0, *max = 1; break;
    case '{': return read_braces(c, min, max);
    default: return 0;
    }
    c->pos++;
    return 1;
}

static int parse_quant(comp *c)
{
    size_t a0 = c->pc, apos = c->pos;
    int n = parse_atom(c);
    if (n < 0) {
        return -1;
    }
    skip_verbose(c);
    size_t qpos = c->pos;
    long min, max;
    if (!read_quant(c, &min, &max)) {
        return n != 0;
    }
    if (n == 2) {
        return fail(c, "nothing to repeat", apos);
    }
    int lazy = peek(c) == '?';
    if (lazy) {
        c->pos++;
    } else if (peek(c) == '+') {
        return fail(c, "possessive repeat is not supported", c->pos);
    }
    skip_verbose(c);
    long m2, x2;
    size_t save = c->pos;
    if (read_quant(c, &m2, &x2)) {
        return fail(c, "multiple repeat", save);
    }
    if (repeat(c, a0, min, max, lazy, n, qpos) < 0) {
        return -1;
    }
    return n && min > 0 ? 1 : (min == 0);
}

static int parse_seq(comp *c)
{
    int nullable = 1;
    for (;;) {
        skip_verbose(c);
        if (at_end(c) || peek(c) == '|' || peek(c) == ')') {
            return nullable;
        }
        int n = parse_quant(c);
        if (n < 0) {
            return -1;
        }
        nullable &= n;
    }
}

static int parse_alt(comp *c)
{
    size_t chain = 0; /* 1 + position of the last pending JMP */
    int nullable = 0;
    for (;;) {
        size_t start = c->pc;
        int n = parse_seq(c);
        if (n < 0) {
            return -1;
        }
        nullable |= n;
        if (peek(c) != '|') {
            break;
        }
        c->pos++;
        insert(c, start, 3);
        put(c, start, mkop(OP_SPLIT, 0));
        put(c, start + 1, 3);
        put(c, start + 2, (int32_t)(c->pc + 1 - start));
        emit(c, mkop(OP_JMP, (int32_t)chain));
        chain = c->pc;
    }
    while (chain && c->code) {
        size_t at = chain - 1;
        chain = (size_t)arg_of(c->code[at]);
        c->code[at] = mkop(OP_JMP, (int32_t)(c->pc - at));
    }
    return nullable;
}

/* Leading "(?flags)" groups set global flags. */
static int leading_flags(comp *c)
{
    while (c->len - c->pos >= 3 && c->pat[c->pos] == '(' && c->pat[c->pos + 1] == '?' &&
           strchr("aiLmsux", c->pat[c->pos + 2]) && c->pat[c->pos + 2]) {
        size_t p = c->pos + 2;
        unsigned f = 0;
        for (; p < c->len && c->pat[p] != ')'; p++) {
            const char *all = "aiLmsux";
            static const unsigned bits[] = {RE_ASCII,  RE_IGNORECASE, 4,         RE_MULTILINE,
                                            RE_DOTALL, RE_UNICODE,    RE_VERBOSE};
            const char *q = strchr(all, c->pat[p]);
            if (!q || !c->pat[p]) {
                return fail(c, "unknown flag", p);
            }
            f |= bits[q - all];
        }
        if (p >= c->len) {
            return fail(c, "missing -, : or )", p);
        }
        c->flags |= f;
        c->pos = p + 1;
    }
    return 0;
}

static int compile_pass(comp *c)
{
    c->pos = 0;
    c->pc = 0;
    c->ngroups = c->nregs = c->depth = c->nnames = 0;
    if (leading_flags(c) < 0) {
        return -1;
    }
    emit(c, mkop(OP_SAVE, 0));
    if (parse_alt(c) < 0) {
        return -1;
    }
    if (!at_end(c)) {
        return fail(c, "unbalanced parenthesis", c->pos);
    }
    emit(c, mkop(OP_SAVE, 1));
    emit(c, mkop(OP_MATCH, 0));
    return 0;
}

static size_t names_words(const comp *c)
{
    size_t w = 0;
    for (int i = 0; i < c->nnames; i++) {
        w += 2 + (c->names[i].len + 3) / 4;
    }
    return w;
}

static void store_names(const comp *c, int32_t *w)
{
    for (int i = 0; i < c->nnames; i++) {
        w[0] = c->names[i].group;
        w[1] = (int32_t)c->names[i].len;
        memcpy(w + 2, c->pat + c->names[i].off, c->names[i].len);
        w += 2 + (c->names[i].len + 3) / 4;
    }
}

int re_compile(const char *pat, size_t len, unsigned flags, void *buf, size_t bufsize,
               const re_prog **prog, re_error *err)
{
    comp c;
    memset(&c, 0, sizeof c);
    c.pat = pat;
    c.len = len;
    c.flags = flags;
    err->msg = NULL;
    err->pos = err->need = err->detail_pos = err->detail_len = 0;
    err->group = err->prev_group = 0;
    if (compile_pass(&c) < 0) {
        err->msg = c.err;
        err->pos = c.errpos;
        err->detail_pos = c.dpos;
        err->detail_len = c.dlen;
        err->group = c.group;
        err->prev_group = c.prev_group;
        return RE_ESYNTAX;
    }
    size_t need = sizeof(re_prog) + (c.pc + names_words(&c)) * sizeof(int32_t);
    if (bufsize < need || ((uintptr_t)buf & 3)) {
        err->need = need;
        return RE_ENOMEM;
    }
    re_prog *p = buf;
    c.flags = flags;
    c.code = p->code;
    if (compile_pass(&c) < 0) {
        /* Only detectable with the code in hand (look-behind widths). */
        err->msg = c.err;
        err->pos = c.errpos;
        return RE_ESYNTAX;
    }
    p->magic = RE_MAGIC;
    p->flags = c.flags;
    p->ngroups = c.ngroups;
    p->nregs = c.nregs;
    p->ncode = (int32_t)c.pc;
    p->nnames = c.nnames;
    store_names(&c, p->code + c.pc);
    int32_t w1 = p->code[1];
    p->first = op_of(w1) == OP_CHAR && arg_of(w1) < 0x80 ? arg_of(w1) : -1;
    *prog = p;
    return RE_OK;
}

int re_groups(const re_prog *p)
{
    return p->ngroups;
}

unsigned re_flags(const re_prog *p)
{
    return p->flags;
}

int re_group_name(const re_prog *p, int i, const char **name, size_t *len)
{
    const int32_t *w = p->code + p->ncode;
    if (i < 0 || i >= p->nnames) {
        return -1;
    }
    for (; i > 0; i--) {
        w += 2 + (w[1] + 3) / 4;
    }
    *name = (const char *)(w + 2);
    *len = (size_t)w[1];
    return w[0];
}

int re_group_index(const re_prog *p, const char *name, size_t len)
{
    for (int i = 0; i < p->nnames; i++) {
        const char *n;
        size_t l;
        int g = re_group_name(p, i, &n, &l);
        if (l == len && !memcmp(n, name, len)) {
            return g;
        }
    }
    return -1;
}

/* ---- matcher ---------------------------------------------------------------- */

enum { FR_BRANCH, FR_SLOT, FR_REG, FR_LOOK };

typedef struct vm {
    const re_prog *p;
    const char *s;
    size_t len;
    int bytes, ascii, full;
    size_t at, notempty_at; /* current attempt; start position that must not match empty */
    ptrdiff_t *slots, *regs, *stack;
    size_t sp, cap; /* in frames of three words */
    unsigned long steps;
    re_ctx *ctx;
} vm;

static int push(vm *m, ptrdiff_t tag, ptrdiff_t a, ptrdiff_t b)
{
    if (m->sp == m->cap) {
        return RE_ENOMEM;
    }
    ptrdiff_t *f = m->stack + 3 * m->sp++;
    f[0] = tag;
    f[1] = a;
    f[2] = b;
    return RE_OK;
}

static void undo(vm *m, const ptrdiff_t *f)
{
    if (f[0] == FR_SLOT) {
        m->slots[f[1]] = f[2];
    } else if (f[0] == FR_REG) {
        m->regs[f[1]] = f[2];
    }
}

static int class_special(int32_t kind, int32_t c, int ascii)
{
    switch (kind) {
    case CL_DIGIT: return is_digit_cp(c, ascii);
    case CL_NDIGIT: return !is_digit_cp(c, ascii);
    case CL_WORD: return is_word_cp(c, ascii);
    case CL_NWORD: return !is_word_cp(c, ascii);
    case CL_SPACE: return is_space_cp(c, ascii);
    default: return !is_space_cp(c, ascii);
    }
}

static int in_ranges(const int32_t *w, int32_t n, int32_t c, int ascii)
{
    for (int32_t i = 0; i < n; i += 2) {
        if (w[i] < 0 ? class_special(w[i], c, ascii) : (c >= w[i] && c <= w[i + 1])) {
            return 1;
        }
    }
    return 0;
}

static int class_match(const int32_t *ins, int32_t c, int ascii)
{
    int32_t a = arg_of(ins[0]), n = a >> 2;
    int hit = in_ranges(ins + 1, n, c, ascii);
    if (!hit && (a & 2)) {
        hit = in_ranges(ins + 1, n, fold(c, ascii), ascii) ||
              in_ranges(ins + 1, n, unfold(c, ascii), ascii);
    }
    return hit != (a & 1);
}

static int word_at(const vm *m, size_t pos)
{
    size_t n;
    return pos < m->len && is_word_cp(decode(m->s, m->len, pos, m->bytes, &n), m->ascii);
}

static int word_before(const vm *m, size_t pos)
{
    return pos > 0 && is_word_cp(decode_prev(m->s, m->len, pos, m->bytes), m->ascii);
}

/* Zero-width assertions. */
static int assert_ok(const vm *m, int op, size_t pos)
{
    const char *s = m->s;
    size_t len = m->len;
    switch (op) {
    case OP_BOL:
    case OP_SBEGIN: return pos == 0;
    case OP_MBOL: return pos == 0 || s[pos - 1] == '\n';
    case OP_EOL: return pos == len || (pos + 1 == len && s[pos] == '\n');
    case OP_MEOL: return pos == len || s[pos] == '\n';
    case OP_SEND: return pos == len;
    case OP_WORDB: return word_before(m, pos) != word_at(m, pos);
    default: return word_before(m, pos) == word_at(m, pos);
    }
}

static int backref(const vm *m, int32_t arg, size_t *pos)
{
    ptrdiff_t b = m->slots[2 * (arg >> 1)], e = m->slots[2 * (arg >> 1) + 1];
    if (b < 0 || e < 0) {
        return 0;
    }
    size_t p = *pos, q = (size_t)b;
    while (q < (size_t)e) {
        size_t n1, n2;
        if (p >= m->len) {
            return 0;
        }
        int32_t c1 = decode(m->s, (size_t)e, q, m->bytes, &n1);
        int32_t c2 = decode(m->s, m->len, p, m->bytes, &n2);
        if (c1 != c2 && (!(arg & 1) || fold(c1, m->ascii) != fold(c2, m->ascii))) {
            return 0;
        }
        q += n1;
        p += n2;
    }
    *pos = p;
    return 1;
}

/* Consumes one character with a character-matching instruction. */
static int match_char(const vm *m, const int32_t *ins, size_t *pos)
{
    size_t n;
    if (*pos >= m->len) {
        return 0;
    }
    int32_t c = decode(m->s, m->len, *pos, m->bytes, &n), a = arg_of(*ins);
    int ok;
    switch (op_of(*ins)) {
    case OP_CHAR: ok = c == a; break;
    case OP_CHARI: ok = fold(c, m->ascii) == a; break;
    case OP_ANY: ok = c != '\n'; break;
    case OP_ANYNL: ok = 1; break;
    default: ok = class_match(ins, c, m->ascii); break;
    }
    if (ok) {
        *pos += n;
    }
    return ok;
}

/* End of a lookahead body: positive keeps undo records but drops the
 * body's alternatives; negative undoes the body and fails. Returns the
 * barrier frame's saved (pc, pos) through pc/pos, and 1 if execution
 * continues (positive), 0 if it must fail (negative). */
static int look_end(vm *m, size_t *pc, size_t *pos)
{
    size_t b = m->sp;
    while (m->stack[3 * --b] != FR_LOOK) {
    }
    ptrdiff_t *bar = m->stack + 3 * b;
    int negate = (int)(bar[1] & 1);
    *pc = (size_t)(bar[1] >> 1);
    *pos = (size_t)bar[2];
    if (negate) {
        while (m->sp > b + 1) {
            undo(m, m->stack + 3 * --m->sp);
        }
        m->sp = b;
        return 0;
    }
    size_t w = b;
    for (size_t i = b + 1; i < m->sp; i++) {
        if (m->stack[3 * i] != FR_BRANCH) {
            memmove(m->stack + 3 * w++, m->stack + 3 * i, 3 * sizeof *m->stack);
        }
    }
    m->sp = w;
    return 1;
}

/* Backtracks to the latest alternative. Returns 1 with pc/pos set, 0 when
 * no alternative is left. */
static int backtrack(vm *m, size_t *pc, size_t *pos)
{
    while (m->sp) {
        ptrdiff_t *f = m->stack + 3 * --m->sp;
        if (f[0] == FR_BRANCH || (f[0] == FR_LOOK && (f[1] & 1))) {
            /* an alternative, or a negative lookahead whose body failed */
            *pc = (size_t)(f[0] == FR_BRANCH ? f[1] : f[1] >> 1);
            *pos = (size_t)f[2];
            return 1;
        }
        undo(m, f);
    }
    return 0;
}

static int tick(vm *m)
{
    re_ctx *x = m->ctx;
    m->steps++;
    if (x->max_steps && m->steps > x->max_steps) {
        return RE_ESTEPS;
    }
    if (x->interrupt && m->steps % CHECK_PERIOD == 0 && x->interrupt(x->interrupt_arg)) {
        return RE_EINTR;
    }
    return RE_OK;
}

/* Innermost open lookaround's barrier frame. */
static ptrdiff_t *look_barrier(vm *m)
{
    size_t b = m->sp;
    while (m->stack[3 * --b] != FR_LOOK) {
    }
    return m->stack + 3 * b;
}

/* Steps back `width` characters from pos; false if the text is too short. */
static bool step_back(const vm *m, size_t *pos, int32_t width)
{
    for (int32_t i = 0; i < width; i++) {
        if (*pos == 0) {
            return false;
        }
        --*pos;
        while (!m->bytes && *pos > 0 && ((unsigned char)m->s[*pos] & 0xc0) == 0x80) {
            --*pos;
        }
    }
    return true;
}

static int behind_start(vm *m, const int32_t *code, size_t *pc, size_t *pos)
{
    int32_t negate = arg_of(code[*pc]);
    size_t after = *pc + (size_t)code[*pc + 1], from = *pos;
    if (!step_back(m, &from, code[*pc + 2])) {
        *pc = after; /* too close to the start: the body cannot match */
        return negate ? 1 : 0;
    }
    int rc = push(m, FR_LOOK, (ptrdiff_t)(after << 1 | (size_t)negate), (ptrdiff_t)*pos);
    *pos = from;
    *pc += 3;
    return rc < 0 ? rc : 1;
}

/* One instruction that may push frames; returns 1 to continue, 0 to fail,
 * or a negative error. */
static int step_control(vm *m, const int32_t *code, size_t *pc, size_t *pos)
{
    int32_t w = code[*pc], a = arg_of(w);
    int rc = RE_OK;
    switch (op_of(w)) {
    case OP_SAVE:
        rc = push(m, FR_SLOT, a, m->slots[a]);
        m->slots[a] = (ptrdiff_t)*pos;
        *pc += 1;
        break;
    case OP_MARK:
        rc = push(m, FR_REG, a, m->regs[a]);
        m->regs[a] = (ptrdiff_t)*pos;
        *pc += 1;
        break;
    case OP_SPLIT:
        rc = push(m, FR_BRANCH, (ptrdiff_t)(*pc + (size_t)code[*pc + 2]), (ptrdiff_t)*pos);
        *pc += (size_t)code[*pc + 1];
        break;
    case OP_LOOK:
        rc = push(m, FR_LOOK, (ptrdiff_t)((*pc + (size_t)code[*pc + 1]) << 1 | (size_t)a),
                  (ptrdiff_t)*pos);
        *pc += 2;
        break;
    case OP_BEHIND: return behind_start(m, code, pc, pos);
    default:
        if (a == 1 && *pos != (size_t)look_barrier(m)[2]) {
            return 0; /* a look-behind body must end where it started */
        }
        return look_end(m, pc, pos);
    }
    return rc < 0 ? rc : 1;
}

/* Executes one instruction: 1 continue, 0 fail, 2 matched, <0 error. */
static int step(vm *m, size_t *pc, size_t *pos)
{
    const int32_t *code = m->p->code;
    int32_t w = code[*pc];
    int op = op_of(w);
    switch (op) {
    case OP_CHAR:
    case OP_CHARI:
    case OP_ANY:
    case OP_ANYNL:
    case OP_CLASS:
        if (!match_char(m, code + *pc, pos)) {
            return 0;
        }
        *pc += op == OP_CLASS ? 1 + (size_t)(arg_of(w) >> 2) : 1;
        return 1;
    case OP_JMP: *pc += (size_t)(ptrdiff_t)arg_of(w); return 1;
    case OP_CHECK:
        /* An iteration that consumed nothing ends the loop (skip its JMP). */
        *pc += m->regs[arg_of(w)] == (ptrdiff_t)*pos ? 2 : 1;
        return 1;
    case OP_CHECKJ:
        *pc += m->regs[arg_of(w)] == (ptrdiff_t)*pos ? (size_t)code[*pc + 1] : 2;
        return 1;
    case OP_BACKREF: *pc += 1; return backref(m, arg_of(w), pos);
    case OP_MATCH:
        if ((m->full && *pos != m->len) || (*pos == m->at && m->at == m->notempty_at)) {
            return 0;
        }
        return 2;
    case OP_SAVE:
    case OP_MARK:
    case OP_SPLIT:
    case OP_LOOK:
    case OP_BEHIND:
    case OP_LOOKEND: return step_control(m, code, pc, pos);
    default: *pc += 1; return assert_ok(m, op, *pos);
    }
}

/* Tries to match at `at`: 1 match, 0 none, or a negative error. */
static int run(vm *m, size_t at)
{
    size_t pc = 0, pos = at;
    m->at = at;
    size_t nslots = 2 * ((size_t)m->p->ngroups + 1);
    for (size_t i = 0; i < nslots; i++) {
        m->slots[i] = -1;
    }
    for (int32_t i = 0; i < m->p->nregs; i++) {
        m->regs[i] = -1;
    }
    m->sp = 0;
    for (;;) {
        int rc = tick(m);
        if (rc < 0) {
            return rc;
        }
        rc = step(m, &pc, &pos);
        if (rc == 2 || rc < 0) {
            return rc == 2 ? 1 : rc;
        }
        if (rc == 0 && !backtrack(m, &pc, &pos)) {
            return 0;
        }
    }
}

size_t re_exec_min_words(const re_prog *p)
{
    return 2 * ((size_t)p->ngroups + 1) + (size_t)p->nregs + 3 * 16;
}

/* Next start position for a search after `at`. */
static size_t next_start(const vm *m, size_t at)
{
    size_t n = 1;
    if (!m->bytes) {
        decode(m->s, m->len, at, 0, &n);
    }
    at += n;
    if (m->p->first >= 0 && at < m->len) {
        const char *q = memchr(m->s + at, m->p->first, m->len - at);
        at = q ? (size_t)(q - m->s) : m->len;
    }
    return at;
}

int re_exec(const re_prog *p, const char *s, size_t len, size_t start, int mode, re_ctx *ctx,
            ptrdiff_t *spans)
{
    size_t nslots = 2 * ((size_t)p->ngroups + 1);
    if (ctx->mem_words < re_exec_min_words(p)) {
        return RE_ENOMEM;
    }
    if (start > len) {
        return 0;
    }
    vm m = {.p = p, .s = s, .len = len, .ctx = ctx};
    m.bytes = (p->flags & RE_BYTES) != 0;
    m.ascii = (p->flags & (RE_ASCII | RE_BYTES)) != 0;
    m.full = (mode & 3) == RE_FULLMATCH;
    m.notempty_at = (mode & RE_NOTEMPTY_AT_START) ? start : SIZE_MAX;
    mode &= 3;
    m.slots = ctx->mem;
    m.regs = ctx->mem + nslots;
    m.stack = m.regs + p->nregs;
    m.cap = (ctx->mem_words - nslots - (size_t)p->nregs) / 3;
    for (size_t at = start;;) {
        int rc = run(&m, at);
        if (rc == 1) {
            memcpy(spans, m.slots, nslots * sizeof *spans);
        }
        if (rc != 0 || mode != RE_SEARCH || at >= len) {
            return rc;
        }
        at = next_start(&m, at);
    }
}
