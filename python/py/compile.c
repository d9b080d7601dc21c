/* Bytecode compiler: scope analysis over the syntax tree, then code
 * generation into code objects (one per function, class body, lambda and
 * comprehension). */
#include "ast.h"
#include "bc.h"

/* --- scopes ------------------------------------------------------------------------- */

enum { SC_MODULE, SC_FUNCTION, SC_CLASS, SC_COMP };

#define S_ASSIGNED 0x01
#define S_USED     0x02
#define S_GLOBAL   0x04 /* declared global */
#define S_NONLOCAL 0x08
#define S_PARAM    0x10
#define S_CELL     0x20  /* local captured by an inner function */
#define S_FREE     0x40  /* variable of an enclosing function */
#define S_IGLOBAL  0x80  /* resolved to global */
#define S_NAME     0x100 /* class/module namespace lookup */

typedef struct symbol {
    py_qstr name;
    uint16_t flags;
    uint16_t slot;
} symbol;

typedef struct scope {
    struct scope *parent;
    pn *node;
    uint8_t kind;
    bool generator, async, has_varargs, has_varkw;
    uint16_t n_pos, n_kwonly, n_posonly;
    symbol *syms;
    size_t n, cap;
    uint16_t n_slots, n_free;
    py_qstr name;
} scope;

typedef struct comp {
    py_ctx *ctx;
    py_qstr file;
    int mode;
    bool names; /* module level uses LOAD_NAME (exec/eval with a locals dict) */
    scope **scopes;
    size_t n_scopes, cap_scopes;
} comp;

static _Noreturn void cerror(comp *c, pn *at, const char *msg)
{
    py_syntax_error(c->ctx, c->file, at ? at->line : 0, msg);
}

static scope *scope_new(comp *c, scope *parent, pn *node, int kind, py_qstr name)
{
    scope *s = py_alloc(c->ctx, sizeof(scope));
    s->parent = parent;
    s->node = node;
    s->kind = (uint8_t)kind;
    s->name = name;
    if (node != NULL) {
        node->scope = s;
    }
    if (c->n_scopes == c->cap_scopes) {
        size_t nc = c->cap_scopes ? c->cap_scopes * 2 : 16;
        scope **ns = py_alloc(c->ctx, nc * sizeof(scope *));
        if (c->n_scopes) {
            memcpy(ns, c->scopes, c->n_scopes * sizeof(scope *));
        }
        c->scopes = ns;
        c->cap_scopes = nc;
    }
    c->scopes[c->n_scopes++] = s;
    return s;
}

static symbol *sym_find(scope *s, py_qstr name)
{
    for (size_t i = 0; i < s->n; i++) {
        if (s->syms[i].name == name) {
            return &s->syms[i];
        }
    }
    return NULL;
}

static symbol *sym_add(comp *c, scope *s, py_qstr name, uint16_t flags)
{
    symbol *y = sym_find(s, name);
    if (y == NULL) {
        if (s->n == s->cap) {
            size_t nc = s->cap ? s->cap * 2 : 8;
            symbol *ns = py_alloc_raw(c->ctx, nc * sizeof(symbol));
            if (s->n) {
                memcpy(ns, s->syms, s->n * sizeof(symbol));
            }
            s->syms = ns;
            s->cap = nc;
        }
        y = &s->syms[s->n++];
        y->name = name;
        y->flags = 0;
        y->slot = 0xffff;
    }
    y->flags |= flags;
    return y;
}

/* --- scan pass ------------------------------------------------------------------------ */

static void scan_expr(comp *c, scope *s, pn *x);
static void scan_stmt(comp *c, scope *s, pn *x);

static void scan_target(comp *c, scope *s, pn *t)
{
    if (t == NULL) {
        return;
    }
    switch (t->kind) {
    case N_NAME: sym_add(c, s, PY_QSTR(t->v), S_ASSIGNED); break;
    case N_TUPLE:
    case N_LIST:
        for (size_t i = 0; i < t->n; i++) {
            scan_target(c, s, t->k[i]);
        }
        break;
    case N_STARRED: scan_target(c, s, t->k[0]); break;
    default: scan_expr(c, s, t); break;
    }
}

static void scan_params(comp *c, scope *outer, scope *s, pn *params)
{
    s->n_posonly = params->op;
    for (size_t i = 0; i < params->n; i++) {
        pn *p = params->k[i];
        if (p->k[0] != NULL) {
            scan_expr(c, outer, p->k[0]);
        }
    }
    /* positional, then keyword-only, then *args, then **kw */
    for (int pass = 0; pass < 4; pass++) {
        static const int order[] = {P_POS, P_KWONLY, P_VARARG, P_VARKW};
        for (size_t i = 0; i < params->n; i++) {
            pn *p = params->k[i];
            if (p->op != order[pass]) {
                continue;
            }
            sym_add(c, s, PY_QSTR(p->v), S_ASSIGNED | S_PARAM);
            if (p->op == P_POS) {
                s->n_pos++;
            } else if (p->op == P_KWONLY) {
                s->n_kwonly++;
            } else if (p->op == P_VARARG) {
                s->has_varargs = true;
            } else {
                s->has_varkw = true;
            }
        }
    }
}

static void scan_comp(comp *c, scope *s, pn *x)
{
    /* the first iterable is evaluated in the enclosing scope */
    pn *first = x->k[2];
    scan_expr(c, s, first->k[1]);
    scope *cs = scope_new(c, s, x, SC_COMP,
                          x->kind == N_LISTCOMP   ? PY_Q_lt_listcomp
                          : x->kind == N_SETCOMP  ? PY_Q_lt_setcomp
                          : x->kind == N_DICTCOMP ? PY_Q_lt_dictcomp
                                                  : PY_Q_lt_genexpr);
    sym_add(c, cs, PY_Q_dot, S_ASSIGNED | S_PARAM);
    cs->n_pos = 1;
    cs->generator = x->kind == N_GENEXP;
    for (size_t i = 2; i < x->n; i++) {
        pn *cl = x->k[i];
        if (cl->kind == N_COMPFOR) {
            scan_target(c, cs, cl->k[0]);
            if (i > 2) {
                scan_expr(c, cs, cl->k[1]);
            }
            if (cl->op) {
                cs->async = true;
            }
        } else {
            scan_expr(c, cs, cl->k[0]);
        }
    }
    scan_expr(c, cs, x->k[0]);
    if (x->k[1] != NULL) {
        scan_expr(c, cs, x->k[1]);
    }
}

static void scan_expr(comp *c, scope *s, pn *x)
{
    if (x == NULL) {
        return;
    }
    PY_CSTACK_CHECK(c->ctx);
    switch (x->kind) {
    case N_NAME: sym_add(c, s, PY_QSTR(x->v), S_USED); return;
    case N_CONST: return;
    case N_LAMBDA: {
        scope *ls = scope_new(c, s, x, SC_FUNCTION, PY_Q_lt_lambda);
        scan_params(c, s, ls, x->k[0]);
        scan_expr(c, ls, x->k[1]);
        return;
    }
    case N_LISTCOMP:
    case N_SETCOMP:
    case N_DICTCOMP:
    case N_GENEXP: scan_comp(c, s, x); return;
    case N_YIELD:
    case N_YIELDFROM:
        if (s->kind == SC_MODULE || s->kind == SC_CLASS) {
            cerror(c, x, "'yield' outside function");
        }
        s->generator = true;
        break;
    case N_AWAIT:
        if (s->kind != SC_FUNCTION && s->kind != SC_COMP) {
            cerror(c, x, "'await' outside function");
        }
        break;
    case N_WALRUS: {
        scope *t = s;
        while (t->kind == SC_COMP) {
            sym_add(c, t, PY_QSTR(x->k[0]->v), S_USED);
            t = t->parent;
        }
        sym_add(c, t, PY_QSTR(x->k[0]->v), S_ASSIGNED);
        scan_expr(c, s, x->k[1]);
        return;
    }
    case N_KW:
    case N_ATTR:
        if (x->kind == N_ATTR || x->kind == N_KW) {
            scan_expr(c, s, x->k[0]);
            return;
        }
        break;
    }
    for (size_t i = 0; i < x->n; i++) {
        scan_expr(c, s, x->k[i]);
    }
}

static void scan_block(comp *c, scope *s, pn *b)
{
    if (b == NULL) {
        return;
    }
    if (b->kind != N_BLOCK) {
        scan_stmt(c, s, b);
        return;
    }
    for (size_t i = 0; i < b->n; i++) {
        scan_stmt(c, s, b->k[i]);
    }
}

