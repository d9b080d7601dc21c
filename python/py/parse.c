/* Tokenizer and recursive-descent parser producing the syntax tree.
 * Nesting depth is bounded so hostile input cannot overflow the C stack. */
#include "ast.h"

#include "fpfmt/fpfmt.h"

#define MAX_NEST   200
#define MAX_INDENT 100

enum {
    T_END,
    T_NEWLINE,
    T_INDENT,
    T_DEDENT,
    T_NAME,
    T_NUMBER,
    T_STRING, /* v: str or bytes */
    T_FSTRING,
    T_OP, /* op: operator code below */
    T_KW, /* op: keyword code below */
};

/* keywords */
enum {
    K_FALSE,
    K_NONE,
    K_TRUE,
    K_AND,
    K_AS,
    K_ASSERT,
    K_ASYNC,
    K_AWAIT,
    K_BREAK,
    K_CLASS,
    K_CONTINUE,
    K_DEF,
    K_DEL,
    K_ELIF,
    K_ELSE,
    K_EXCEPT,
    K_FINALLY,
    K_FOR,
    K_FROM,
    K_GLOBAL,
    K_IF,
    K_IMPORT,
    K_IN,
    K_IS,
    K_LAMBDA,
    K_NONLOCAL,
    K_NOT,
    K_OR,
    K_PASS,
    K_RAISE,
    K_RETURN,
    K_TRY,
    K_WHILE,
    K_WITH,
    K_YIELD,
    K__COUNT
};

static const char *const keywords[] = {
    "False", "None",     "True",  "and",    "as",   "assert", "async",  "await",    "break",
    "class", "continue", "def",   "del",    "elif", "else",   "except", "finally",  "for",
    "from",  "global",   "if",    "import", "in",   "is",     "lambda", "nonlocal", "not",
    "or",    "pass",     "raise", "return", "try",  "while",  "with",   "yield",
};

/* operators, longest first within each leading character */
static const char *const ops[] = {
    "**=", "//=", ">>=", "<<=", "...", "->", ":=", "**", "//", ">>", "<<", "<=",
    ">=",  "==",  "!=",  "+=",  "-=",  "*=", "/=", "%=", "&=", "|=", "^=", "@=",
    "+",   "-",   "*",   "/",   "%",   "@",  "&",  "|",  "^",  "~",  "<",  ">",
    "(",   ")",   "[",   "]",   "{",   "}",  ",",  ":",  ".",  ";",  "=",
};
#define N_OPS (sizeof(ops) / sizeof(ops[0]))

typedef struct tok {
    uint8_t type;
    uint8_t op;
    uint32_t line;
    py_val v;
    const char *start; /* source text (f-strings) */
    size_t len;
} tok;

typedef struct parser {
    py_ctx *ctx;
    const char *src, *p, *end;
    py_qstr file;
    uint32_t line;
    int nest;  /* bracket depth: newlines ignored inside */
    int depth; /* recursion depth */
    int indents[MAX_INDENT];
    int n_indent;
    int pending; /* dedents (negative) or indent (1) still to emit */
    bool at_bol;
    tok t;    /* current token */
    tok peek; /* lookahead */
    bool has_peek;
    bool eof_nl; /* the NEWLINE before END was emitted */
    int last;    /* type of the last token produced */
    int mode;
} parser;

_Noreturn void py_syntax_error(py_ctx *ctx, py_qstr file, uint32_t line, const char *msg)
{
    py_val m = py_str_from_cstr(ctx, msg);
    py_val e = py_exc_new(ctx, &py_type_SyntaxError, 1, &m);
    if (py_issubclass(ctx, &py_type_IndentationError, &py_type_SyntaxError) &&
        strstr(msg, "indent")) {
        ((py_obj *)e)->type = &py_type_IndentationError;
    }
    py_setattr(ctx, e, PY_Q_filename, PY_MK_QSTR(file));
    py_setattr(ctx, e, PY_Q_lineno, PY_MK_SMALL(line));
    py_raise_obj(ctx, e);
}

_Noreturn static void error(parser *ps, const char *msg)
{
    py_syntax_error(ps->ctx, ps->file, ps->t.line ? ps->t.line : ps->line, msg);
}

/* --- tokenizer ----------------------------------------------------------------------- */

static bool is_id_start(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (uint8_t)c >= 0x80;
}

static bool is_id(char c)
{
    return is_id_start(c) || (c >= '0' && c <= '9');
}

static void utf8_put(py_strbuf *b, uint32_t cp)
{
    char buf[4];
    size_t n;
    if (cp < 0x80) {
        buf[0] = (char)cp;
        n = 1;
    } else if (cp < 0x800) {
        buf[0] = (char)(0xc0 | (cp >> 6));
        buf[1] = (char)(0x80 | (cp & 0x3f));
        n = 2;
    } else if (cp < 0x10000) {
        buf[0] = (char)(0xe0 | (cp >> 12));
        buf[1] = (char)(0x80 | ((cp >> 6) & 0x3f));
        buf[2] = (char)(0x80 | (cp & 0x3f));
        n = 3;
    } else {
        buf[0] = (char)(0xf0 | (cp >> 18));
        buf[1] = (char)(0x80 | ((cp >> 12) & 0x3f));
        buf[2] = (char)(0x80 | ((cp >> 6) & 0x3f));
        buf[3] = (char)(0x80 | (cp & 0x3f));
        n = 4;
    }
    py_strbuf_add(b, buf, n);
}

