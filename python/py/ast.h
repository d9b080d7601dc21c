/* Syntax tree shared by the parser and the bytecode compiler. Nodes are
 * GC allocations that live only while a compilation runs. */
#ifndef PY_AST_H
#define PY_AST_H

#include "internal.h"

enum {
    /* expressions */
    N_NAME,
    N_CONST,
    N_TUPLE,
    N_LIST,
    N_SET,
    N_DICT, /* kids: key, value pairs; key NULL means **value */
    N_STARRED,
    N_BINOP, /* op = PY_OP_* */
    N_UNARY, /* op = PY_OP_NEG/POS/INVERT */
    N_NOT,
    N_AND,
    N_OR,
    N_COMPARE, /* kids e0 e1 ...; v = bytes of ops */
    N_CALL,    /* k0 func, then args: exprs, N_STARRED, N_KW, N_DSTAR */
    N_KW,      /* v = name, k0 = value */
    N_DSTAR,
    N_ATTR,   /* k0 object, v name */
    N_SUBSCR, /* k0 object, k1 index */
    N_SLICE,  /* k0 k1 k2 (NULL allowed) */
    N_IFEXP,  /* k0 cond, k1 then, k2 else */
    N_LAMBDA, /* k0 params, k1 body */
    N_LISTCOMP,
    N_SETCOMP,
    N_DICTCOMP,
    N_GENEXP,  /* k0 elt/key, k1 value or NULL, then N_COMPFOR / N_COMPIF */
    N_COMPFOR, /* k0 target, k1 iter; op = async */
    N_COMPIF,
    N_YIELD,
    N_YIELDFROM,
    N_AWAIT,
    N_FSTRING, /* kids: N_CONST parts and N_FORMAT */
    N_FORMAT,  /* k0 expr, k1 spec (N_FSTRING) or NULL; op = conversion char */
    N_WALRUS,  /* k0 name, k1 value */
    /* statements */
    N_EXPR,
    N_ASSIGN, /* targets..., value */
    N_AUGASSIGN,
    N_ANNASSIGN, /* k0 target, k1 annotation, k2 value or NULL */
    N_DEL,
    N_PASS,
    N_BREAK,
    N_CONTINUE,
    N_RETURN,
    N_RAISE,
    N_GLOBAL,
    N_NONLOCAL,
    N_ASSERT,
    N_IMPORT,     /* kids N_ALIAS */
    N_IMPORTFROM, /* v module qstr (0 none), op level, kids N_ALIAS (v '*' for star) */
    N_ALIAS,      /* v dotted name (qstr), k0 N_NAME asname or NULL */
    N_IF,
    N_WHILE,
    N_FOR,     /* k0 target, k1 iter, k2 body, k3 else; op async */
    N_TRY,     /* k0 body, k1 handlers (N_BLOCK of N_HANDLER), k2 else, k3 finally */
    N_HANDLER, /* k0 type or NULL, v name qstr or 0, k1 body */
    N_WITH,    /* N_WITHITEM..., body last; op async */
    N_WITHITEM,
    N_FUNCDEF,  /* v name, k0 params, k1 body, k2 decorators; op async */
    N_CLASSDEF, /* v name, k0 N_CALL-like arg list (N_BLOCK), k1 body, k2 decorators */
    N_BLOCK,
    N_PARAMS, /* kids N_PARAM; op: how many leading ones are positional-only */
    N_PARAM,  /* v name, k0 default; op kind */
};

/* parameter kinds */
#define P_POS    0
#define P_VARARG 1
#define P_KWONLY 2
#define P_VARKW  3

typedef struct pn {
    uint8_t kind;
    uint8_t op;
    uint16_t n;
    uint32_t line;
    py_val v;
    struct scope *scope; /* functions, lambdas, classes, comprehensions */
    struct pn *k[];
} pn;

pn *py_parse(py_ctx *ctx, const char *src, size_t len, py_qstr filename, int mode);
_Noreturn void py_syntax_error(py_ctx *ctx, py_qstr file, uint32_t line, const char *msg);

#endif