static void scan_stmt(comp *c, scope *s, pn *x)
{
    PY_CSTACK_CHECK(c->ctx);
    switch (x->kind) {
    case N_BLOCK: scan_block(c, s, x); return;
    case N_ASSIGN:
        for (size_t i = 0; i + 1 < x->n; i++) {
            scan_target(c, s, x->k[i]);
        }
        scan_expr(c, s, x->k[x->n - 1]);
        return;
    case N_AUGASSIGN:
        scan_target(c, s, x->k[0]);
        if (x->k[0]->kind == N_NAME) {
            sym_add(c, s, PY_QSTR(x->k[0]->v), S_USED);
        }
        scan_expr(c, s, x->k[1]);
        return;
    case N_ANNASSIGN:
        if (x->k[2] != NULL || x->k[0]->kind != N_NAME) {
            scan_target(c, s, x->k[0]);
        }
        scan_expr(c, s, x->k[2]);
        return;
    case N_DEL: scan_target(c, s, x->k[0]); return;
    case N_GLOBAL:
    case N_NONLOCAL:
        for (size_t i = 0; i < x->n; i++) {
            py_qstr q = PY_QSTR(x->k[i]->v);
            symbol *y = sym_find(s, q);
            if (y != NULL && (y->flags & (S_ASSIGNED | S_USED)) &&
                !(y->flags & (S_GLOBAL | S_NONLOCAL))) {
                cerror(c, x,
                       x->kind == N_GLOBAL ? "name is assigned to before global declaration"
                                           : "name is assigned to before nonlocal declaration");
            }
            if (x->kind == N_NONLOCAL && (s->kind == SC_MODULE)) {
                cerror(c, x, "nonlocal declaration not allowed at module level");
            }
            sym_add(c, s, q, x->kind == N_GLOBAL ? S_GLOBAL : S_NONLOCAL);
        }
        return;
    case N_IMPORT:
        for (size_t i = 0; i < x->n; i++) {
            pn *a = x->k[i];
            if (a->k[0] != NULL) {
                sym_add(c, s, PY_QSTR(a->k[0]->v), S_ASSIGNED);
            } else {
                size_t n;
                const char *d = py_qstr_str(c->ctx, PY_QSTR(a->v), &n);
                const char *dot = memchr(d, '.', n);
                sym_add(c, s, dot ? py_qstr_from(c->ctx, d, (size_t)(dot - d)) : PY_QSTR(a->v),
                        S_ASSIGNED);
            }
        }
        return;
    case N_IMPORTFROM:
        for (size_t i = 0; i < x->n; i++) {
            pn *a = x->k[i];
            if (a->v == PY_NULL) {
                if (s->kind != SC_MODULE) {
                    cerror(c, x, "import * only allowed at module level");
                }
                continue;
            }
            sym_add(c, s, PY_QSTR(a->k[0] ? a->k[0]->v : a->v), S_ASSIGNED);
        }
        return;
    case N_FOR:
        scan_target(c, s, x->k[0]);
        scan_expr(c, s, x->k[1]);
        scan_block(c, s, x->k[2]);
        scan_block(c, s, x->k[3]);
        return;
    case N_WITH:
        for (size_t i = 0; i + 1 < x->n; i++) {
            scan_expr(c, s, x->k[i]->k[0]);
            scan_target(c, s, x->k[i]->k[1]);
        }
        scan_block(c, s, x->k[x->n - 1]);
        return;
    case N_TRY:
        scan_block(c, s, x->k[0]);
        if (x->k[1] != NULL) {
            for (size_t i = 0; i < x->k[1]->n; i++) {
                pn *h = x->k[1]->k[i];
                scan_expr(c, s, h->k[0]);
                if (h->v != PY_NULL) {
                    sym_add(c, s, PY_QSTR(h->v), S_ASSIGNED);
                }
                scan_block(c, s, h->k[1]);
            }
        }
        scan_block(c, s, x->k[2]);
        scan_block(c, s, x->k[3]);
        return;
    case N_IF:
    case N_WHILE:
        scan_expr(c, s, x->k[0]);
        scan_block(c, s, x->k[1]);
        scan_block(c, s, x->k[2]);
        return;
    case N_FUNCDEF: {
        if (x->k[2] != NULL) {
            for (size_t i = 0; i < x->k[2]->n; i++) {
                scan_expr(c, s, x->k[2]->k[i]);
            }
        }
        sym_add(c, s, PY_QSTR(x->v), S_ASSIGNED);
        scope *fs = scope_new(c, s, x, SC_FUNCTION, PY_QSTR(x->v));
        fs->async = x->op != 0;
        scan_params(c, s, fs, x->k[0]);
        scan_block(c, fs, x->k[1]);
        return;
    }
    case N_CLASSDEF: {
        if (x->k[2] != NULL) {
            for (size_t i = 0; i < x->k[2]->n; i++) {
                scan_expr(c, s, x->k[2]->k[i]);
            }
        }
        for (size_t i = 1; i < x->k[0]->n; i++) {
            scan_expr(c, s, x->k[0]->k[i]);
        }
        sym_add(c, s, PY_QSTR(x->v), S_ASSIGNED);
        scope *cs = scope_new(c, s, x, SC_CLASS, PY_QSTR(x->v));
        scan_block(c, cs, x->k[1]);
        return;
    }
    case N_RETURN:
        if (s->kind != SC_FUNCTION) {
            cerror(c, x, "'return' outside function");
        }
        scan_expr(c, s, x->k[0]);
        return;
    default:
        for (size_t i = 0; i < x->n; i++) {
            scan_expr(c, s, x->k[i]);
        }
    }
}

/* --- resolution ----------------------------------------------------------------------- */

static bool is_fun(scope *s)
{
    return s->kind == SC_FUNCTION || s->kind == SC_COMP;
}

/* Find the function scope owning `name` above s; mark the path. */
static bool capture(comp *c, scope *s, py_qstr name)
{
    for (scope *p = s->parent; p != NULL; p = p->parent) {
        if (p->kind == SC_CLASS) {
            continue;
        }
        if (p->kind == SC_MODULE) {
            return false;
        }
        symbol *y = sym_find(p, name);
        if (y != NULL && (y->flags & S_GLOBAL)) {
            return false;
        }
        if (y != NULL && ((y->flags & S_ASSIGNED) || (y->flags & (S_NONLOCAL | S_FREE)))) {
            if (y->flags & (S_NONLOCAL | S_FREE)) {
                y->flags |= S_FREE;
            } else {
                y->flags |= S_CELL;
            }
            /* intermediate functions pass the cell through */
            for (scope *q = s->parent; q != p; q = q->parent) {
                sym_add(c, q, name, S_FREE);
            }
            return true;
        }
    }
    return false;
}

static void resolve(comp *c, scope *s)
{
    for (size_t i = 0; i < s->n; i++) {
        symbol *y = &s->syms[i];
        uint16_t f = y->flags;
        if (s->kind == SC_MODULE) {
            y->flags |= S_IGLOBAL;
            continue;
        }
        if (f & S_GLOBAL) {
            y->flags |= S_IGLOBAL;
            continue;
        }
        if (f & S_NONLOCAL) {
            if (!capture(c, s, y->name)) {
                cerror(c, s->node, "no binding for nonlocal found");
            }
            y->flags |= S_FREE;
            continue;
        }
        if (s->kind == SC_CLASS) {
            if (!(f & S_ASSIGNED) && capture(c, s, y->name)) {
                y->flags |= S_FREE;
            } else {
                y->flags |= S_NAME;
            }
            continue;
        }
        if (f & (S_ASSIGNED | S_FREE)) {
            continue; /* local (or already a pass-through free) */
        }
        if (capture(c, s, y->name)) {
            y->flags |= S_FREE;
        } else {
            y->flags |= S_IGLOBAL;
        }
    }
}

/* Slots: parameters in order, other locals, then free variables last. */
static void assign_slots(scope *s)
{
    uint16_t n = 0;
    if (!is_fun(s) && s->kind != SC_CLASS) {
        return;
    }
    for (size_t i = 0; i < s->n; i++) {
        if (s->syms[i].flags & S_PARAM) {
            s->syms[i].slot = n++;
        }
    }
    for (size_t i = 0; i < s->n; i++) {
        uint16_t f = s->syms[i].flags;
        if (!(f & (S_PARAM | S_IGLOBAL | S_NAME | S_FREE)) && is_fun(s)) {
            s->syms[i].slot = n++;
        }
    }
    uint16_t nf = 0;
    for (size_t i = 0; i < s->n; i++) {
        if ((s->syms[i].flags & S_FREE) && !(s->syms[i].flags & S_PARAM)) {
            s->syms[i].slot = n++;
            nf++;
        }
    }
    s->n_slots = n;
    s->n_free = nf;
}

/* --- code generation ---------------------------------------------------------------------- */

enum {
    FB_LOOP,
    FB_FOR,
    FB_TRY_EXCEPT,
    FB_TRY_FINALLY,
    FB_HANDLER,
    FB_FIN_HANDLER,
    FB_WITH,
    FB_ASYNC_WITH
};

typedef struct fblock {
    uint8_t kind;
    bool protect;   /* has an exception-table segment */
    int brk, cont;  /* labels (loops) */
    int handler;    /* label of the exception handler */
    uint16_t depth; /* stack depth kept when the handler runs */
    uint16_t level;
    uint32_t seg_start;
    pn *final; /* finally body */
} fblock;

#define MAX_FBLOCK 40

typedef struct cunit {
    comp *c;
    scope *sc;
    uint8_t *bc;
    size_t len, cap;
    py_val consts; /* list */
    uint32_t *lines;
    size_t n_lines, cap_lines;
    py_exc_range *exc;
    size_t n_exc, cap_exc;
    uint32_t *labels;
    size_t n_labels, cap_labels;
    uint32_t *fixups; /* pairs: position, label */
    size_t n_fix, cap_fix;
    int depth, max_depth;
    uint16_t n_cache;
    uint32_t line;
    fblock fb[MAX_FBLOCK];
    int n_fb;
    int n_protect;
} cunit;

static void *grow(py_ctx *ctx, void *p, size_t *cap, size_t need, size_t elem, bool raw)
{
    if (need <= *cap) {
        return p;
    }
    size_t nc = *cap ? *cap * 2 : 16;
    while (nc < need) {
        nc *= 2;
    }
    void *q = raw ? py_alloc_raw(ctx, nc * elem) : py_alloc(ctx, nc * elem);
    if (*cap) {
        memcpy(q, p, *cap * elem);
    }
    *cap = nc;
    return q;
}

static void adjust(cunit *u, int delta)
{
    u->depth += delta;
    if (u->depth > u->max_depth) {
        u->max_depth = u->depth;
    }
}

static void emit_byte(cunit *u, uint8_t b)
{
    u->bc = grow(u->c->ctx, u->bc, &u->cap, u->len + 1, 1, true);
    u->bc[u->len++] = b;
}

static void emit_u16(cunit *u, unsigned v)
{
    if (v > 0xffff) {
        cerror(u->c, NULL, "code too complex");
    }
    emit_byte(u, (uint8_t)(v & 0xff));
    emit_byte(u, (uint8_t)(v >> 8));
}