static int hexdig(char c)
{
    return c >= '0' && c <= '9'                     ? c - '0'
           : (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10
                                                    : -1;
}

/* Decode escapes of a string body. */
static py_val decode_string(parser *ps, const char *s, size_t n, bool raw, bool bytes)
{
    py_strbuf b;
    py_strbuf_init(ps->ctx, &b, n);
    for (size_t i = 0; i < n; i++) {
        char c = s[i];
        if (c != '\\' || raw) {
            if (c == '\\' && raw && i + 1 < n) {
                py_strbuf_addc(&b, c);
                c = s[++i];
            }
            if (c == '\n') {
                ps->line += 0;
            }
            py_strbuf_addc(&b, c);
            continue;
        }
        if (++i >= n) {
            break;
        }
        c = s[i];
        switch (c) {
        case '\n': break;
        case '\\': py_strbuf_addc(&b, '\\'); break;
        case '\'': py_strbuf_addc(&b, '\''); break;
        case '"': py_strbuf_addc(&b, '"'); break;
        case 'a': py_strbuf_addc(&b, 7); break;
        case 'b': py_strbuf_addc(&b, 8); break;
        case 'f': py_strbuf_addc(&b, 12); break;
        case 'n': py_strbuf_addc(&b, 10); break;
        case 'r': py_strbuf_addc(&b, 13); break;
        case 't': py_strbuf_addc(&b, 9); break;
        case 'v': py_strbuf_addc(&b, 11); break;
        case 'x': {
            int h = i + 2 < n + 1 && i + 1 < n ? hexdig(s[i + 1]) : -1;
            int l = i + 2 < n ? hexdig(s[i + 2]) : -1;
            if (h < 0 || l < 0) {
                error(ps, bytes ? "invalid \\x escape at position 0"
                                : "(unicode error) 'unicodeescape' codec can't decode bytes: "
                                  "truncated \\xXX escape");
            }
            uint32_t v = (uint32_t)(h * 16 + l);
            if (bytes) {
                py_strbuf_addc(&b, (char)v);
            } else {
                utf8_put(&b, v);
            }
            i += 2;
            break;
        }
        case 'u':
        case 'U':
            if (!bytes) {
                int nd = c == 'u' ? 4 : 8;
                uint32_t v = 0;
                for (int k = 1; k <= nd; k++) {
                    int d = i + k < n ? hexdig(s[i + k]) : -1;
                    if (d < 0) {
                        error(ps, "(unicode error) 'unicodeescape' codec can't decode bytes: "
                                  "truncated \\uXXXX escape");
                    }
                    v = v * 16 + (uint32_t)d;
                }
                if (v > 0x10ffff) {
                    error(ps, "(unicode error) 'unicodeescape' codec can't decode bytes: illegal "
                              "Unicode character");
                }
                utf8_put(&b, v);
                i += (size_t)nd;
                break;
            }
            py_strbuf_addc(&b, '\\');
            py_strbuf_addc(&b, c);
            break;
        default:
            if (c >= '0' && c <= '7') {
                uint32_t v = 0;
                int k = 0;
                while (k < 3 && i < n && s[i] >= '0' && s[i] <= '7') {
                    v = v * 8 + (uint32_t)(s[i++] - '0');
                    k++;
                }
                i--;
                if (bytes) {
                    py_strbuf_addc(&b, (char)v);
                } else {
                    utf8_put(&b, v);
                }
                break;
            }
            py_strbuf_addc(&b, '\\');
            py_strbuf_addc(&b, c);
            break;
        }
    }
    return py_strbuf_finish(&b, bytes ? &py_type_bytes : &py_type_str);
}

static void lex_string(parser *ps, tok *t, bool raw, bool bytes, bool fstr)
{
    char q = *ps->p;
    bool triple = ps->p + 2 < ps->end && ps->p[1] == q && ps->p[2] == q;
    ps->p += triple ? 3 : 1;
    const char *st = ps->p;
    uint32_t start_line = ps->line;
    for (;;) {
        if (ps->p >= ps->end) {
            ps->line = start_line;
            t->line = start_line;
            ps->t.line = start_line;
            error(ps, triple ? "unterminated triple-quoted string literal"
                             : "unterminated string literal");
        }
        char c = *ps->p;
        if (c == '\\' && ps->p + 1 < ps->end) {
            if (ps->p[1] == '\n') {
                ps->line++;
            }
            ps->p += 2;
            continue;
        }
        if (c == '\n') {
            if (!triple) {
                ps->t.line = start_line;
                error(ps, "unterminated string literal");
            }
            ps->line++;
        }
        if (c == q && (!triple || (ps->p + 2 < ps->end && ps->p[1] == q && ps->p[2] == q))) {
            break;
        }
        ps->p++;
    }
    size_t n = (size_t)(ps->p - st);
    ps->p += triple ? 3 : 1;
    if (fstr) {
        t->type = T_FSTRING;
        t->start = st;
        t->len = n;
        t->op = raw;
        return;
    }
    t->type = T_STRING;
    t->v = decode_string(ps, st, n, raw, bytes);
}

static void lex_number(parser *ps, tok *t)
{
    const char *st = ps->p;
    bool is_float = false;
    if (*ps->p == '0' && ps->p + 1 < ps->end && strchr("xXoObB", ps->p[1]) && ps->p[1]) {
        ps->p += 2;
        while (ps->p < ps->end && (is_id(*ps->p))) {
            ps->p++;
        }
    } else {
        while (ps->p < ps->end && ((*ps->p >= '0' && *ps->p <= '9') || *ps->p == '_')) {
            ps->p++;
        }
        if (ps->p < ps->end && *ps->p == '.') {
            is_float = true;
            ps->p++;
            while (ps->p < ps->end && ((*ps->p >= '0' && *ps->p <= '9') || *ps->p == '_')) {
                ps->p++;
            }
        }
        if (ps->p < ps->end && (*ps->p == 'e' || *ps->p == 'E')) {
            const char *q = ps->p + 1;
            if (q < ps->end && (*q == '+' || *q == '-')) {
                q++;
            }
            if (q < ps->end && *q >= '0' && *q <= '9') {
                is_float = true;
                ps->p = q;
                while (ps->p < ps->end && ((*ps->p >= '0' && *ps->p <= '9') || *ps->p == '_')) {
                    ps->p++;
                }
            }
        }
    }
    size_t n = (size_t)(ps->p - st);
    bool imag = ps->p < ps->end && (*ps->p == 'j' || *ps->p == 'J');
    if (imag) {
        ps->p++;
    }
    if (ps->p < ps->end && is_id(*ps->p)) {
        error(ps, "invalid decimal literal");
    }
    t->type = T_NUMBER;
    if (is_float || imag) {
        double d;
        if (fp_parse(st, n, FP_PARSE_UNDERSCORE, &d) != FP_OK) {
            error(ps, "invalid decimal literal");
        }
        t->v =
            imag ? py_complex_new(ps->ctx, 0, (py_float_t)d) : py_float_new(ps->ctx, (py_float_t)d);
        return;
    }
    if (n > 1 && st[0] == '0' && st[1] >= '0' && st[1] <= '9') {
        for (size_t i = 0; i < n; i++) {
            if (st[i] != '0' && st[i] != '_') {
                error(ps, "leading zeros in decimal integer literals are not permitted; use an 0o "
                          "prefix for octal integers");
            }
        }
    }
    t->v = py_int_from_str(ps->ctx, st, n, 0, false);
    if (t->v == PY_NULL) {
        error(ps, "invalid decimal literal");
    }
}

/* Measure indentation at the start of a logical line; returns false for blank lines. */
static bool lex_indent(parser *ps)
{
    int col = 0;
    const char *p = ps->p;
    while (p < ps->end && (*p == ' ' || *p == '\t' || *p == '\f')) {
        col = *p == '\t' ? (col / 8 + 1) * 8 : *p == ' ' ? col + 1 : 0;
        p++;
    }
    if (p >= ps->end || *p == '\n' || *p == '#' || (*p == '\r')) {
        ps->p = p;
        return false;
    }
    if (*p == '\\' && p + 1 < ps->end && p[1] == '\n') {
        ps->p = p;
        return false;
    }
    ps->p = p;
    int cur = ps->indents[ps->n_indent - 1];
    if (col > cur) {
        if (ps->n_indent >= MAX_INDENT) {
            error(ps, "too many levels of indentation");
        }
        ps->indents[ps->n_indent++] = col;
        ps->pending = 1;
    } else {
        while (col < ps->indents[ps->n_indent - 1]) {
            ps->n_indent--;
            ps->pending--;
        }
        if (col != ps->indents[ps->n_indent - 1]) {
            ps->t.line = ps->line;
            error(ps, "unindent does not match any outer indentation level");
        }
    }
    return true;
}

static void lex_raw(parser *ps, tok *t)
{
    memset(t, 0, sizeof(*t));
again:
    if (ps->pending > 0) {
        ps->pending--;
        t->type = T_INDENT;
        t->line = ps->line;
        return;
    }
    if (ps->pending < 0) {
        ps->pending++;
        t->type = T_DEDENT;
        t->line = ps->line;
        return;
    }
    if (ps->at_bol && ps->nest == 0) {
        ps->at_bol = false;
        if (!lex_indent(ps)) {
            /* blank or comment line: skip to its end */
            while (ps->p < ps->end && *ps->p != '\n') {
                ps->p++;
            }
            if (ps->p < ps->end) {
                ps->p++;
                ps->line++;
                ps->at_bol = true;
                goto again;
            }
        }
        if (ps->pending != 0) {
            goto again;
        }
    }
    while (ps->p < ps->end &&
           (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\f' || *ps->p == '\r')) {
        ps->p++;
    }
    t->line = ps->line;
    if (ps->p >= ps->end) {
        if (ps->last == T_NEWLINE || ps->last == T_INDENT || ps->last == T_DEDENT) {
            ps->eof_nl = true;
        }
        if (!ps->eof_nl && ps->mode != -1) {
            /* a final NEWLINE, then dedents, then END */
            ps->eof_nl = true;
            t->type = T_NEWLINE;
            return;
        }
        if (ps->n_indent > 1) {
            ps->n_indent--;
            t->type = T_DEDENT;
            return;
        }
        t->type = T_END;
        return;
    }
    char c = *ps->p;
    if (c == '#') {
        while (ps->p < ps->end && *ps->p != '\n') {
            ps->p++;
        }
        goto again;
    }
    if (c == '\\') {
        if (ps->p + 1 < ps->end && ps->p[1] == '\n') {
            ps->p += 2;
            ps->line++;
            goto again;
        }
        if (ps->p + 2 < ps->end && ps->p[1] == '\r' && ps->p[2] == '\n') {
            ps->p += 3;
            ps->line++;
            goto again;
        }
        error(ps, "unexpected character after line continuation character");
    }
    if (c == '\n') {
        ps->p++;
        ps->line++;
        if (ps->nest > 0) {
            goto again;
        }
        ps->at_bol = true;
        t->type = T_NEWLINE;
        return;
    }
    if (is_id_start(c)) {
        const char *st = ps->p;
        while (ps->p < ps->end && is_id(*ps->p)) {
            ps->p++;
        }
        size_t n = (size_t)(ps->p - st);
        if (ps->p < ps->end && (*ps->p == '\'' || *ps->p == '"') && n <= 2) {
            bool raw = false, bytes = false, fstr = false, ok = true;
            for (size_t i = 0; i < n; i++) {
                char pc = (char)(st[i] | 0x20);
                if (pc == 'r') {
                    raw = true;
                } else if (pc == 'b') {
                    bytes = true;
                } else if (pc == 'f') {
                    fstr = true;
                } else if (pc != 'u') {
                    ok = false;
                }
            }
            if (ok && !(bytes && fstr)) {
                lex_string(ps, t, raw, bytes, fstr);
                return;
            }
        }
        for (int k = 0; k < K__COUNT; k++) {
            if (strlen(keywords[k]) == n && memcmp(keywords[k], st, n) == 0) {
                t->type = T_KW;
                t->op = (uint8_t)k;
                return;
            }
        }
        t->type = T_NAME;
        t->v = PY_MK_QSTR(py_qstr_from(ps->ctx, st, n));
        return;
    }
    if ((c >= '0' && c <= '9') ||
        (c == '.' && ps->p + 1 < ps->end && ps->p[1] >= '0' && ps->p[1] <= '9')) {
        lex_number(ps, t);
        return;
    }
    if (c == '\'' || c == '"') {
        lex_string(ps, t, false, false, false);
        return;
    }
    for (size_t i = 0; i < N_OPS; i++) {
        size_t n = strlen(ops[i]);
        if ((size_t)(ps->end - ps->p) >= n && memcmp(ps->p, ops[i], n) == 0) {
            ps->p += n;
            t->type = T_OP;
            t->op = (uint8_t)i;
            if (strchr("([{", c) && n == 1) {
                ps->nest++;
            } else if (strchr(")]}", c) && n == 1 && ps->nest > 0) {
                ps->nest--;
            }
            return;
        }
    }
    if (c == '!') {
        error(ps, "invalid syntax");
    }
    error(ps, (uint8_t)c >= 0x80 ? "invalid character in identifier" : "invalid character");
}

static void lex(parser *ps, tok *t)
{
    lex_raw(ps, t);
    ps->last = t->type;
}

/* --- token helpers --------------------------------------------------------------------- */

static void next(parser *ps)
{
    if (ps->has_peek) {
        ps->t = ps->peek;
        ps->has_peek = false;
    } else {
        lex(ps, &ps->t);
    }
}

static tok *peek(parser *ps)
{
    if (!ps->has_peek) {
        lex(ps, &ps->peek);
        ps->has_peek = true;
    }
    return &ps->peek;
}

static bool is_op(parser *ps, const char *s)
{
    return ps->t.type == T_OP && strcmp(ops[ps->t.op], s) == 0;
}

static bool is_kw(parser *ps, int k)
{
    return ps->t.type == T_KW && ps->t.op == k;
}

static bool accept_op(parser *ps, const char *s)
{
    if (is_op(ps, s)) {
        next(ps);
        return true;
    }
    return false;
}

static bool accept_kw(parser *ps, int k)
{
    if (is_kw(ps, k)) {
        next(ps);
        return true;
    }
    return false;
}

_Noreturn static void expected(parser *ps, const char *what)
{
    char buf[80];
    if (ps->t.type == T_INDENT) {
        error(ps, "unexpected indent");
    }
    if (ps->t.type == T_DEDENT && strcmp(what, "':'") != 0) {
        error(ps, "unindent does not match any outer indentation level");
    }
    size_t n = strlen(what);
    if (n > 60) {
        n = 60;
    }
    memcpy(buf, "expected ", 9);
    memcpy(buf + 9, what, n);
    buf[9 + n] = 0;
    if (strcmp(what, "expression") == 0 || ps->t.type == T_NEWLINE || ps->t.type == T_END) {
        error(ps, "invalid syntax");
    }
    error(ps, buf);
}

static void expect_op(parser *ps, const char *s)
{
    if (!accept_op(ps, s)) {
        char buf[16] = "'";
        strcat(buf, s);
        strcat(buf, "'");
        if (ps->t.type == T_END || ps->t.type == T_NEWLINE) {
            if (strcmp(s, ")") == 0 || strcmp(s, "]") == 0 || strcmp(s, "}") == 0) {
                error(ps, "unexpected EOF while parsing");
            }
        }
        expected(ps, buf);
    }
}

static py_qstr expect_name(parser *ps)
{
    if (ps->t.type != T_NAME) {
        expected(ps, "name");
    }
    py_qstr q = PY_QSTR(ps->t.v);
    next(ps);
    return q;
}

/* --- node construction ------------------------------------------------------------------- */

static pn *node(parser *ps, int kind, size_t n)
{
    pn *x = py_alloc(ps->ctx, sizeof(pn) + n * sizeof(pn *));
    x->kind = (uint8_t)kind;
    x->n = (uint16_t)n;
    x->line = ps->t.line;
    return x;
}

static pn *node1(parser *ps, int kind, pn *a)
{
    pn *x = node(ps, kind, 1);
    x->k[0] = a;
    return x;
}

static pn *node2(parser *ps, int kind, pn *a, pn *b)
{
    pn *x = node(ps, kind, 2);
    x->k[0] = a;
    x->k[1] = b;
    return x;
}

/* Growable list of nodes collected before building an n-ary node. */
typedef struct nlist {
    pn **items;
    size_t n, cap;
    pn *small[8];
} nlist;

static void nl_init(nlist *l)
{
    l->items = l->small;
    l->n = 0;
    l->cap = 8;
}

static void nl_add(parser *ps, nlist *l, pn *x)
{
    if (l->n == l->cap) {
        pn **ni = py_alloc(ps->ctx, l->cap * 2 * sizeof(pn *));
        memcpy(ni, l->items, l->n * sizeof(pn *));
        l->items = ni;
        l->cap *= 2;
    }
    l->items[l->n++] = x;
}

static pn *nl_node(parser *ps, int kind, nlist *l, uint32_t line)
{
    if (l->n > 0xffff) {
        error(ps, "too many items");
    }
    pn *x = node(ps, kind, l->n);
    memcpy(x->k, l->items, l->n * sizeof(pn *));
    x->line = line;
    return x;
}

static void enter(parser *ps)
{
    if (++ps->depth > MAX_NEST) {
        error(ps, "too many nested parentheses");
    }
    PY_CSTACK_CHECK(ps->ctx);
}

static void leave(parser *ps)
{
    ps->depth--;
}

/* --- expressions ------------------------------------------------------------------------- */

static pn *p_expr(parser *ps);
static pn *p_test(parser *ps);
static pn *p_or_test(parser *ps);
static pn *p_testlist_star(parser *ps, bool allow_star);
static pn *p_block(parser *ps);
static pn *p_params(parser *ps, bool lambda);
static pn *p_star_expr(parser *ps);

static bool starts_expr(parser *ps)
{
    tok *t = &ps->t;
    if (t->type == T_NAME || t->type == T_NUMBER || t->type == T_STRING || t->type == T_FSTRING) {
        return true;
    }
    if (t->type == T_KW) {
        return t->op == K_NONE || t->op == K_TRUE || t->op == K_FALSE || t->op == K_NOT ||
               t->op == K_LAMBDA || t->op == K_AWAIT || t->op == K_YIELD;
    }
    if (t->type == T_OP) {
        const char *o = ops[t->op];
        return (strchr("([{-+~*", o[0]) != NULL && strcmp(o, "**") != 0 && strcmp(o, "*=") != 0 &&
                strcmp(o, "+=") != 0 && strcmp(o, "-=") != 0) ||
               strcmp(o, "...") == 0;
    }
    return false;
}

static pn *parse_fstring(parser *ps, const char *s, size_t n, bool raw, uint32_t line);

static pn *p_strings(parser *ps)
{
    /* adjacent literals concatenate; f-strings make an N_FSTRING */
    nlist parts;
    nl_init(&parts);
    uint32_t line = ps->t.line;
    bool any_f = false, any_bytes = false, any_str = false;
    while (ps->t.type == T_STRING || ps->t.type == T_FSTRING) {
        if (ps->t.type == T_FSTRING) {
            any_f = true;
            any_str = true;
            pn *f = parse_fstring(ps, ps->t.start, ps->t.len, ps->t.op, ps->t.line);
            for (size_t i = 0; i < f->n; i++) {
                nl_add(ps, &parts, f->k[i]);
            }
        } else {
            bool b = py_type_of(ps->t.v) == &py_type_bytes;
            any_bytes |= b;
            any_str |= !b;
            pn *c = node(ps, N_CONST, 0);
            c->v = ps->t.v;
            nl_add(ps, &parts, c);
        }
        next(ps);
    }
    if (any_bytes && any_str) {
        error(ps, "cannot mix bytes and nonbytes literals");
    }
    if (!any_f) {
        py_val v = parts.items[0]->v;
        for (size_t i = 1; i < parts.n; i++) {
            v = py_str_concat(ps->ctx, v, parts.items[i]->v);
        }
        pn *c = node(ps, N_CONST, 0);
        c->v = v;
        c->line = line;
        return c;
    }
    return nl_node(ps, N_FSTRING, &parts, line);
}

static pn *p_comp_tail(parser *ps, int kind, pn *elt, pn *val, uint32_t line);

static pn *p_paren(parser *ps)
{
    uint32_t line = ps->t.line;
    next(ps);
    if (accept_op(ps, ")")) {
        pn *t = node(ps, N_TUPLE, 0);
        t->line = line;
        return t;
    }
    if (is_kw(ps, K_YIELD)) {
        pn *y = p_testlist_star(ps, true);
        expect_op(ps, ")");
        return y;
    }
    pn *first = p_star_expr(ps);
    if (is_kw(ps, K_FOR) || is_kw(ps, K_ASYNC)) {
        pn *g = p_comp_tail(ps, N_GENEXP, first, NULL, line);
        expect_op(ps, ")");
        return g;
    }
    if (accept_op(ps, ":=")) {
        if (first->kind != N_NAME) {
            error(ps, "cannot use assignment expressions with this expression");
        }
        first = node2(ps, N_WALRUS, first, p_test(ps));
    }
    if (!is_op(ps, ",")) {
        expect_op(ps, ")");
        if (first->kind == N_STARRED) {
            error(ps, "cannot use starred expression here");
        }
        /* mark parenthesised so (a) = 1 and (yield) stay valid; tuples get op 1 */
        return first;
    }
    nlist l;
    nl_init(&l);
    nl_add(ps, &l, first);
    while (accept_op(ps, ",")) {
        if (is_op(ps, ")")) {
            break;
        }
        nl_add(ps, &l, p_star_expr(ps));
    }
    expect_op(ps, ")");
    return nl_node(ps, N_TUPLE, &l, line);
}

static pn *p_list(parser *ps)
{
    uint32_t line = ps->t.line;
    next(ps);
    nlist l;
    nl_init(&l);
    if (!is_op(ps, "]")) {
        pn *first = p_star_expr(ps);
        if (accept_op(ps, ":=")) {
            first = node2(ps, N_WALRUS, first, p_test(ps));
        }
        if (is_kw(ps, K_FOR) || is_kw(ps, K_ASYNC)) {
            pn *c = p_comp_tail(ps, N_LISTCOMP, first, NULL, line);
            expect_op(ps, "]");
            return c;
        }
        nl_add(ps, &l, first);
        while (accept_op(ps, ",")) {
            if (is_op(ps, "]")) {
                break;
            }
            nl_add(ps, &l, p_star_expr(ps));
        }
    }
    expect_op(ps, "]");
    return nl_node(ps, N_LIST, &l, line);
}

static pn *p_dict_or_set(parser *ps)
{
    uint32_t line = ps->t.line;
    next(ps);
    nlist l;
    nl_init(&l);
    if (accept_op(ps, "}")) {
        return nl_node(ps, N_DICT, &l, line);
    }
    bool is_dict;
    pn *k, *v = NULL;
    if (accept_op(ps, "**")) {
        is_dict = true;
        k = NULL;
        v = p_expr(ps);
    } else {
        k = p_star_expr(ps);
        is_dict = accept_op(ps, ":");
        if (is_dict) {
            v = p_test(ps);
        }
    }
    if (is_kw(ps, K_FOR) || is_kw(ps, K_ASYNC)) {
        if (is_dict && k == NULL) {
            error(ps, "dict unpacking cannot be used in dict comprehension");
        }
        pn *c = p_comp_tail(ps, is_dict ? N_DICTCOMP : N_SETCOMP, k, v, line);
        expect_op(ps, "}");
        return c;
    }
    nl_add(ps, &l, k);
    if (is_dict) {
        nl_add(ps, &l, v);
    }
    while (accept_op(ps, ",")) {
        if (is_op(ps, "}")) {
            break;
        }
        if (is_dict) {
            if (accept_op(ps, "**")) {
                nl_add(ps, &l, NULL);
                nl_add(ps, &l, p_expr(ps));
            } else {
                nl_add(ps, &l, p_test(ps));
                expect_op(ps, ":");
                nl_add(ps, &l, p_test(ps));
            }
        } else {
            nl_add(ps, &l, p_star_expr(ps));
        }
    }
    expect_op(ps, "}");
    return nl_node(ps, is_dict ? N_DICT : N_SET, &l, line);
}

static pn *p_atom(parser *ps)
{
    tok *t = &ps->t;
    pn *x;
    switch (t->type) {
    case T_NAME:
        x = node(ps, N_NAME, 0);
        x->v = t->v;
        next(ps);
        return x;
    case T_NUMBER:
        x = node(ps, N_CONST, 0);
        x->v = t->v;
        next(ps);
        return x;
    case T_STRING:
    case T_FSTRING: return p_strings(ps);
    case T_KW:
        if (t->op == K_NONE || t->op == K_TRUE || t->op == K_FALSE) {
            x = node(ps, N_CONST, 0);
            x->v = t->op == K_NONE ? PY_NONE : PY_BOOL(t->op == K_TRUE);
            next(ps);
            return x;
        }
        break;
    case T_OP:
        if (is_op(ps, "(")) {
            enter(ps);
            x = p_paren(ps);
            leave(ps);
            return x;
        }
        if (is_op(ps, "[")) {
            enter(ps);
            x = p_list(ps);
            leave(ps);
            return x;
        }
        if (is_op(ps, "{")) {
            enter(ps);
            x = p_dict_or_set(ps);
            leave(ps);
            return x;
        }
        if (is_op(ps, "...")) {
            x = node(ps, N_CONST, 0);
            x->v = PY_ELLIPSIS;
            next(ps);
            return x;
        }
        break;
    }
    if (t->type == T_END || t->type == T_NEWLINE) {
        error(ps, "invalid syntax");
    }
    if (t->type == T_INDENT) {
        error(ps, "unexpected indent");
    }
    error(ps, "invalid syntax");
}

static pn *p_call_args(parser *ps, pn *fn)
{
    uint32_t line = ps->t.line;
    nlist l;
    nl_init(&l);
    nl_add(ps, &l, fn);
    bool seen_kw = false, seen_dstar = false, seen_genexp = false;
    while (!is_op(ps, ")")) {
        pn *a;
        if (seen_genexp) {
            error(ps, "Generator expression must be parenthesized");
        }
        if (accept_op(ps, "*")) {
            if (seen_dstar) {
                error(ps, "iterable argument unpacking follows keyword argument unpacking");
            }
            a = node1(ps, N_STARRED, p_test(ps));
        } else if (accept_op(ps, "**")) {
            a = node1(ps, N_DSTAR, p_test(ps));
            seen_kw = true;
            seen_dstar = true;
        } else {
            a = p_test(ps);
            if (is_op(ps, "=") && a->kind == N_NAME) {
                next(ps);
                pn *kw = node1(ps, N_KW, p_test(ps));
                kw->v = a->v;
                for (size_t i = 1; i < l.n; i++) {
                    if (l.items[i]->kind == N_KW && l.items[i]->v == kw->v) {
                        error(ps, "keyword argument repeated");
                    }
                }
                a = kw;
                seen_kw = true;
            } else if (is_op(ps, "=")) {
                error(ps, "expression cannot contain assignment, perhaps you meant \"==\"?");
            } else if (accept_op(ps, ":=")) {
                a = node2(ps, N_WALRUS, a, p_test(ps));
            } else if (is_kw(ps, K_FOR) || is_kw(ps, K_ASYNC)) {
                a = p_comp_tail(ps, N_GENEXP, a, NULL, a->line);
                if (l.n > 1 || is_op(ps, ",")) {
                    if (l.n > 1 || (next(ps), !is_op(ps, ")"))) {
                        error(ps, "Generator expression must be parenthesized");
                    }
                    nl_add(ps, &l, a);
                    break;
                }
            } else if (seen_kw) {
                error(ps, "positional argument follows keyword argument");
            }
        }
        nl_add(ps, &l, a);
        if (!accept_op(ps, ",")) {
            break;
        }
    }
    expect_op(ps, ")");
    return nl_node(ps, N_CALL, &l, line);
}

static pn *p_subscript(parser *ps)
{
    pn *parts[3] = {NULL, NULL, NULL};
    if (!is_op(ps, ":")) {
        parts[0] = p_test(ps);
        if (!is_op(ps, ":")) {
            return parts[0];
        }
    }
    next(ps);
    if (!is_op(ps, "]") && !is_op(ps, ":") && !is_op(ps, ",")) {
        parts[1] = p_test(ps);
    }
    if (accept_op(ps, ":")) {
        if (!is_op(ps, "]") && !is_op(ps, ",")) {
            parts[2] = p_test(ps);
        }
    }
    pn *s = node(ps, N_SLICE, 3);
    memcpy(s->k, parts, sizeof(parts));
    return s;
}

static pn *p_trailers(parser *ps, pn *x)
{
    for (;;) {
        if (is_op(ps, "(")) {
            enter(ps);
            next(ps);
            x = p_call_args(ps, x);
            leave(ps);
        } else if (is_op(ps, "[")) {
            enter(ps);
            uint32_t line = ps->t.line;
            next(ps);
            pn *idx = p_subscript(ps);
            if (is_op(ps, ",")) {
                nlist l;
                nl_init(&l);
                nl_add(ps, &l, idx);
                while (accept_op(ps, ",")) {
                    if (is_op(ps, "]")) {
                        break;
                    }
                    nl_add(ps, &l, p_subscript(ps));
                }
                idx = nl_node(ps, N_TUPLE, &l, line);
            }
            expect_op(ps, "]");
            x = node2(ps, N_SUBSCR, x, idx);
            x->line = line;
            leave(ps);
        } else if (is_op(ps, ".")) {
            next(ps);
            pn *a = node1(ps, N_ATTR, x);
            a->v = PY_MK_QSTR(expect_name(ps));
            x = a;
        } else {
            return x;
        }
    }
}

static pn *p_power(parser *ps)
{
    pn *x;
    if (is_kw(ps, K_AWAIT)) {
        next(ps);
        x = node1(ps, N_AWAIT, p_trailers(ps, p_atom(ps)));
    } else {
        x = p_trailers(ps, p_atom(ps));
    }
    if (is_op(ps, "**")) {
        uint32_t line = ps->t.line;
        next(ps);
        enter(ps);
        pn *r;
        if (is_op(ps, "-") || is_op(ps, "+") || is_op(ps, "~")) {
            int op = is_op(ps, "-") ? PY_OP_NEG : is_op(ps, "+") ? PY_OP_POS : PY_OP_INVERT;
            next(ps);
            extern pn *p_factor_ext(parser * ps);
            r = node1(ps, N_UNARY, p_factor_ext(ps));
            r->op = (uint8_t)op;
        } else {
            r = p_power(ps);
        }
        leave(ps);
        x = node2(ps, N_BINOP, x, r);
        x->op = PY_OP_POW;
        x->line = line;
    }
    return x;
}

static pn *p_factor(parser *ps)
{
    if (is_op(ps, "-") || is_op(ps, "+") || is_op(ps, "~")) {
        int op = is_op(ps, "-") ? PY_OP_NEG : is_op(ps, "+") ? PY_OP_POS : PY_OP_INVERT;
        uint32_t line = ps->t.line;
        next(ps);
        enter(ps);
        pn *x = node1(ps, N_UNARY, p_factor(ps));
        leave(ps);
        x->op = (uint8_t)op;
        x->line = line;
        return x;
    }
    return p_power(ps);
}

pn *p_factor_ext(parser *ps)
{
    return p_factor(ps);
}

typedef struct binop_level {
    const char *ops[5];
    uint8_t codes[5];
} binop_level;

static const binop_level levels[] = {
    {{"|"}, {PY_OP_OR}},
    {{"^"}, {PY_OP_XOR}},
    {{"&"}, {PY_OP_AND}},
    {{"<<", ">>"}, {PY_OP_LSHIFT, PY_OP_RSHIFT}},
    {{"+", "-"}, {PY_OP_ADD, PY_OP_SUB}},
    {{"*", "/", "//", "%", "@"},
     {PY_OP_MUL, PY_OP_TRUEDIV, PY_OP_FLOORDIV, PY_OP_MOD, PY_OP_MATMUL}},
};

static pn *p_binary(parser *ps, int level)
{
    if (level >= (int)(sizeof(levels) / sizeof(levels[0]))) {
        return p_factor(ps);
    }
    pn *x = p_binary(ps, level + 1);
    for (;;) {
        int code = -1;
        if (ps->t.type == T_OP) {
            for (int i = 0; i < 5 && levels[level].ops[i]; i++) {
                if (strcmp(ops[ps->t.op], levels[level].ops[i]) == 0) {
                    code = levels[level].codes[i];
                }
            }
        }
        if (code < 0) {
            return x;
        }
        uint32_t line = ps->t.line;
        next(ps);
        x = node2(ps, N_BINOP, x, p_binary(ps, level + 1));
        x->op = (uint8_t)code;
        x->line = line;
    }
}

static pn *p_expr(parser *ps)
{
    return p_binary(ps, 0);
}

/* comparison operators: PY_OP_* plus IS/ISNOT/IN/NOTIN codes */
#define CMP_IS    100
#define CMP_ISNOT 101
#define CMP_IN    102
#define CMP_NOTIN 103

static int cmp_op(parser *ps)
{
    if (ps->t.type == T_OP) {
        const char *o = ops[ps->t.op];
        if (!strcmp(o, "<"))
            return PY_OP_LT;
        if (!strcmp(o, ">"))
            return PY_OP_GT;
        if (!strcmp(o, "=="))
            return PY_OP_EQ;
        if (!strcmp(o, "!="))
            return PY_OP_NE;
        if (!strcmp(o, "<="))
            return PY_OP_LE;
        if (!strcmp(o, ">="))
            return PY_OP_GE;
        return -1;
    }
    if (is_kw(ps, K_IN))
        return CMP_IN;
    if (is_kw(ps, K_IS))
        return CMP_IS;
    if (is_kw(ps, K_NOT) && peek(ps)->type == T_KW && peek(ps)->op == K_IN)
        return CMP_NOTIN;
    return -1;
}

static pn *p_comparison(parser *ps)
{
    pn *x = p_expr(ps);
    int op = cmp_op(ps);
    if (op < 0) {
        return x;
    }
    nlist l;
    nl_init(&l);
    nl_add(ps, &l, x);
    char opsbuf[64];
    size_t nops = 0;
    uint32_t line = ps->t.line;
    while ((op = cmp_op(ps)) >= 0) {
        next(ps);
        if (op == CMP_NOTIN) {
            next(ps);
        } else if (op == CMP_IS && accept_kw(ps, K_NOT)) {
            op = CMP_ISNOT;
        }
        if (nops >= sizeof(opsbuf)) {
            error(ps, "too many comparisons");
        }
        opsbuf[nops++] = (char)op;
        nl_add(ps, &l, p_expr(ps));
    }
    pn *c = nl_node(ps, N_COMPARE, &l, line);
    c->v = py_bytes_new(ps->ctx, opsbuf, nops);
    return c;
}

static pn *p_not_test(parser *ps)
{
    if (is_kw(ps, K_NOT)) {
        uint32_t line = ps->t.line;
        next(ps);
        enter(ps);
        pn *x = node1(ps, N_NOT, p_not_test(ps));
        leave(ps);
        x->line = line;
        return x;
    }
    return p_comparison(ps);
}

static pn *p_bool(parser *ps, int kw, int kind, pn *(*sub)(parser *))
{
    pn *x = sub(ps);
    if (!is_kw(ps, kw)) {
        return x;
    }
    nlist l;
    nl_init(&l);
    nl_add(ps, &l, x);
    uint32_t line = ps->t.line;
    while (accept_kw(ps, kw)) {
        nl_add(ps, &l, sub(ps));
    }
    return nl_node(ps, kind, &l, line);
}

static pn *p_and_test(parser *ps)
{
    return p_bool(ps, K_AND, N_AND, p_not_test);
}

static pn *p_or_test(parser *ps)
{
    return p_bool(ps, K_OR, N_OR, p_and_test);
}

static pn *p_lambda(parser *ps, bool nocond)
{
    uint32_t line = ps->t.line;
    next(ps);
    pn *params = p_params(ps, true);
    expect_op(ps, ":");
    pn *body = nocond ? p_or_test(ps) : p_test(ps);
    pn *x = node2(ps, N_LAMBDA, params, body);
    x->line = line;
    return x;
}

static pn *p_test(parser *ps)
{
    enter(ps);
    pn *x;
    if (is_kw(ps, K_LAMBDA)) {
        x = p_lambda(ps, false);
    } else {
        x = p_or_test(ps);
        if (is_kw(ps, K_IF)) {
            uint32_t line = ps->t.line;
            next(ps);
            pn *cond = p_or_test(ps);
            if (!accept_kw(ps, K_ELSE)) {
                expected(ps, "'else' after 'if' expression");
            }
            pn *orelse = p_test(ps);
            pn *ie = node(ps, N_IFEXP, 3);
            ie->k[0] = cond;
            ie->k[1] = x;
            ie->k[2] = orelse;
            ie->line = line;
            x = ie;
        }
    }
    leave(ps);
    return x;
}

static pn *p_star_expr(parser *ps)
{
    if (accept_op(ps, "*")) {
        return node1(ps, N_STARRED, p_expr(ps));
    }
    return p_test(ps);
}

static pn *p_target_item(parser *ps)
{
    if (accept_op(ps, "*")) {
        return node1(ps, N_STARRED, p_expr(ps));
    }
    return p_expr(ps);
}

static pn *p_comp_tail(parser *ps, int kind, pn *elt, pn *val, uint32_t line)
{
    nlist l;
    nl_init(&l);
    nl_add(ps, &l, elt);
    nl_add(ps, &l, val);
    while (is_kw(ps, K_FOR) || is_kw(ps, K_ASYNC) || is_kw(ps, K_IF)) {
        if (accept_kw(ps, K_IF)) {
            pn *c = is_kw(ps, K_LAMBDA) ? p_lambda(ps, true) : p_or_test(ps);
            nl_add(ps, &l, node1(ps, N_COMPIF, c));
            continue;
        }
        bool async = accept_kw(ps, K_ASYNC);
        if (!accept_kw(ps, K_FOR)) {
            expected(ps, "'for'");
        }
        nlist tl;
        nl_init(&tl);
        uint32_t tline = ps->t.line;
        nl_add(ps, &tl, p_target_item(ps));
        bool tuple = false;
        while (accept_op(ps, ",")) {
            tuple = true;
            if (is_kw(ps, K_IN)) {
                break;
            }
            nl_add(ps, &tl, p_target_item(ps));
        }
        pn *target = tuple ? nl_node(ps, N_TUPLE, &tl, tline) : tl.items[0];
        if (!accept_kw(ps, K_IN)) {
            expected(ps, "'in'");
        }
        pn *f = node2(ps, N_COMPFOR, target, p_or_test(ps));
        f->op = async;
        nl_add(ps, &l, f);
    }
    return nl_node(ps, kind, &l, line);
}

/* testlist with optional star expressions, building a tuple for commas */
static pn *p_testlist_star(parser *ps, bool allow_star)
{
    uint32_t line = ps->t.line;
    if (is_kw(ps, K_YIELD)) {
        next(ps);
        if (accept_kw(ps, K_FROM)) {
            pn *y = node1(ps, N_YIELDFROM, p_test(ps));
            y->line = line;
            return y;
        }
        pn *v = starts_expr(ps) ? p_testlist_star(ps, true) : NULL;
        pn *y = node1(ps, N_YIELD, v);
        y->line = line;
        return y;
    }
    pn *first = allow_star ? p_star_expr(ps) : p_test(ps);
    if (!is_op(ps, ",")) {
        return first;
    }
    nlist l;
    nl_init(&l);
    nl_add(ps, &l, first);
    while (accept_op(ps, ",")) {
        if (!starts_expr(ps)) {
            break;
        }
        nl_add(ps, &l, allow_star ? p_star_expr(ps) : p_test(ps));
    }
    return nl_node(ps, N_TUPLE, &l, line);
}

/* f-string: split into literal parts and {expr!c:spec} fields */
static pn *parse_fstring(parser *ps, const char *s, size_t n, bool raw, uint32_t line)
{
    nlist l;
    nl_init(&l);
    py_strbuf lit;
    py_strbuf_init(ps->ctx, &lit, n);
    size_t lit_start = 0;
    (void)lit_start;
    for (size_t i = 0; i < n;) {
        char c = s[i];
        if (c == '{' && i + 1 < n && s[i + 1] == '{') {
            py_strbuf_addc(&lit, '{');
            i += 2;
            continue;
        }
        if (c == '}' && i + 1 < n && s[i + 1] == '}') {
            py_strbuf_addc(&lit, '}');
            i += 2;
            continue;
        }
        if (c == '}') {
            error(ps, "f-string: single '}' is not allowed");
        }
        if (c != '{') {
            py_strbuf_addc(&lit, c);
            i++;
            continue;
        }
        if (lit.len > 0) {
            pn *k = node(ps, N_CONST, 0);
            const char *ls = lit.buf + sizeof(py_str_obj);
            k->v = decode_string(ps, ls, lit.len, raw, false);
            nl_add(ps, &l, k);
            py_strbuf_init(ps->ctx, &lit, n);
        }
        /* find the end of the expression: '!', ':' or '}' at depth 0 */
        size_t st = ++i;
        int depth = 0;
        char quote = 0;
        while (i < n) {
            char d = s[i];
            if (quote) {
                if (d == quote) {
                    quote = 0;
                }
            } else if (d == '\'' || d == '"') {
                quote = d;
            } else if (d == '(' || d == '[' || d == '{') {
                depth++;
            } else if (d == ')' || d == ']' || (d == '}' && depth > 0)) {
                depth--;
            } else if (depth == 0 &&
                       (d == '}' || d == ':' || (d == '!' && i + 1 < n && s[i + 1] != '='))) {
                break;
            }
            i++;
        }
        if (i >= n) {
            error(ps, "f-string: expecting '}'");
        }
        size_t ee = i;
        bool self_doc = false;
        size_t ee2 = ee;
        while (ee2 > st && (s[ee2 - 1] == ' ')) {
            ee2--;
        }
        if (ee2 > st && s[ee2 - 1] == '=' && (ee2 < st + 2 || !strchr("=!<>", s[ee2 - 2]))) {
            self_doc = true;
        }
        size_t expr_end = self_doc ? ee2 - 1 : ee;
        /* parse the expression with a sub-parser */
        parser sub;
        memset(&sub, 0, sizeof(sub));
        sub.ctx = ps->ctx;
        sub.src = s + st;
        sub.p = sub.src;
        sub.end = s + expr_end;
        sub.file = ps->file;
        sub.line = line;
        sub.nest = 1;
        sub.indents[0] = 0;
        sub.n_indent = 1;
        sub.mode = -1;
        sub.depth = ps->depth;
        next(&sub);
        if (sub.t.type == T_END) {
            error(ps, "f-string: empty expression not allowed");
        }
        pn *e = p_testlist_star(&sub, true);
        if (sub.t.type != T_END) {
            error(ps, "f-string: invalid syntax");
        }
        if (self_doc) {
            pn *k = node(ps, N_CONST, 0);
            k->v = py_str_new(ps->ctx, s + st, ee - st);
            nl_add(ps, &l, k);
        }
        char conv = self_doc ? 'r' : 0;
        if (s[i] == '!') {
            conv = i + 1 < n ? s[i + 1] : 0;
            if (conv != 'r' && conv != 's' && conv != 'a') {
                error(ps, "f-string: invalid conversion character: expected 's', 'r', or 'a'");
            }
            i += 2;
        }
        pn *spec = NULL;
        if (i < n && s[i] == ':') {
            size_t ss = ++i;
            int d2 = 0;
            while (i < n && (s[i] != '}' || d2 > 0)) {
                d2 += s[i] == '{' ? 1 : s[i] == '}' ? -1 : 0;
                i++;
            }
            spec = parse_fstring(ps, s + ss, i - ss, raw, line);
            if (self_doc && conv == 'r') {
                conv = 0;
            }
        }
        if (i >= n || s[i] != '}') {
            error(ps, "f-string: expecting '}'");
        }
        i++;
        pn *f = node2(ps, N_FORMAT, e, spec);
        f->op = (uint8_t)conv;
        nl_add(ps, &l, f);
    }
    if (lit.len > 0) {
        pn *k = node(ps, N_CONST, 0);
        k->v = decode_string(ps, lit.buf + sizeof(py_str_obj), lit.len, raw, false);
        nl_add(ps, &l, k);
    }
    return nl_node(ps, N_FSTRING, &l, line);
}

/* --- statements ------------------------------------------------------------------------- */

static pn *p_stmt(parser *ps);

static void check_target(parser *ps, pn *t, bool del)
{
    switch (t->kind) {
    case N_NAME:
    case N_ATTR:
    case N_SUBSCR: return;
    case N_TUPLE:
    case N_LIST:
        for (size_t i = 0; i < t->n; i++) {
            check_target(ps, t->k[i], del);
        }
        return;
    case N_STARRED:
        if (!del) {
            check_target(ps, t->k[0], del);
            return;
        }
        break;
    }
    ps->t.line = t->line;
    if (t->kind == N_CALL) {
        error(ps, del ? "cannot delete function call" : "cannot assign to function call");
    }
    if (t->kind == N_CONST) {
        error(ps, del ? "cannot delete literal" : "cannot assign to literal");
    }
    error(ps, del ? "cannot delete expression" : "cannot assign to expression");
}

static pn *p_simple(parser *ps)
{
    uint32_t line = ps->t.line;
    pn *first = p_testlist_star(ps, true);
    if (is_op(ps, "=")) {
        nlist l;
        nl_init(&l);
        nl_add(ps, &l, first);
        while (accept_op(ps, "=")) {
            nl_add(ps, &l, p_testlist_star(ps, true));
        }
        for (size_t i = 0; i + 1 < l.n; i++) {
            check_target(ps, l.items[i], false);
        }
        return nl_node(ps, N_ASSIGN, &l, line);
    }
    if (ps->t.type == T_OP) {
        static const char *const aug[] = {
            "+=", "-=", "*=", "@=", "/=", "//=", "%=", "**=", "<<=", ">>=", "&=", "|=", "^="};
        static const uint8_t codes[] = {PY_OP_IADD,     PY_OP_ISUB,      PY_OP_IMUL, PY_OP_IMATMUL,
                                        PY_OP_ITRUEDIV, PY_OP_IFLOORDIV, PY_OP_IMOD, PY_OP_IPOW,
                                        PY_OP_ILSHIFT,  PY_OP_IRSHIFT,   PY_OP_IAND, PY_OP_IOR,
                                        PY_OP_IXOR};
        for (size_t i = 0; i < sizeof(codes); i++) {
            if (is_op(ps, aug[i])) {
                if (first->kind != N_NAME && first->kind != N_ATTR && first->kind != N_SUBSCR) {
                    error(ps, "'tuple' is an illegal expression for augmented assignment");
                }
                next(ps);
                pn *x = node2(ps, N_AUGASSIGN, first, p_testlist_star(ps, false));
                x->op = codes[i];
                x->line = line;
                return x;
            }
        }
        if (is_op(ps, ":")) {
            next(ps);
            check_target(ps, first, false);
            pn *ann = p_test(ps);
            pn *val = NULL;
            if (accept_op(ps, "=")) {
                val = p_testlist_star(ps, true);
            }
            pn *x = node(ps, N_ANNASSIGN, 3);
            x->k[0] = first;
            x->k[1] = ann;
            x->k[2] = val;
            x->line = line;
            return x;
        }
    }
    pn *x = node1(ps, N_EXPR, first);
    x->line = line;
    return x;
}

static pn *p_dotted(parser *ps, py_qstr *out)
{
    py_ctx *ctx = ps->ctx;
    py_strbuf b;
    py_strbuf_init(ctx, &b, 16);
    for (;;) {
        size_t n;
        const char *s = py_qstr_str(ctx, expect_name(ps), &n);
        py_strbuf_add(&b, s, n);
        if (!is_op(ps, ".")) {
            break;
        }
        next(ps);
        py_strbuf_addc(&b, '.');
    }
    *out = py_qstr_from(ctx, b.buf + sizeof(py_str_obj), b.len);
    return NULL;
}

static pn *p_import(parser *ps)
{
    uint32_t line = ps->t.line;
    nlist l;
    nl_init(&l);
    if (accept_kw(ps, K_IMPORT)) {
        do {
            pn *a = node(ps, N_ALIAS, 1);
            py_qstr q;
            p_dotted(ps, &q);
            a->v = PY_MK_QSTR(q);
            a->k[0] = NULL;
            if (accept_kw(ps, K_AS)) {
                pn *nm = node(ps, N_NAME, 0);
                nm->v = PY_MK_QSTR(expect_name(ps));
                a->k[0] = nm;
            }
            nl_add(ps, &l, a);
        } while (accept_op(ps, ","));
        return nl_node(ps, N_IMPORT, &l, line);
    }
    next(ps); /* from */
    int level = 0;
    while (is_op(ps, ".") || is_op(ps, "...")) {
        level += is_op(ps, ".") ? 1 : 3;
        next(ps);
    }
    py_qstr mod = 0;
    if (ps->t.type == T_NAME) {
        p_dotted(ps, &mod);
    } else if (level == 0) {
        expected(ps, "module name");
    }
    if (!accept_kw(ps, K_IMPORT)) {
        expected(ps, "'import'");
    }
    if (accept_op(ps, "*")) {
        pn *a = node(ps, N_ALIAS, 1);
        a->v = PY_NULL;
        a->k[0] = NULL;
        nl_add(ps, &l, a);
    } else {
        bool paren = accept_op(ps, "(");
        do {
            if (paren && is_op(ps, ")")) {
                break;
            }
            pn *a = node(ps, N_ALIAS, 1);
            a->v = PY_MK_QSTR(expect_name(ps));
            a->k[0] = NULL;
            if (accept_kw(ps, K_AS)) {
                pn *nm = node(ps, N_NAME, 0);
                nm->v = PY_MK_QSTR(expect_name(ps));
                a->k[0] = nm;
            }
            nl_add(ps, &l, a);
        } while (accept_op(ps, ","));
        if (paren) {
            expect_op(ps, ")");
        }
    }
    pn *x = nl_node(ps, N_IMPORTFROM, &l, line);
    x->v = mod ? PY_MK_QSTR(mod) : PY_NULL;
    x->op = (uint8_t)level;
    return x;
}

static pn *p_small_stmt(parser *ps)
{
    uint32_t line = ps->t.line;
    pn *x;
    if (ps->t.type == T_KW) {
        switch (ps->t.op) {
        case K_PASS:
            next(ps);
            x = node(ps, N_PASS, 0);
            break;
        case K_BREAK:
            next(ps);
            x = node(ps, N_BREAK, 0);
            break;
        case K_CONTINUE:
            next(ps);
            x = node(ps, N_CONTINUE, 0);
            break;
        case K_RETURN:
            next(ps);
            x = node1(ps, N_RETURN, starts_expr(ps) ? p_testlist_star(ps, true) : NULL);
            break;
        case K_RAISE: {
            next(ps);
            pn *e = starts_expr(ps) ? p_test(ps) : NULL;
            pn *c = e && accept_kw(ps, K_FROM) ? p_test(ps) : NULL;
            x = node2(ps, N_RAISE, e, c);
            break;
        }
        case K_GLOBAL:
        case K_NONLOCAL: {
            int kind = ps->t.op == K_GLOBAL ? N_GLOBAL : N_NONLOCAL;
            next(ps);
            nlist l;
            nl_init(&l);
            do {
                pn *nm = node(ps, N_NAME, 0);
                nm->v = PY_MK_QSTR(expect_name(ps));
                nl_add(ps, &l, nm);
            } while (accept_op(ps, ","));
            x = nl_node(ps, kind, &l, line);
            break;
        }
        case K_DEL: {
            next(ps);
            pn *t = p_testlist_star(ps, false);
            check_target(ps, t, true);
            x = node1(ps, N_DEL, t);
            break;
        }
        case K_ASSERT: {
            next(ps);
            pn *c = p_test(ps);
            pn *m = accept_op(ps, ",") ? p_test(ps) : NULL;
            x = node2(ps, N_ASSERT, c, m);
            break;
        }
        case K_IMPORT:
        case K_FROM: x = p_import(ps); break;
        default: x = p_simple(ps); break;
        }
    } else {
        x = p_simple(ps);
    }
    x->line = line;
    return x;
}

/* simple_stmt: small (';' small)* NEWLINE -> one node or a block */
static pn *p_simple_line(parser *ps)
{
    pn *x = p_small_stmt(ps);
    if (!is_op(ps, ";")) {
        if (ps->t.type != T_NEWLINE && ps->t.type != T_END) {
            if (ps->t.type == T_INDENT) {
                error(ps, "unexpected indent");
            }
            error(ps, "invalid syntax");
        }
        next(ps);
        return x;
    }
    nlist l;
    nl_init(&l);
    nl_add(ps, &l, x);
    while (accept_op(ps, ";")) {
        if (ps->t.type == T_NEWLINE || ps->t.type == T_END) {
            break;
        }
        nl_add(ps, &l, p_small_stmt(ps));
    }
    if (ps->t.type != T_NEWLINE && ps->t.type != T_END) {
        error(ps, "invalid syntax");
    }
    next(ps);
    return nl_node(ps, N_BLOCK, &l, x->line);
}

static pn *p_suite(parser *ps)
{
    expect_op(ps, ":");
    if (ps->t.type != T_NEWLINE) {
        return p_simple_line(ps);
    }
    next(ps);
    if (ps->t.type != T_INDENT) {
        error(ps, "expected an indented block");
    }
    next(ps);
    return p_block(ps);
}

/* statements until DEDENT */
static pn *p_block(parser *ps)
{
    nlist l;
    nl_init(&l);
    uint32_t line = ps->t.line;
    enter(ps);
    while (ps->t.type != T_DEDENT && ps->t.type != T_END) {
        nl_add(ps, &l, p_stmt(ps));
    }
    leave(ps);
    if (ps->t.type == T_DEDENT) {
        next(ps);
    }
    return nl_node(ps, N_BLOCK, &l, line);
}

static pn *p_if(parser *ps)
{
    uint32_t line = ps->t.line;
    next(ps);
    pn *cond = p_test(ps);
    if (accept_op(ps, ":=")) {
        cond = node2(ps, N_WALRUS, cond, p_test(ps));
    }
    pn *body = p_suite(ps);
    pn *orelse = NULL;
    if (is_kw(ps, K_ELIF)) {
        orelse = p_if(ps);
    } else if (accept_kw(ps, K_ELSE)) {
        orelse = p_suite(ps);
    }
    pn *x = node(ps, N_IF, 3);
    x->k[0] = cond;
    x->k[1] = body;
    x->k[2] = orelse;
    x->line = line;
    return x;
}

static pn *p_target_list(parser *ps)
{
    uint32_t line = ps->t.line;
    nlist l;
    nl_init(&l);
    nl_add(ps, &l, p_target_item(ps));
    bool tuple = false;
    while (accept_op(ps, ",")) {
        tuple = true;
        if (is_kw(ps, K_IN) || is_op(ps, "=")) {
            break;
        }
        nl_add(ps, &l, p_target_item(ps));
    }
    pn *t = tuple ? nl_node(ps, N_TUPLE, &l, line) : l.items[0];
    check_target(ps, t, false);
    return t;
}

static pn *p_param(parser *ps, bool lambda, int kind)
{
    pn *p = node(ps, N_PARAM, 1);
    p->v = PY_MK_QSTR(expect_name(ps));
    p->op = (uint8_t)kind;
    p->k[0] = NULL;
    if (!lambda && accept_op(ps, ":")) {
        p_test(ps); /* annotation: evaluated nowhere, like MicroPython */
    }
    return p;
}

static pn *p_params(parser *ps, bool lambda)
{
    nlist l;
    nl_init(&l);
    uint32_t line = ps->t.line;
    const char *close = lambda ? ":" : ")";
    bool kwonly = false, seen_default = false, seen_varkw = false;
    size_t posonly = 0;
    while (!is_op(ps, close)) {
        if (seen_varkw) {
            error(ps, "arguments cannot follow var-keyword argument");
        }
        if (accept_op(ps, "**")) {
            nl_add(ps, &l, p_param(ps, lambda, P_VARKW));
            seen_varkw = true;
        } else if (accept_op(ps, "*")) {
            if (kwonly) {
                error(ps, "* argument may appear only once");
            }
            kwonly = true;
            if (ps->t.type == T_NAME) {
                nl_add(ps, &l, p_param(ps, lambda, P_VARARG));
            } else if (is_op(ps, close) || (is_op(ps, ",") && (next(ps), is_op(ps, close)))) {
                error(ps, "named arguments must follow bare *");
            } else {
                continue;
            }
        } else if (accept_op(ps, "/")) {
            if (kwonly || posonly > 0) {
                error(ps, posonly > 0 ? "/ may appear only once" : "/ must be ahead of *");
            }
            if (l.n == 0) {
                error(ps, "at least one argument must precede /");
            }
            posonly = l.n; /* everything so far is positional (checked above) */
        } else {
            pn *p = p_param(ps, lambda, kwonly ? P_KWONLY : P_POS);
            if (accept_op(ps, "=")) {
                p->k[0] = p_test(ps);
                seen_default = !kwonly || seen_default;
            } else if (seen_default && !kwonly) {
                error(ps, "non-default argument follows default argument");
            }
            for (size_t i = 0; i < l.n; i++) {
                if (l.items[i]->v == p->v) {
                    error(ps, "duplicate argument in function definition");
                }
            }
            nl_add(ps, &l, p);
        }
        if (!accept_op(ps, ",")) {
            break;
        }
    }
    if (posonly > 0xff) {
        error(ps, "too many positional-only parameters");
    }
    pn *x = nl_node(ps, N_PARAMS, &l, line);
    x->op = (uint8_t)posonly;
    return x;
}

static pn *p_funcdef(parser *ps, pn *decorators, bool async)
{
    uint32_t line = ps->t.line;
    next(ps); /* def */
    py_qstr name = expect_name(ps);
    expect_op(ps, "(");
    pn *params = p_params(ps, false);
    expect_op(ps, ")");
    if (accept_op(ps, "->")) {
        p_test(ps);
    }
    pn *body = p_suite(ps);
    pn *x = node(ps, N_FUNCDEF, 3);
    x->v = PY_MK_QSTR(name);
    x->k[0] = params;
    x->k[1] = body;
    x->k[2] = decorators;
    x->op = async;
    x->line = line;
    return x;
}

static pn *p_classdef(parser *ps, pn *decorators)
{
    uint32_t line = ps->t.line;
    next(ps);
    py_qstr name = expect_name(ps);
    pn *args;
    if (accept_op(ps, "(")) {
        args = p_call_args(ps, NULL);
    } else {
        args = node(ps, N_CALL, 1);
        args->k[0] = NULL;
    }
    pn *body = p_suite(ps);
    pn *x = node(ps, N_CLASSDEF, 3);
    x->v = PY_MK_QSTR(name);
    x->k[0] = args;
    x->k[1] = body;
    x->k[2] = decorators;
    x->line = line;
    return x;
}

static pn *p_try(parser *ps)
{
    uint32_t line = ps->t.line;
    next(ps);
    pn *body = p_suite(ps);
    nlist h;
    nl_init(&h);
    uint32_t hline = ps->t.line;
    while (is_kw(ps, K_EXCEPT)) {
        uint32_t l2 = ps->t.line;
        next(ps);
        pn *hd = node(ps, N_HANDLER, 2);
        hd->line = l2;
        hd->k[0] = NULL;
        if (!is_op(ps, ":")) {
            hd->k[0] = p_test(ps);
            if (is_op(ps, ",")) {
                nlist tl;
                nl_init(&tl);
                nl_add(ps, &tl, hd->k[0]);
                while (accept_op(ps, ",")) {
                    nl_add(ps, &tl, p_test(ps));
                }
                hd->k[0] = nl_node(ps, N_TUPLE, &tl, l2);
            }
            if (accept_kw(ps, K_AS)) {
                hd->v = PY_MK_QSTR(expect_name(ps));
            }
        }
        hd->k[1] = p_suite(ps);
        nl_add(ps, &h, hd);
        if (hd->k[0] == NULL && is_kw(ps, K_EXCEPT)) {
            error(ps, "default 'except:' must be last");
        }
    }
    pn *orelse = NULL, *fin = NULL;
    if (h.n > 0 && accept_kw(ps, K_ELSE)) {
        orelse = p_suite(ps);
    }
    if (accept_kw(ps, K_FINALLY)) {
        fin = p_suite(ps);
    }
    if (h.n == 0 && fin == NULL) {
        expected(ps, "'except' or 'finally' block");
    }
    pn *x = node(ps, N_TRY, 4);
    x->k[0] = body;
    x->k[1] = h.n ? nl_node(ps, N_BLOCK, &h, hline) : NULL;
    x->k[2] = orelse;
    x->k[3] = fin;
    x->line = line;
    return x;
}

static pn *p_with(parser *ps, bool async)
{
    uint32_t line = ps->t.line;
    next(ps);
    nlist l;
    nl_init(&l);
    bool paren = false;
    if (is_op(ps, "(")) {
        /* parenthesised items: try to detect "with (a as b, c):" by scanning */
        const char *save = ps->p;
        tok savet = ps->t;
        bool savepeek = ps->has_peek;
        tok savepk = ps->peek;
        int savenest = ps->nest;
        uint32_t saveline = ps->line;
        int depth = 0;
        bool has_as = false;
        next(ps);
        depth = 1;
        while (depth > 0 && ps->t.type != T_END) {
            if (is_op(ps, "(")) {
                depth++;
            } else if (is_op(ps, ")")) {
                depth--;
            } else if (depth == 1 && is_kw(ps, K_AS)) {
                has_as = true;
            }
            if (depth > 0) {
                next(ps);
            }
        }
        next(ps);
        paren = has_as && is_op(ps, ":");
        ps->p = save;
        ps->t = savet;
        ps->has_peek = savepeek;
        ps->peek = savepk;
        ps->nest = savenest;
        ps->line = saveline;
        if (paren) {
            next(ps);
        }
    }
    do {
        if (paren && is_op(ps, ")")) {
            break;
        }
        pn *item = node(ps, N_WITHITEM, 2);
        item->k[0] = p_test(ps);
        item->k[1] = NULL;
        if (accept_kw(ps, K_AS)) {
            item->k[1] = p_star_expr(ps);
            check_target(ps, item->k[1], false);
        }
        nl_add(ps, &l, item);
    } while (accept_op(ps, ","));
    if (paren) {
        expect_op(ps, ")");
    }
    nl_add(ps, &l, p_suite(ps));
    pn *x = nl_node(ps, N_WITH, &l, line);
    x->op = async;
    return x;
}

static pn *p_stmt(parser *ps)
{
    uint32_t line = ps->t.line;
    if (ps->t.type == T_INDENT) {
        error(ps, "unexpected indent");
    }
    if (is_op(ps, "@")) {
        nlist l;
        nl_init(&l);
        while (accept_op(ps, "@")) {
            nl_add(ps, &l, p_test(ps));
            if (ps->t.type != T_NEWLINE) {
                error(ps, "invalid syntax");
            }
            next(ps);
        }
        pn *decs = nl_node(ps, N_BLOCK, &l, line);
        bool async = accept_kw(ps, K_ASYNC);
        if (is_kw(ps, K_DEF)) {
            return p_funcdef(ps, decs, async);
        }
        if (is_kw(ps, K_CLASS) && !async) {
            return p_classdef(ps, decs);
        }
        error(ps, "invalid syntax");
    }
    if (ps->t.type != T_KW) {
        return p_simple_line(ps);
    }
    switch (ps->t.op) {
    case K_IF: return p_if(ps);
    case K_WHILE: {
        next(ps);
        pn *cond = p_test(ps);
        if (accept_op(ps, ":=")) {
            cond = node2(ps, N_WALRUS, cond, p_test(ps));
        }
        pn *body = p_suite(ps);
        pn *orelse = accept_kw(ps, K_ELSE) ? p_suite(ps) : NULL;
        pn *x = node(ps, N_WHILE, 3);
        x->k[0] = cond;
        x->k[1] = body;
        x->k[2] = orelse;
        x->line = line;
        return x;
    }
    case K_FOR: {
        next(ps);
        pn *target = p_target_list(ps);
        if (!accept_kw(ps, K_IN)) {
            expected(ps, "'in'");
        }
        pn *iter = p_testlist_star(ps, true);
        pn *body = p_suite(ps);
        pn *orelse = accept_kw(ps, K_ELSE) ? p_suite(ps) : NULL;
        pn *x = node(ps, N_FOR, 4);
        x->k[0] = target;
        x->k[1] = iter;
        x->k[2] = body;
        x->k[3] = orelse;
        x->line = line;
        return x;
    }
    case K_TRY: return p_try(ps);
    case K_WITH: return p_with(ps, false);
    case K_DEF: return p_funcdef(ps, NULL, false);
    case K_CLASS: return p_classdef(ps, NULL);
    case K_ASYNC: {
        next(ps);
        if (is_kw(ps, K_DEF)) {
            return p_funcdef(ps, NULL, true);
        }
        if (is_kw(ps, K_WITH)) {
            return p_with(ps, true);
        }
        if (accept_kw(ps, K_FOR)) {
            pn *target = p_target_list(ps);
            if (!accept_kw(ps, K_IN)) {
                expected(ps, "'in'");
            }
            pn *iter = p_testlist_star(ps, true);
            pn *body = p_suite(ps);
            pn *orelse = accept_kw(ps, K_ELSE) ? p_suite(ps) : NULL;
            pn *f = node(ps, N_FOR, 4);
            f->k[0] = target;
            f->k[1] = iter;
            f->k[2] = body;
            f->k[3] = orelse;
            f->op = 1;
            f->line = line;
            return f;
        }
        error(ps, "invalid syntax");
    }
    case K_ELSE:
    case K_ELIF:
    case K_EXCEPT:
    case K_FINALLY: error(ps, "invalid syntax");
    default: return p_simple_line(ps);
    }
}

pn *py_parse(py_ctx *ctx, const char *src, size_t len, py_qstr filename, int mode)
{
    parser ps;
    memset(&ps, 0, sizeof(ps));
    ps.ctx = ctx;
    ps.src = src;
    ps.p = src;
    ps.end = src + len;
    ps.file = filename;
    ps.line = 1;
    ps.n_indent = 1;
    ps.at_bol = true;
    ps.mode = mode;
    next(&ps);
    if (mode == RTPY_MODE_EVAL) {
        while (ps.t.type == T_NEWLINE) {
            next(&ps);
        }
        pn *e = p_testlist_star(&ps, false);
        while (ps.t.type == T_NEWLINE) {
            next(&ps);
        }
        if (ps.t.type != T_END) {
            error(&ps, "invalid syntax");
        }
        return e;
    }
    nlist l;
    nl_init(&l);
    while (ps.t.type != T_END) {
        if (ps.t.type == T_NEWLINE) {
            next(&ps);
            continue;
        }
        if (ps.t.type == T_DEDENT) {
            next(&ps);
            continue;
        }
        nl_add(&ps, &l, p_stmt(&ps));
    }
    return nl_node(&ps, N_BLOCK, &l, 1);
}

/* REPL helper: is the source a complete statement? */
int rtpy_input_complete(const char *src, size_t len)
{
    int depth = 0;
    char quote = 0;
    bool triple = false;
    const char *p = src, *end = src + len;
    const char *last_line = src;
    bool cont = false;
    while (p < end) {
        char c = *p;
        if (quote) {
            if (c == '\\') {
                p += 2;
                continue;
            }
            if (c == quote && (!triple || (p + 2 < end && p[1] == quote && p[2] == quote))) {
                p += triple ? 3 : 1;
                quote = 0;
                continue;
            }
            if (c == '\n' && !triple) {
                quote = 0;
            }
            p++;
            continue;
        }
        if (c == '#') {
            while (p < end && *p != '\n') {
                p++;
            }
            continue;
        }
        if (c == '\'' || c == '"') {
            quote = c;
            triple = p + 2 < end && p[1] == c && p[2] == c;
            p += triple ? 3 : 1;
            continue;
        }
        if (c == '(' || c == '[' || c == '{') {
            depth++;
        } else if (c == ')' || c == ']' || c == '}') {
            depth--;
        } else if (c == '\n' && p + 1 < end) {
            last_line = p + 1;
        }
        p++;
    }
    if (quote && triple) {
        return 0;
    }
    if (depth > 0) {
        return 0;
    }
    /* trailing backslash or ':' on the last non-empty line */
    const char *e = end;
    while (e > src && (e[-1] == '\n' || e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r')) {
        e--;
    }
    if (e > src && (e[-1] == '\\' || e[-1] == ':')) {
        cont = true;
    }
    if (cont) {
        return 0;
    }
    /* a multi-line compound statement ends with an empty line */
    bool multiline = memchr(src, '\n', (size_t)(e - src)) != NULL;
    if (multiline || (src < end && (*src == ' ' || *src == '\t'))) {
        return len >= 1 && end[-1] == '\n' && (len >= 2 && end[-2] == '\n') ? 1 : 0;
    }
    (void)last_line;
    return 1;
}