static void mark_line(cunit *u, uint32_t line)
{
    if (line == 0 || line == u->line) {
        return;
    }
    u->line = line;
    u->lines = grow(u->c->ctx, u->lines, &u->cap_lines, u->n_lines * 2 + 2, sizeof(uint32_t), true);
    u->lines[u->n_lines * 2] = (uint32_t)u->len;
    u->lines[u->n_lines * 2 + 1] = line;
    u->n_lines++;
}

static void op0(cunit *u, int op, int delta)
{
    emit_byte(u, (uint8_t)op);
    adjust(u, delta);
}

static void op8(cunit *u, int op, unsigned arg, int delta)
{
    emit_byte(u, (uint8_t)op);
    emit_byte(u, (uint8_t)arg);
    adjust(u, delta);
}

static void op16(cunit *u, int op, unsigned arg, int delta)
{
    emit_byte(u, (uint8_t)op);
    emit_u16(u, arg);
    adjust(u, delta);
}

static void op_cached(cunit *u, int op, unsigned q, int delta)
{
    emit_byte(u, (uint8_t)op);
    emit_u16(u, q);
    emit_u16(u, u->n_cache++);
    adjust(u, delta);
}

static int new_label(cunit *u)
{
    u->labels = grow(u->c->ctx, u->labels, &u->cap_labels, u->n_labels + 1, sizeof(uint32_t), true);
    u->labels[u->n_labels] = UINT32_MAX;
    return (int)u->n_labels++;
}

static void place(cunit *u, int label)
{
    u->labels[label] = (uint32_t)u->len;
}

static void jump(cunit *u, int op, int label, int delta)
{
    emit_byte(u, (uint8_t)op);
    u->fixups = grow(u->c->ctx, u->fixups, &u->cap_fix, u->n_fix * 2 + 2, sizeof(uint32_t), true);
    u->fixups[u->n_fix * 2] = (uint32_t)u->len;
    u->fixups[u->n_fix * 2 + 1] = (uint32_t)label;
    u->n_fix++;
    emit_u16(u, 0);
    adjust(u, delta);
}

static unsigned add_const(cunit *u, py_val v)
{
    py_list *l = PY_PTR(u->consts);
    for (size_t i = 0; i < l->len; i++) {
        if (l->items[i] == v) {
            return (unsigned)i;
        }
    }
    py_list_append(u->c->ctx, u->consts, v);
    return (unsigned)l->len - 1;
}

static void load_const(cunit *u, py_val v)
{
    if (v == PY_NONE) {
        op0(u, OP_LOAD_NONE, 1);
    } else if (v == PY_TRUE) {
        op0(u, OP_LOAD_TRUE, 1);
    } else if (v == PY_FALSE) {
        op0(u, OP_LOAD_FALSE, 1);
    } else if (PY_IS_SMALL(v) && PY_SMALL(v) >= -32768 && PY_SMALL(v) <= 32767) {
        op16(u, OP_LOAD_SMALL, (unsigned)(PY_SMALL(v) & 0xffff), 1);
    } else {
        op16(u, OP_LOAD_CONST, add_const(u, v), 1);
    }
}

/* exception table segments */
static void seg_close(cunit *u, fblock *b)
{
    if (b->protect && u->len > b->seg_start) {
        u->exc = grow(u->c->ctx, u->exc, &u->cap_exc, u->n_exc + 1, sizeof(py_exc_range), true);
        py_exc_range *r = &u->exc[u->n_exc++];
        r->start = (uint16_t)b->seg_start;
        r->end = (uint16_t)u->len;
        r->handler = (uint16_t)b->handler; /* label: fixed up at the end */
        r->depth = (uint16_t)(b->depth | (b->level << 10));
    }
    b->seg_start = (uint32_t)u->len;
}

static fblock *push_fb(cunit *u, int kind, bool protect, int handler, int depth)
{
    if (u->n_fb >= MAX_FBLOCK) {
        cerror(u->c, NULL, "too many statically nested blocks");
    }
    fblock *b = &u->fb[u->n_fb++];
    memset(b, 0, sizeof(*b));
    b->kind = (uint8_t)kind;
    b->protect = protect;
    b->handler = handler;
    b->depth = (uint16_t)depth;
    b->seg_start = (uint32_t)u->len;
    if (protect) {
        b->level = (uint16_t)++u->n_protect;
    }
    return b;
}

static void pop_fb(cunit *u)
{
    fblock *b = &u->fb[--u->n_fb];
    seg_close(u, b);
    if (b->protect) {
        u->n_protect--;
    }
}

/* --- names ------------------------------------------------------------------------------ */

typedef enum { NAME_LOAD, NAME_STORE, NAME_DEL } name_op;

static void name_op_emit(cunit *u, py_qstr q, name_op op)
{
    scope *s = u->sc;
    symbol *y = sym_find(s, q);
    uint16_t f = y ? y->flags : (s->kind == SC_CLASS ? S_NAME : S_IGLOBAL);
    if (s->kind == SC_MODULE && u->c->names) {
        f = S_NAME; /* exec()/eval(): module level names go through the locals dict */
    }
    if (f & S_IGLOBAL) {
        if (op == NAME_LOAD) {
            op_cached(u, OP_LOAD_GLOBAL, q, 1);
        } else {
            op16(u, op == NAME_STORE ? OP_STORE_GLOBAL : OP_DELETE_GLOBAL, q,
                 op == NAME_STORE ? -1 : 0);
        }
        return;
    }
    if (f & S_NAME) {
        op16(u,
             op == NAME_LOAD    ? OP_LOAD_NAME
             : op == NAME_STORE ? OP_STORE_NAME
                                : OP_DELETE_NAME,
             q,
             op == NAME_LOAD    ? 1
             : op == NAME_STORE ? -1
                                : 0);
        return;
    }
    bool deref = (f & (S_CELL | S_FREE)) != 0;
    int o;
    if (op == NAME_LOAD) {
        o = deref ? OP_LOAD_DEREF : OP_LOAD_FAST;
    } else if (op == NAME_STORE) {
        o = deref ? OP_STORE_DEREF : OP_STORE_FAST;
    } else {
        o = deref ? OP_DELETE_DEREF : OP_DELETE_FAST;
    }
    op16(u, o, y->slot, op == NAME_LOAD ? 1 : op == NAME_STORE ? -1 : 0);
}

/* --- expressions ----------------------------------------------------------------------- */

static void c_expr(cunit *u, pn *x);
static void c_stmt(cunit *u, pn *x);
static void c_block(cunit *u, pn *b);
static void c_store(cunit *u, pn *t);
static py_code *c_scope(comp *c, scope *s);

static void c_cond_jump(cunit *u, pn *x, bool when, int label)
{
    if (x->kind == N_NOT) {
        c_cond_jump(u, x->k[0], !when, label);
        return;
    }
    if ((x->kind == N_AND && !when) || (x->kind == N_OR && when)) {
        for (size_t i = 0; i < x->n; i++) {
            c_cond_jump(u, x->k[i], when, label);
        }
        return;
    }
    if (x->kind == N_AND || x->kind == N_OR) {
        int skip = new_label(u);
        for (size_t i = 0; i + 1 < x->n; i++) {
            c_cond_jump(u, x->k[i], !when, skip);
        }
        c_cond_jump(u, x->k[x->n - 1], when, label);
        place(u, skip);
        return;
    }
    c_expr(u, x);
    jump(u, when ? OP_POP_JUMP_IF_TRUE : OP_POP_JUMP_IF_FALSE, label, -1);
}

static void c_compare(cunit *u, pn *x)
{
    size_t n;
    const char *ops = py_str_get(u->c->ctx, x->v, &n);
    c_expr(u, x->k[0]);
    int cleanup = new_label(u), end = new_label(u);
    for (size_t i = 0; i < n; i++) {
        c_expr(u, x->k[i + 1]);
        bool last = i + 1 == n;
        if (!last) {
            op0(u, OP_DUP_TOP, 1);
            op0(u, OP_ROT3, 0);
        }
        int o = (uint8_t)ops[i];
        switch (o) {
        case 100: op8(u, OP_IS_OP, 0, -1); break;
        case 101: op8(u, OP_IS_OP, 1, -1); break;
        case 102: op8(u, OP_CONTAINS_OP, 0, -1); break;
        case 103: op8(u, OP_CONTAINS_OP, 1, -1); break;
        default: op8(u, OP_COMPARE_OP, (unsigned)o, -1); break;
        }
        if (!last) {
            jump(u, OP_JUMP_IF_FALSE_OR_POP, cleanup, -1);
        }
    }
    if (n > 1) {
        jump(u, OP_JUMP, end, 0);
        place(u, cleanup);
        adjust(u, 1);
        op0(u, OP_ROT2, 0);
        op0(u, OP_POP_TOP, -1);
        place(u, end);
    }
}

static bool has_star(pn *x, size_t from)
{
    for (size_t i = from; i < x->n; i++) {
        if (x->k[i] != NULL && x->k[i]->kind == N_STARRED) {
            return true;
        }
    }
    return false;
}

/* list/tuple/set display, handling *unpacking */
static void c_seq(cunit *u, pn *x, int build, int kind)
{
    if (!has_star(x, 0)) {
        for (size_t i = 0; i < x->n; i++) {
            c_expr(u, x->k[i]);
        }
        op16(u, build, (unsigned)x->n, 1 - (int)x->n);
        return;
    }
    bool set = kind == N_SET;
    op16(u, set ? OP_BUILD_SET : OP_BUILD_LIST, 0, 1);
    for (size_t i = 0; i < x->n; i++) {
        if (x->k[i]->kind == N_STARRED) {
            c_expr(u, x->k[i]->k[0]);
            op16(u, set ? OP_SET_UPDATE : OP_LIST_EXTEND, 1, -1);
        } else {
            c_expr(u, x->k[i]);
            op16(u, set ? OP_SET_ADD : OP_LIST_APPEND, 1, -1);
        }
    }
    if (kind == N_TUPLE) {
        op0(u, OP_LIST_TO_TUPLE, 0);
    }
}

static void c_dict(cunit *u, pn *x)
{
    size_t i = 0;
    size_t pairs = 0;
    while (i < x->n && x->k[i] != NULL) {
        c_expr(u, x->k[i]);
        c_expr(u, x->k[i + 1]);
        i += 2;
        pairs++;
    }
    op16(u, OP_BUILD_MAP, (unsigned)pairs, 1 - 2 * (int)pairs);
    for (; i < x->n; i += 2) {
        if (x->k[i] == NULL) {
            c_expr(u, x->k[i + 1]);
            op16(u, OP_DICT_UPDATE, 1, -1);
        } else {
            c_expr(u, x->k[i]);
            c_expr(u, x->k[i + 1]);
            op16(u, OP_MAP_ADD, 1, -2);
        }
    }
}

/* Arguments of a call; the callable and self|NULL are already on the stack. */
static void c_call_args(cunit *u, pn *x, size_t first)
{
    size_t npos = 0, nkw = 0;
    bool complex_ = false;
    for (size_t i = first; i < x->n; i++) {
        int k = x->k[i]->kind;
        if (k == N_STARRED || k == N_DSTAR) {
            complex_ = true;
        } else if (k == N_KW) {
            nkw++;
        } else {
            npos++;
            if (nkw > 0) {
                complex_ = true;
            }
        }
    }
    if (!complex_ && npos < 256 && nkw < 256) {
        for (size_t i = first; i < x->n; i++) {
            if (x->k[i]->kind == N_KW) {
                load_const(u, x->k[i]->v);
                c_expr(u, x->k[i]->k[0]);
            } else {
                c_expr(u, x->k[i]);
            }
        }
        if (nkw == 0) {
            op16(u, OP_CALL, (unsigned)npos, -(int)npos - 1);
        } else {
            emit_byte(u, OP_CALL_KW);
            emit_byte(u, (uint8_t)npos);
            emit_byte(u, (uint8_t)nkw);
            adjust(u, -(int)(npos + 2 * nkw) - 1);
        }
        return;
    }
    /* general form: positional list -> tuple, keywords -> dict */
    op16(u, OP_BUILD_LIST, 0, 1);
    for (size_t i = first; i < x->n; i++) {
        pn *a = x->k[i];
        if (a->kind == N_STARRED) {
            c_expr(u, a->k[0]);
            op16(u, OP_LIST_EXTEND, 1, -1);
        } else if (a->kind != N_KW && a->kind != N_DSTAR) {
            c_expr(u, a);
            op16(u, OP_LIST_APPEND, 1, -1);
        }
    }
    op0(u, OP_LIST_TO_TUPLE, 0);
    bool any_kw = false;
    for (size_t i = first; i < x->n; i++) {
        pn *a = x->k[i];
        if (a->kind != N_KW && a->kind != N_DSTAR) {
            continue;
        }
        if (!any_kw) {
            op16(u, OP_BUILD_MAP, 0, 1);
            any_kw = true;
        }
        if (a->kind == N_KW) {
            load_const(u, a->v);
            c_expr(u, a->k[0]);
            op16(u, OP_BUILD_MAP, 1, -1);
            op16(u, OP_DICT_MERGE, 1, -1);
        } else {
            c_expr(u, a->k[0]);
            op16(u, OP_DICT_MERGE, 1, -1);
        }
    }
    op8(u, OP_CALL_EX, any_kw, any_kw ? -3 : -2);
}

static void c_call(cunit *u, pn *x)
{
    pn *fn = x->k[0];
    if (fn->kind == N_ATTR) {
        c_expr(u, fn->k[0]);
        mark_line(u, x->line);
        op_cached(u, OP_LOAD_METHOD, PY_QSTR(fn->v), 1);
    } else {
        c_expr(u, fn);
        op0(u, OP_PUSH_NULL, 1);
    }
    mark_line(u, x->line);
    c_call_args(u, x, 1);
}

/* MAKE_FUNCTION for a child scope: defaults, kw defaults, closure. */
static void c_make_function(cunit *u, scope *child, pn *params)
{
    unsigned flags = 0;
    if (params != NULL) {
        size_t nd = 0, nkd = 0;
        for (size_t i = 0; i < params->n; i++) {
            pn *p = params->k[i];
            if (p->op == P_POS && p->k[0] != NULL) {
                c_expr(u, p->k[0]);
                nd++;
            }
        }
        if (nd > 0) {
            op16(u, OP_BUILD_TUPLE, (unsigned)nd, 1 - (int)nd);
            flags |= MF_DEFAULTS;
        }
        for (size_t i = 0; i < params->n; i++) {
            pn *p = params->k[i];
            if (p->op == P_KWONLY && p->k[0] != NULL) {
                load_const(u, p->v);
                c_expr(u, p->k[0]);
                nkd++;
            }
        }
        if (nkd > 0) {
            op16(u, OP_BUILD_MAP, (unsigned)nkd, 1 - 2 * (int)nkd);
            flags |= MF_KWDEFAULTS;
        }
    }
    py_code *code = c_scope(u->c, child);
    if (child->n_free > 0) {
        size_t nf = 0;
        for (size_t i = 0; i < child->n; i++) {
            symbol *y = &child->syms[i];
            if ((y->flags & S_FREE) && !(y->flags & S_PARAM)) {
                symbol *py = sym_find(u->sc, y->name);
                if (py == NULL || (py->flags & (S_CELL | S_FREE)) == 0) {
                    cerror(u->c, child->node, "internal error: missing closure cell");
                }
                op16(u, OP_LOAD_CLOSURE, py->slot, 1);
                nf++;
            }
        }
        op16(u, OP_BUILD_TUPLE, (unsigned)nf, 1 - (int)nf);
        flags |= MF_CLOSURE;
    }
    int pops = (flags & MF_DEFAULTS ? 1 : 0) + (flags & MF_KWDEFAULTS ? 1 : 0) +
               (flags & MF_CLOSURE ? 1 : 0);
    emit_byte(u, OP_MAKE_FUNCTION);
    emit_u16(u, add_const(u, PY_VAL(code)));
    emit_byte(u, (uint8_t)flags);
    adjust(u, 1 - pops);
}

static void c_comprehension(cunit *u, pn *x)
{
    scope *cs = x->scope;
    c_make_function(u, cs, NULL);
    op0(u, OP_PUSH_NULL, 1);
    c_expr(u, x->k[2]->k[1]);
    op0(u, x->k[2]->op ? OP_GET_AITER : OP_GET_ITER, 0);
    op16(u, OP_CALL, 1, -2);
    if (cs->async && x->kind != N_GENEXP) {
        op0(u, OP_GET_AWAITABLE, 0);
        op0(u, OP_LOAD_NONE, 1);
        op0(u, OP_YIELD_FROM, -1);
    }
}

static void c_fstring(cunit *u, pn *x)
{
    size_t n = 0;
    for (size_t i = 0; i < x->n; i++) {
        pn *p = x->k[i];
        if (p->kind == N_CONST) {
            load_const(u, p->v);
        } else {
            c_expr(u, p->k[0]);
            unsigned flags = p->op == 's' ? 1 : p->op == 'r' ? 2 : p->op == 'a' ? 3 : 0;
            if (p->k[1] != NULL) {
                c_fstring(u, p->k[1]);
                flags |= 4;
            }
            op8(u, OP_FORMAT_VALUE, flags, (flags & 4) ? -1 : 0);
        }
        n++;
    }
    if (n != 1 || x->k[0]->kind == N_CONST) {
        op16(u, OP_BUILD_STRING, (unsigned)n, 1 - (int)n);
    }
}

static void c_yield_from(cunit *u, bool await)
{
    op0(u, await ? OP_GET_AWAITABLE : OP_GET_YIELD_FROM_ITER, 0);
    op0(u, OP_LOAD_NONE, 1);
    op0(u, OP_YIELD_FROM, -1);
}

static void c_expr(cunit *u, pn *x)
{
    PY_CSTACK_CHECK(u->c->ctx);
    switch (x->kind) {
    case N_NAME: name_op_emit(u, PY_QSTR(x->v), NAME_LOAD); return;
    case N_CONST: load_const(u, x->v); return;
    case N_TUPLE: {
        bool all_const = x->n > 0 && !has_star(x, 0);
        for (size_t i = 0; i < x->n && all_const; i++) {
            all_const = x->k[i]->kind == N_CONST;
        }
        if (all_const) {
            py_val t = py_tuple_new(u->c->ctx, x->n, NULL);
            for (size_t i = 0; i < x->n; i++) {
                ((py_tuple *)t)->items[i] = x->k[i]->v;
            }
            op16(u, OP_LOAD_CONST, add_const(u, t), 1);
            return;
        }
        c_seq(u, x, OP_BUILD_TUPLE, N_TUPLE);
        return;
    }
    case N_LIST: c_seq(u, x, OP_BUILD_LIST, N_LIST); return;
    case N_SET: c_seq(u, x, OP_BUILD_SET, N_SET); return;
    case N_DICT: c_dict(u, x); return;
    case N_STARRED: cerror(u->c, x, "can't use starred expression here");
    case N_BINOP:
        c_expr(u, x->k[0]);
        c_expr(u, x->k[1]);
        mark_line(u, x->line);
        op8(u, OP_BINARY_OP, x->op, -1);
        return;
    case N_UNARY:
        if (x->k[0]->kind == N_CONST && x->op == PY_OP_NEG && PY_IS_SMALL(x->k[0]->v) &&
            PY_SMALL(x->k[0]->v) != PY_SMALL_MIN) {
            load_const(u, PY_MK_SMALL(-PY_SMALL(x->k[0]->v)));
            return;
        }
        c_expr(u, x->k[0]);
        op8(u, OP_UNARY_OP, x->op, 0);
        return;
    case N_NOT:
        c_expr(u, x->k[0]);
        op0(u, OP_NOT, 0);
        return;
    case N_AND:
    case N_OR: {
        int end = new_label(u);
        for (size_t i = 0; i + 1 < x->n; i++) {
            c_expr(u, x->k[i]);
            jump(u, x->kind == N_AND ? OP_JUMP_IF_FALSE_OR_POP : OP_JUMP_IF_TRUE_OR_POP, end, -1);
        }
        c_expr(u, x->k[x->n - 1]);
        place(u, end);
        return;
    }
    case N_COMPARE: c_compare(u, x); return;
    case N_CALL: c_call(u, x); return;
    case N_ATTR:
        c_expr(u, x->k[0]);
        mark_line(u, x->line);
        op_cached(u, OP_LOAD_ATTR, PY_QSTR(x->v), 0);
        return;
    case N_SUBSCR:
        c_expr(u, x->k[0]);
        c_expr(u, x->k[1]);
        mark_line(u, x->line);
        op0(u, OP_LOAD_SUBSCR, -1);
        return;
    case N_SLICE:
        for (int i = 0; i < 2; i++) {
            if (x->k[i]) {
                c_expr(u, x->k[i]);
            } else {
                op0(u, OP_LOAD_NONE, 1);
            }
        }
        if (x->k[2]) {
            c_expr(u, x->k[2]);
            op8(u, OP_BUILD_SLICE, 3, -2);
        } else {
            op8(u, OP_BUILD_SLICE, 2, -1);
        }
        return;
    case N_IFEXP: {
        int orelse = new_label(u), end = new_label(u);
        c_cond_jump(u, x->k[0], false, orelse);
        c_expr(u, x->k[1]);
        jump(u, OP_JUMP, end, 0);
        place(u, orelse);
        adjust(u, -1);
        c_expr(u, x->k[2]);
        place(u, end);
        return;
    }
    case N_LAMBDA: c_make_function(u, x->scope, x->k[0]); return;
    case N_LISTCOMP:
    case N_SETCOMP:
    case N_DICTCOMP:
    case N_GENEXP: c_comprehension(u, x); return;
    case N_YIELD:
        if (x->k[0]) {
            c_expr(u, x->k[0]);
        } else {
            op0(u, OP_LOAD_NONE, 1);
        }
        if (u->sc->async) {
            cerror(u->c, x, "'yield' inside async function is not supported");
        }
        op0(u, OP_YIELD_VALUE, 0);
        return;
    case N_YIELDFROM:
        c_expr(u, x->k[0]);
        c_yield_from(u, false);
        return;
    case N_AWAIT:
        c_expr(u, x->k[0]);
        mark_line(u, x->line);
        c_yield_from(u, true);
        return;
    case N_FSTRING: c_fstring(u, x); return;
    case N_WALRUS:
        c_expr(u, x->k[1]);
        op0(u, OP_DUP_TOP, 1);
        {
            /* the target lives in the nearest non-comprehension scope */
            scope *save = u->sc;
            c_store(u, x->k[0]);
            u->sc = save;
        }
        return;
    case N_KW:
    case N_DSTAR: cerror(u->c, x, "invalid syntax");
    }
    cerror(u->c, x, "invalid syntax");
}

/* --- stores ----------------------------------------------------------------------------- */

static void c_unpack(cunit *u, pn *t)
{
    size_t star = t->n;
    for (size_t i = 0; i < t->n; i++) {
        if (t->k[i]->kind == N_STARRED) {
            if (star != t->n) {
                cerror(u->c, t, "multiple starred expressions in assignment");
            }
            star = i;
        }
    }
    if (star == t->n) {
        op16(u, OP_UNPACK_SEQUENCE, (unsigned)t->n, (int)t->n - 1);
    } else {
        if (star > 255 || t->n - star - 1 > 255) {
            cerror(u->c, t, "too many expressions in star-unpacking assignment");
        }
        emit_byte(u, OP_UNPACK_EX);
        emit_byte(u, (uint8_t)star);
        emit_byte(u, (uint8_t)(t->n - star - 1));
        adjust(u, (int)t->n - 1);
    }
    for (size_t i = 0; i < t->n; i++) {
        c_store(u, t->k[i]->kind == N_STARRED ? t->k[i]->k[0] : t->k[i]);
    }
}

static void c_store(cunit *u, pn *t)
{
    switch (t->kind) {
    case N_NAME: name_op_emit(u, PY_QSTR(t->v), NAME_STORE); return;
    case N_ATTR:
        c_expr(u, t->k[0]);
        op16(u, OP_STORE_ATTR, PY_QSTR(t->v), -2);
        return;
    case N_SUBSCR:
        c_expr(u, t->k[0]);
        c_expr(u, t->k[1]);
        op0(u, OP_STORE_SUBSCR, -3);
        return;
    case N_TUPLE:
    case N_LIST: c_unpack(u, t); return;
    case N_STARRED: cerror(u->c, t, "starred assignment target must be in a list or tuple");
    }
    cerror(u->c, t, "cannot assign to expression");
}

static void c_delete(cunit *u, pn *t)
{
    switch (t->kind) {
    case N_NAME: name_op_emit(u, PY_QSTR(t->v), NAME_DEL); return;
    case N_ATTR:
        c_expr(u, t->k[0]);
        op16(u, OP_DELETE_ATTR, PY_QSTR(t->v), -1);
        return;
    case N_SUBSCR:
        c_expr(u, t->k[0]);
        c_expr(u, t->k[1]);
        op0(u, OP_DELETE_SUBSCR, -2);
        return;
    case N_TUPLE:
    case N_LIST:
        for (size_t i = 0; i < t->n; i++) {
            c_delete(u, t->k[i]);
        }
        return;
    }
    cerror(u->c, t, "cannot delete expression");
}

/* --- statements ------------------------------------------------------------------------ */

/* Emit cleanup for leaving blocks above index `stop` (exclusive) from the top.
 * preserve: a value (return value) is on top of the stack. */
static void unwind(cunit *u, int stop, bool preserve)
{
    for (int i = u->n_fb - 1; i >= stop; i--) {
        fblock *b = &u->fb[i];
        seg_close(u, b);
        switch (b->kind) {
        case FB_FOR:
            if (preserve) {
                op0(u, OP_ROT2, 0);
            }
            op0(u, OP_POP_TOP, -1);
            break;
        case FB_HANDLER:
            if (preserve) {
                op0(u, OP_ROT2, 0);
            }
            op0(u, OP_POP_EXCEPT, -1);
            break;
        case FB_FIN_HANDLER:
            /* [prev, exc] below: drop the exception being propagated */
            if (preserve) {
                op0(u, OP_ROT2, 0);
            }
            op0(u, OP_POP_TOP, -1);
            if (preserve) {
                op0(u, OP_ROT2, 0);
            }
            op0(u, OP_POP_EXCEPT, -1);
            break;
        case FB_WITH:
        case FB_ASYNC_WITH:
            if (preserve) {
                op0(u, OP_ROT2, 0);
            }
            op0(u, OP_WITH_EXIT, 0);
            if (b->kind == FB_ASYNC_WITH) {
                c_yield_from(u, true);
            }
            op0(u, OP_POP_TOP, -1);
            break;
        case FB_TRY_FINALLY: {
            /* run the finally body outside this block's protection */
            int save = u->n_fb;
            u->n_fb = i;
            c_block(u, b->final);
            u->n_fb = save;
            break;
        }
        default: break;
        }
    }
}

static void reopen(cunit *u, int stop)
{
    for (int i = u->n_fb - 1; i >= stop; i--) {
        u->fb[i].seg_start = (uint32_t)u->len;
    }
}

static void c_loop_exit(cunit *u, pn *x, bool brk)
{
    int i = u->n_fb - 1;
    while (i >= 0 && u->fb[i].kind != FB_LOOP && u->fb[i].kind != FB_FOR) {
        i--;
    }
    if (i < 0) {
        cerror(u->c, x, brk ? "'break' outside loop" : "'continue' not properly in loop");
    }
    int depth = u->depth;
    unwind(u, brk ? i : i + 1, false);
    jump(u, OP_JUMP, brk ? u->fb[i].brk : u->fb[i].cont, 0);
    reopen(u, brk ? i : i + 1);
    u->depth = depth;
}

static void c_return(cunit *u, pn *x)
{
    if (x->k[0] != NULL) {
        c_expr(u, x->k[0]);
    } else {
        op0(u, OP_LOAD_NONE, 1);
    }
    int depth = u->depth;
    unwind(u, 0, true);
    op0(u, OP_RETURN_VALUE, -1);
    reopen(u, 0);
    u->depth = depth - 1;
}

static void c_while(cunit *u, pn *x)
{
    int top = new_label(u), brk = new_label(u), orelse = new_label(u);
    place(u, top);
    fblock *b = push_fb(u, FB_LOOP, false, 0, u->depth);
    b->brk = brk;
    b->cont = top;
    bool infinite = x->k[0]->kind == N_CONST && py_truthy(u->c->ctx, x->k[0]->v);
    if (!infinite) {
        c_cond_jump(u, x->k[0], false, orelse);
    }
    c_block(u, x->k[1]);
    jump(u, OP_JUMP, top, 0);
    pop_fb(u);
    place(u, orelse);
    if (x->k[2]) {
        c_block(u, x->k[2]);
    }
    place(u, brk);
}

static void c_for(cunit *u, pn *x)
{
    bool async = x->op != 0;
    int top = new_label(u), brk = new_label(u), orelse = new_label(u);
    c_expr(u, x->k[1]);
    if (async) {
        op0(u, OP_GET_AITER, 0);
        int d = u->depth;
        int handler = new_label(u), body = new_label(u);
        place(u, top);
        push_fb(u, FB_TRY_EXCEPT, true, handler, d);
        op0(u, OP_GET_ANEXT, 1);
        c_yield_from(u, true);
        pop_fb(u);
        jump(u, OP_JUMP, body, 0);
        place(u, handler);
        u->depth = d + 1;
        op0(u, OP_END_ASYNC_FOR, -2);
        jump(u, OP_JUMP, orelse, 0);
        place(u, body);
        u->depth = d + 1;
        fblock *b = push_fb(u, FB_FOR, false, 0, d);
        b->brk = brk;
        b->cont = top;
        c_store(u, x->k[0]);
        c_block(u, x->k[2]);
        jump(u, OP_JUMP, top, 0);
        pop_fb(u);
        place(u, orelse);
        u->depth = d - 1;
        if (x->k[3]) {
            c_block(u, x->k[3]);
        }
        place(u, brk);
        return;
    }
    op0(u, OP_GET_ITER, 0);
    place(u, top);
    fblock *b = push_fb(u, FB_FOR, false, 0, u->depth);
    b->brk = brk;
    b->cont = top;
    mark_line(u, x->line);
    jump(u, OP_FOR_ITER, orelse, 1);
    c_store(u, x->k[0]);
    c_block(u, x->k[2]);
    jump(u, OP_JUMP, top, 0);
    u->line = 0;
    pop_fb(u);
    /* FOR_ITER popped the iterator on exhaustion */
    place(u, orelse);
    adjust(u, -1);
    if (x->k[3]) {
        c_block(u, x->k[3]);
    }
    /* break jumps here after popping the iterator itself */
    place(u, brk);
}

static void c_handlers(cunit *u, pn *x, int handler_label, int end, int d)
{
    place(u, handler_label);
    u->depth = d + 1; /* the exception */
    op0(u, OP_PUSH_EXC_INFO, 1);
    int cleanup = new_label(u);
    fblock *hb = push_fb(u, FB_HANDLER, true, cleanup, d + 1);
    pn *hs = x->k[1];
    for (size_t i = 0; i < hs->n; i++) {
        pn *h = hs->k[i];
        int next = new_label(u);
        mark_line(u, h->line);
        if (h->k[0] != NULL) {
            c_expr(u, h->k[0]);
            op0(u, OP_CHECK_EXC_MATCH, 0);
            jump(u, OP_POP_JUMP_IF_FALSE, next, -1);
        }
        if (h->v != PY_NULL) {
            name_op_emit(u, PY_QSTR(h->v), NAME_STORE);
        } else {
            op0(u, OP_POP_TOP, -1);
        }
        /* handler body: [prev] on the stack */
        c_block(u, h->k[1]);
        seg_close(u, hb);
        op0(u, OP_POP_EXCEPT, -1);
        if (h->v != PY_NULL) {
            op0(u, OP_LOAD_NONE, 1);
            name_op_emit(u, PY_QSTR(h->v), NAME_STORE);
            name_op_emit(u, PY_QSTR(h->v), NAME_DEL);
        }
        jump(u, OP_JUMP, end, 0);
        hb->seg_start = (uint32_t)u->len;
        place(u, next);
        u->depth = d + 2;
    }
    /* no clause matched: re-raise (still protected -> cleanup) */
    u->depth = d + 2;
    op0(u, OP_RERAISE, -1);
    pop_fb(u);
    place(u, cleanup);
    u->depth = d + 2; /* prev, new exception */
    op0(u, OP_ROT2, 0);
    op0(u, OP_POP_EXCEPT, -1);
    op0(u, OP_RERAISE, -1);
    u->depth = d;
}

static void c_try(cunit *u, pn *x)
{
    int d = u->depth;
    int end = new_label(u);
    int fin_handler = -1;
    fblock *fb = NULL;
    if (x->k[3] != NULL) {
        fin_handler = new_label(u);
        fb = push_fb(u, FB_TRY_FINALLY, true, fin_handler, d);
        fb->final = x->k[3];
    }
    if (x->k[1] != NULL) {
        int handler = new_label(u), inner_end = new_label(u);
        push_fb(u, FB_TRY_EXCEPT, true, handler, d);
        c_block(u, x->k[0]);
        pop_fb(u);
        if (x->k[2] != NULL) {
            c_block(u, x->k[2]);
        }
        jump(u, OP_JUMP, inner_end, 0);
        c_handlers(u, x, handler, inner_end, d);
        place(u, inner_end);
        u->depth = d;
    } else {
        c_block(u, x->k[0]);
    }
    if (fb != NULL) {
        pop_fb(u);
        c_block(u, x->k[3]);
        jump(u, OP_JUMP, end, 0);
        /* exceptional path: run finally, re-raise */
        place(u, fin_handler);
        u->depth = d + 1;
        op0(u, OP_PUSH_EXC_INFO, 1);
        int cleanup = new_label(u);
        push_fb(u, FB_FIN_HANDLER, true, cleanup, d + 2);
        c_block(u, x->k[3]);
        pop_fb(u);
        op0(u, OP_ROT2, 0);
        op0(u, OP_POP_EXCEPT, -1);
        op0(u, OP_RERAISE, -1);
        place(u, cleanup);
        u->depth = d + 3; /* prev, exc, new exception */
        op0(u, OP_ROT2, 0);
        op0(u, OP_POP_TOP, -1);
        op0(u, OP_ROT2, 0);
        op0(u, OP_POP_EXCEPT, -1);
        op0(u, OP_RERAISE, -1);
    }
    place(u, end);
    u->depth = d;
}

static void c_with_items(cunit *u, pn *x, size_t i)
{
    if (i + 1 == x->n) {
        c_block(u, x->k[i]);
        return;
    }
    bool async = x->op != 0;
    pn *item = x->k[i];
    int d = u->depth;
    c_expr(u, item->k[0]);
    mark_line(u, x->line);
    if (async) {
        op0(u, OP_BEFORE_ASYNC_WITH, 1);
        c_yield_from(u, true);
    } else {
        op0(u, OP_BEFORE_WITH, 1);
    }
    int handler = new_label(u), end = new_label(u);
    fblock *b = push_fb(u, async ? FB_ASYNC_WITH : FB_WITH, true, handler, d + 1);
    (void)b;
    if (item->k[1] != NULL) {
        c_store(u, item->k[1]);
    } else {
        op0(u, OP_POP_TOP, -1);
    }
    c_with_items(u, x, i + 1);
    pop_fb(u);
    op0(u, OP_WITH_EXIT, 0);
    if (async) {
        c_yield_from(u, true);
    }
    op0(u, OP_POP_TOP, -1);
    jump(u, OP_JUMP, end, 0);
    /* exceptional exit: [exit, exc] */
    place(u, handler);
    u->depth = d + 2;
    op0(u, OP_PUSH_EXC_INFO, 1);
    int cleanup = new_label(u), suppress = new_label(u);
    push_fb(u, FB_HANDLER, true, cleanup, d + 2);
    op0(u, OP_WITH_EXCEPT, 1);
    if (async) {
        c_yield_from(u, true);
    }
    jump(u, OP_POP_JUMP_IF_TRUE, suppress, -1);
    op0(u, OP_RERAISE, -1);
    pop_fb(u);
    place(u, suppress);
    u->depth = d + 3;
    op0(u, OP_POP_TOP, -1);
    op0(u, OP_POP_EXCEPT, -1);
    op0(u, OP_POP_TOP, -1);
    jump(u, OP_JUMP, end, 0);
    place(u, cleanup);
    u->depth = d + 3;
    op0(u, OP_ROT2, 0);
    op0(u, OP_POP_EXCEPT, -1);
    op0(u, OP_RERAISE, -1);
    place(u, end);
    u->depth = d;
}

static void c_funcdef(cunit *u, pn *x)
{
    pn *decs = x->k[2];
    if (decs != NULL) {
        for (size_t i = 0; i < decs->n; i++) {
            c_expr(u, decs->k[i]);
            op0(u, OP_PUSH_NULL, 1);
        }
    }
    mark_line(u, x->line);
    c_make_function(u, x->scope, x->k[0]);
    if (decs != NULL) {
        for (size_t i = 0; i < decs->n; i++) {
            op16(u, OP_CALL, 1, -2);
        }
    }
    name_op_emit(u, PY_QSTR(x->v), NAME_STORE);
}

static void c_classdef(cunit *u, pn *x)
{
    pn *decs = x->k[2];
    if (decs != NULL) {
        for (size_t i = 0; i < decs->n; i++) {
            c_expr(u, decs->k[i]);
            op0(u, OP_PUSH_NULL, 1);
        }
    }
    mark_line(u, x->line);
    op0(u, OP_LOAD_BUILD_CLASS, 1);
    op0(u, OP_PUSH_NULL, 1);
    c_make_function(u, x->scope, NULL);
    load_const(u, x->v);
    /* the argument list node: k0 NULL, then bases and keywords */
    pn *args = x->k[0];
    size_t n = args->n;
    /* account for the two pushed leading arguments by emitting the rest as a call */
    size_t npos = 2, nkw = 0;
    bool complex_ = false;
    for (size_t i = 1; i < n; i++) {
        int k = args->k[i]->kind;
        if (k == N_STARRED || k == N_DSTAR) {
            complex_ = true;
        } else if (k == N_KW) {
            nkw++;
        } else {
            npos++;
        }
    }
    if (complex_) {
        cerror(u->c, x, "unpacking in class bases is not supported");
    }
    for (size_t i = 1; i < n; i++) {
        if (args->k[i]->kind != N_KW) {
            c_expr(u, args->k[i]);
        }
    }
    for (size_t i = 1; i < n; i++) {
        if (args->k[i]->kind == N_KW) {
            load_const(u, args->k[i]->v);
            c_expr(u, args->k[i]->k[0]);
        }
    }
    if (nkw == 0) {
        op16(u, OP_CALL, (unsigned)npos, -(int)npos - 1);
    } else {
        emit_byte(u, OP_CALL_KW);
        emit_byte(u, (uint8_t)npos);
        emit_byte(u, (uint8_t)nkw);
        adjust(u, -(int)(npos + 2 * nkw) - 1);
    }
    if (decs != NULL) {
        for (size_t i = 0; i < decs->n; i++) {
            op16(u, OP_CALL, 1, -2);
        }
    }
    name_op_emit(u, PY_QSTR(x->v), NAME_STORE);
}

static void c_import(cunit *u, pn *x)
{
    for (size_t i = 0; i < x->n; i++) {
        pn *a = x->k[i];
        op16(u, OP_LOAD_SMALL, 0, 1);
        op0(u, OP_LOAD_NONE, 1);
        op16(u, OP_IMPORT_NAME, PY_QSTR(a->v), -1);
        if (a->k[0] != NULL) {
            /* import a.b.c as x: bind the leaf module */
            size_t n;
            const char *s = py_qstr_str(u->c->ctx, PY_QSTR(a->v), &n);
            const char *p = s;
            while ((p = memchr(p, '.', n - (size_t)(p - s))) != NULL) {
                const char *e = p + 1;
                const char *q = memchr(e, '.', n - (size_t)(e - s));
                size_t len = q ? (size_t)(q - e) : n - (size_t)(e - s);
                op16(u, OP_IMPORT_FROM, py_qstr_from(u->c->ctx, e, len), 1);
                op0(u, OP_ROT2, 0);
                op0(u, OP_POP_TOP, -1);
                p = e;
                s = py_qstr_str(u->c->ctx, PY_QSTR(a->v), &n);
                p = s + (p - s);
            }
            c_store(u, a->k[0]);
        } else {
            size_t n;
            const char *s = py_qstr_str(u->c->ctx, PY_QSTR(a->v), &n);
            const char *dot = memchr(s, '.', n);
            py_qstr top = dot ? py_qstr_from(u->c->ctx, s, (size_t)(dot - s)) : PY_QSTR(a->v);
            name_op_emit(u, top, NAME_STORE);
        }
    }
}

static void c_importfrom(cunit *u, pn *x)
{
    op16(u, OP_LOAD_SMALL, x->op, 1);
    py_val names = py_tuple_new(u->c->ctx, x->n, NULL);
    for (size_t i = 0; i < x->n; i++) {
        ((py_tuple *)names)->items[i] =
            x->k[i]->v == PY_NULL ? PY_MK_QSTR(py_qstr_from(u->c->ctx, "*", 1)) : x->k[i]->v;
    }
    op16(u, OP_LOAD_CONST, add_const(u, names), 1);
    op16(u, OP_IMPORT_NAME, x->v == PY_NULL ? PY_Q_empty : PY_QSTR(x->v), -1);
    if (x->n == 1 && x->k[0]->v == PY_NULL) {
        op0(u, OP_IMPORT_STAR, -1);
        return;
    }
    for (size_t i = 0; i < x->n; i++) {
        pn *a = x->k[i];
        op16(u, OP_IMPORT_FROM, PY_QSTR(a->v), 1);
        name_op_emit(u, PY_QSTR(a->k[0] ? a->k[0]->v : a->v), NAME_STORE);
    }
    op0(u, OP_POP_TOP, -1);
}

static void c_augassign(cunit *u, pn *x)
{
    pn *t = x->k[0];
    switch (t->kind) {
    case N_NAME:
        name_op_emit(u, PY_QSTR(t->v), NAME_LOAD);
        c_expr(u, x->k[1]);
        mark_line(u, x->line);
        op8(u, OP_BINARY_OP, x->op, -1);
        name_op_emit(u, PY_QSTR(t->v), NAME_STORE);
        return;
    case N_ATTR:
        c_expr(u, t->k[0]);
        op0(u, OP_DUP_TOP, 1);
        op_cached(u, OP_LOAD_ATTR, PY_QSTR(t->v), 0);
        c_expr(u, x->k[1]);
        op8(u, OP_BINARY_OP, x->op, -1);
        op0(u, OP_ROT2, 0);
        op16(u, OP_STORE_ATTR, PY_QSTR(t->v), -2);
        return;
    case N_SUBSCR:
        c_expr(u, t->k[0]);
        c_expr(u, t->k[1]);
        op0(u, OP_DUP_TOP2, 2);
        op0(u, OP_LOAD_SUBSCR, -1);
        c_expr(u, x->k[1]);
        op8(u, OP_BINARY_OP, x->op, -1);
        op0(u, OP_ROT3, 0);
        op0(u, OP_STORE_SUBSCR, -3);
        return;
    }
    cerror(u->c, x, "illegal expression for augmented assignment");
}

static void c_stmt(cunit *u, pn *x)
{
    PY_CSTACK_CHECK(u->c->ctx);
    mark_line(u, x->line);
    switch (x->kind) {
    case N_BLOCK: c_block(u, x); return;
    case N_EXPR:
        if (x->k[0]->kind == N_CONST && u->c->mode != RTPY_MODE_SINGLE) {
            return; /* docstrings and bare constants */
        }
        c_expr(u, x->k[0]);
        if (u->c->mode == RTPY_MODE_SINGLE && u->sc->kind == SC_MODULE) {
            op0(u, OP_PRINT_EXPR, -1);
        } else {
            op0(u, OP_POP_TOP, -1);
        }
        return;
    case N_ASSIGN: {
        c_expr(u, x->k[x->n - 1]);
        for (size_t i = 0; i + 1 < x->n; i++) {
            if (i + 2 < x->n) {
                op0(u, OP_DUP_TOP, 1);
            }
            c_store(u, x->k[i]);
        }
        return;
    }
    case N_AUGASSIGN: c_augassign(u, x); return;
    case N_ANNASSIGN:
        if (x->k[2] != NULL) {
            c_expr(u, x->k[2]);
            c_store(u, x->k[0]);
        }
        return;
    case N_DEL: c_delete(u, x->k[0]); return;
    case N_PASS: return;
    case N_BREAK: c_loop_exit(u, x, true); return;
    case N_CONTINUE: c_loop_exit(u, x, false); return;
    case N_RETURN: c_return(u, x); return;
    case N_RAISE:
        if (x->k[0]) {
            c_expr(u, x->k[0]);
        }
        if (x->k[1]) {
            c_expr(u, x->k[1]);
        }
        op8(u, OP_RAISE, x->k[1] ? 2u : x->k[0] ? 1u : 0u, x->k[1] ? -2 : x->k[0] ? -1 : 0);
        return;
    case N_GLOBAL:
    case N_NONLOCAL: return;
    case N_ASSERT: {
        int ok = new_label(u);
        c_cond_jump(u, x->k[0], true, ok);
        op0(u, OP_LOAD_ASSERTION_ERROR, 1);
        if (x->k[1]) {
            op0(u, OP_PUSH_NULL, 1);
            c_expr(u, x->k[1]);
            op16(u, OP_CALL, 1, -2);
        }
        op8(u, OP_RAISE, 1, -1);
        place(u, ok);
        return;
    }
    case N_IMPORT: c_import(u, x); return;
    case N_IMPORTFROM: c_importfrom(u, x); return;
    case N_IF: {
        int orelse = new_label(u), end = new_label(u);
        c_cond_jump(u, x->k[0], false, orelse);
        c_block(u, x->k[1]);
        if (x->k[2]) {
            jump(u, OP_JUMP, end, 0);
        }
        place(u, orelse);
        if (x->k[2]) {
            u->line = 0;
            c_block(u, x->k[2]);
        }
        place(u, end);
        return;
    }
    case N_WHILE: c_while(u, x); return;
    case N_FOR: c_for(u, x); return;
    case N_TRY: c_try(u, x); return;
    case N_WITH: c_with_items(u, x, 0); return;
    case N_FUNCDEF: c_funcdef(u, x); return;
    case N_CLASSDEF: c_classdef(u, x); return;
    }
    cerror(u->c, x, "invalid syntax");
}

static void c_block(cunit *u, pn *b)
{
    if (b == NULL) {
        return;
    }
    if (b->kind != N_BLOCK) {
        c_stmt(u, b);
        return;
    }
    for (size_t i = 0; i < b->n; i++) {
        c_stmt(u, b->k[i]);
    }
}

/* comprehension body: nested loops, innermost appends/yields */
static void c_comp_body(cunit *u, pn *x, size_t clause, size_t n_iters)
{
    if (clause == x->n) {
        if (x->kind == N_GENEXP) {
            c_expr(u, x->k[0]);
            op0(u, OP_YIELD_VALUE, 0);
            op0(u, OP_POP_TOP, -1);
        } else if (x->kind == N_DICTCOMP) {
            c_expr(u, x->k[0]);
            c_expr(u, x->k[1]);
            op16(u, OP_MAP_ADD, (unsigned)n_iters + 1, -2);
        } else {
            c_expr(u, x->k[0]);
            op16(u, x->kind == N_LISTCOMP ? OP_LIST_APPEND : OP_SET_ADD, (unsigned)n_iters + 1, -1);
        }
        return;
    }
    pn *cl = x->k[clause];
    if (cl->kind == N_COMPIF) {
        int skip = new_label(u);
        c_cond_jump(u, cl->k[0], false, skip);
        c_comp_body(u, x, clause + 1, n_iters);
        place(u, skip);
        return;
    }
    if (clause == 2) {
        op16(u, OP_LOAD_FAST, 0, 1);
    } else {
        c_expr(u, cl->k[1]);
        op0(u, cl->op ? OP_GET_AITER : OP_GET_ITER, 0);
    }
    int top = new_label(u), end = new_label(u);
    place(u, top);
    int d = u->depth;
    if (cl->op) {
        int handler = new_label(u), body = new_label(u);
        push_fb(u, FB_TRY_EXCEPT, true, handler, d);
        op0(u, OP_GET_ANEXT, 1);
        c_yield_from(u, true);
        pop_fb(u);
        jump(u, OP_JUMP, body, 0);
        place(u, handler);
        u->depth = d + 1;
        op0(u, OP_END_ASYNC_FOR, -2);
        jump(u, OP_JUMP, end, 0);
        place(u, body);
        u->depth = d + 1;
    } else {
        jump(u, OP_FOR_ITER, end, 1);
    }
    c_store(u, cl->k[0]);
    c_comp_body(u, x, clause + 1, n_iters + 1);
    jump(u, OP_JUMP, top, 0);
    place(u, end);
    u->depth = d - 1;
}

static py_code *finish(cunit *u, scope *s)
{
    py_ctx *ctx = u->c->ctx;
    for (size_t i = 0; i < u->n_fix; i++) {
        uint32_t pos = u->fixups[2 * i];
        uint32_t target = u->labels[u->fixups[2 * i + 1]];
        if (target > 0xffff) {
            cerror(u->c, s->node, "code too complex");
        }
        u->bc[pos] = (uint8_t)(target & 0xff);
        u->bc[pos + 1] = (uint8_t)(target >> 8);
    }
    if (u->len > 0xffff) {
        cerror(u->c, s->node, "code too complex");
    }
    py_code *co = py_obj_new(ctx, &py_type_code, sizeof(py_code));
    co->bc = py_alloc_raw(ctx, u->len + 1);
    memcpy(co->bc, u->bc, u->len);
    co->bc_len = (uint32_t)u->len;
    py_list *cl = PY_PTR(u->consts);
    co->n_consts = (uint16_t)cl->len;
    co->consts = py_alloc(ctx, (cl->len + 1) * sizeof(py_val));
    py_vcopy(co->consts, cl->items, cl->len);
    co->n_lines = (uint16_t)u->n_lines;
    co->lines = py_alloc_raw(ctx, (u->n_lines + 1) * 2 * sizeof(uint32_t));
    if (u->n_lines) {
        memcpy(co->lines, u->lines, u->n_lines * 2 * sizeof(uint32_t));
    }
    co->n_exc = (uint16_t)u->n_exc;
    co->exc = py_alloc_raw(ctx, (u->n_exc + 1) * sizeof(py_exc_range));
    for (size_t i = 0; i < u->n_exc; i++) {
        co->exc[i] = u->exc[i];
        co->exc[i].handler = (uint16_t)u->labels[u->exc[i].handler];
    }
    co->n_cache = u->n_cache;
    co->cache = py_alloc_raw(ctx, ((size_t)u->n_cache * 3 + 1) * sizeof(py_val));
    co->n_stack = (uint16_t)(u->max_depth + 2);
    co->n_locals = s->n_slots;
    co->n_free = s->n_free;
    co->n_pos = s->n_pos;
    co->n_kwonly = s->n_kwonly;
    co->n_posonly = s->n_posonly;
    co->name = s->name;
    co->filename = u->c->file;
    co->first_line = s->node ? s->node->line : 1;
    co->flags = (uint16_t)((s->has_varargs ? PY_CO_VARARGS : 0) | (s->has_varkw ? PY_CO_VARKW : 0) |
                           (s->generator || s->async ? PY_CO_GENERATOR : 0) |
                           (s->async ? PY_CO_ASYNC : 0) | (s->kind == SC_CLASS ? PY_CO_CLASS : 0) |
                           (s->kind == SC_MODULE ? PY_CO_MODULE : 0));
    /* local names by slot, and the cell slots */
    co->n_names = s->n_slots;
    co->names = py_alloc_raw(ctx, (s->n_slots + 1u) * sizeof(py_qstr));
    size_t ncell = 0;
    for (size_t i = 0; i < s->n; i++) {
        if (s->syms[i].slot != 0xffff && s->syms[i].slot < s->n_slots) {
            co->names[s->syms[i].slot] = s->syms[i].name;
        }
        if ((s->syms[i].flags & S_CELL) && !(s->syms[i].flags & S_FREE)) {
            ncell++;
        }
    }
    co->cells = py_alloc_raw(ctx, (ncell + 1) * sizeof(uint16_t));
    for (size_t i = 0; i < s->n; i++) {
        if ((s->syms[i].flags & S_CELL) && !(s->syms[i].flags & S_FREE)) {
            co->cells[co->n_cells++] = s->syms[i].slot;
        }
    }
    if (co->n_cells == 0 && !(co->flags & (PY_CO_VARARGS | PY_CO_VARKW)) && co->n_kwonly == 0) {
        co->flags |= PY_CO_SIMPLE;
    }
    return co;
}

/* "C.m", "f.<locals>.g" */
static py_qstr qualname(comp *c, scope *s)
{
    if (s->parent == NULL || s->parent->kind == SC_MODULE) {
        return s->name;
    }
    py_qstr pq = qualname(c, s->parent);
    size_t pn_, nn;
    const char *ps = py_qstr_str(c->ctx, pq, &pn_);
    const char *ns = py_qstr_str(c->ctx, s->name, &nn);
    bool fun = s->parent->kind != SC_CLASS;
    size_t total = pn_ + (fun ? 9 : 1) + nn;
    char small[128];
    char *buf = total <= sizeof(small) ? small : py_alloc_raw(c->ctx, total);
    ps = py_qstr_str(c->ctx, pq, &pn_);
    ns = py_qstr_str(c->ctx, s->name, &nn);
    memcpy(buf, ps, pn_);
    memcpy(buf + pn_, fun ? ".<locals>." : ".", fun ? 10 : 1);
    size_t off = pn_ + (fun ? 10 : 1);
    memcpy(buf + off, ns, nn);
    return py_qstr_from(c->ctx, buf, off + nn);
}

static pn *docstring(pn *body)
{
    if (body == NULL) {
        return NULL;
    }
    pn *first = body->kind == N_BLOCK ? (body->n > 0 ? body->k[0] : NULL) : body;
    if (first != NULL && first->kind == N_EXPR && first->k[0]->kind == N_CONST &&
        py_type_of(first->k[0]->v) == &py_type_str) {
        return first->k[0];
    }
    return NULL;
}

static py_code *c_scope(comp *c, scope *s)
{
    cunit u;
    memset(&u, 0, sizeof(u));
    u.c = c;
    u.sc = s;
    u.consts = py_list_new(c->ctx, 0, NULL);
    assign_slots(s);
    pn *x = s->node;
    if (s->kind == SC_MODULE) {
        if (c->mode == RTPY_MODE_EVAL) {
            mark_line(&u, x->line);
            c_expr(&u, x);
            op0(&u, OP_RETURN_VALUE, -1);
        } else {
            pn *doc = docstring(x);
            if (doc != NULL) {
                load_const(&u, doc->v);
                name_op_emit(&u, PY_Q___doc__, NAME_STORE);
            }
            c_block(&u, x);
            op0(&u, OP_LOAD_NONE, 1);
            op0(&u, OP_RETURN_VALUE, -1);
        }
    } else if (x->kind == N_FUNCDEF) {
        c_block(&u, x->k[1]);
        op0(&u, OP_LOAD_NONE, 1);
        op0(&u, OP_RETURN_VALUE, -1);
    } else if (x->kind == N_LAMBDA) {
        mark_line(&u, x->line);
        c_expr(&u, x->k[1]);
        op0(&u, OP_RETURN_VALUE, -1);
    } else if (x->kind == N_CLASSDEF) {
        pn *doc = docstring(x->k[1]);
        if (doc != NULL) {
            load_const(&u, doc->v);
            op16(&u, OP_STORE_NAME, PY_Q___doc__, -1);
        }
        c_block(&u, x->k[1]);
        op0(&u, OP_LOAD_NONE, 1);
        op0(&u, OP_RETURN_VALUE, -1);
    } else {
        /* comprehension */
        mark_line(&u, x->line);
        if (x->kind == N_LISTCOMP) {
            op16(&u, OP_BUILD_LIST, 0, 1);
        } else if (x->kind == N_SETCOMP) {
            op16(&u, OP_BUILD_SET, 0, 1);
        } else if (x->kind == N_DICTCOMP) {
            op16(&u, OP_BUILD_MAP, 0, 1);
        }
        c_comp_body(&u, x, 2, 0);
        if (x->kind == N_GENEXP) {
            op0(&u, OP_LOAD_NONE, 1);
        }
        op0(&u, OP_RETURN_VALUE, -1);
    }
    py_code *co = finish(&u, s);
    if (x != NULL && x->kind == N_FUNCDEF) {
        pn *doc = docstring(x->k[1]);
        co->doc = doc ? doc->v : PY_NONE;
    } else {
        co->doc = PY_NONE;
    }
    co->qualname = qualname(c, s);
    return co;
}

py_code *py_compile(py_ctx *ctx, const char *src, size_t len, py_qstr filename, int mode)
{
    bool names = (mode & PY_COMPILE_NAMES) != 0;
    mode &= ~PY_COMPILE_NAMES;
    if (mode == RTPY_MODE_EVAL) {
        while (len > 0 && (*src == ' ' || *src == '\t')) {
            src++, len--;
        }
    }
    pn *tree = py_parse(ctx, src, len, filename, mode);
    comp c;
    memset(&c, 0, sizeof(c));
    c.ctx = ctx;
    c.file = filename;
    c.mode = mode;
    c.names = names;
    scope *top = scope_new(&c, NULL, tree, SC_MODULE, PY_Q_lt_module);
    if (mode == RTPY_MODE_EVAL) {
        scan_expr(&c, top, tree);
    } else {
        scan_block(&c, top, tree);
    }
    for (size_t i = 0; i < c.n_scopes; i++) {
        resolve(&c, c.scopes[i]);
    }
    return c_scope(&c, top);
}
