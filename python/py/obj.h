/* Object model and native API of the rtpy interpreter: what built-in modules
 * (python/modules) and the core are written against.
 *
 * Everything runs against one interpreter context (py_ctx). Natives raise
 * Python exceptions with py_raise*() which long-jump to the nearest handler
 * inside the interpreter; a native therefore never returns an error code and
 * must not hold resources other than GC memory across calls that may raise.
 * None of these functions may be called from an ISR.
 */
#ifndef PY_OBJ_H
#define PY_OBJ_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "pyconfig.h"

/* --- values -------------------------------------------------------------
 *
 * A value is one machine word; the low bits say what it is:
 *
 *   ...xxxxxxx1   small int: (intptr_t)v >> 1, 31 bits on 32-bit, 63 on 64-bit
 *   ...xxxxxx10   interned string (qstr): index v >> 2
 *   ...xxxxxx00   pointer to an object (GC heap or const memory); its first
 *                 word is the object's type
 *
 * Two pointer values are reserved markers and never reach Python code:
 * PY_NULL (0: "no value", e.g. attribute not found) and PY_STOP (4: an
 * iterator is exhausted).
 */
typedef uintptr_t py_val;
typedef uint16_t py_qstr;
typedef struct py_ctx py_ctx;
typedef struct py_type py_type;

typedef struct py_obj {
    const py_type *type;
} py_obj;

#define PY_NULL          ((py_val)0)
#define PY_STOP          ((py_val)4)

#define PY_IS_SMALL(v)   (((v)&1) != 0)
#define PY_SMALL(v)      ((intptr_t)(v) >> 1)
#define PY_MK_SMALL(i)   ((py_val)(((uintptr_t)(intptr_t)(i) << 1) | 1))
#define PY_SMALL_MAX     (INTPTR_MAX >> 1)
#define PY_SMALL_MIN     (INTPTR_MIN >> 1)
#define PY_SMALL_FITS(i) ((i) >= PY_SMALL_MIN && (i) <= PY_SMALL_MAX)
#define PY_IS_QSTR(v)    (((v)&3) == 2)
#define PY_QSTR(v)       ((py_qstr)((v) >> 2))
#define PY_MK_QSTR(q)    ((((py_val)(q)) << 2) | 2)
#define PY_IS_PTR(v)     (((v)&3) == 0)
#define PY_PTR(v)        ((void *)(v))
#define PY_VAL(p)        ((py_val)(p))

/* Singletons live in const memory. */
extern const py_obj py_none_obj, py_true_obj, py_false_obj, py_ellipsis_obj, py_notimpl_obj;
#define PY_NONE     PY_VAL(&py_none_obj)
#define PY_TRUE     PY_VAL(&py_true_obj)
#define PY_FALSE    PY_VAL(&py_false_obj)
#define PY_ELLIPSIS PY_VAL(&py_ellipsis_obj)
#define PY_NOTIMPL  PY_VAL(&py_notimpl_obj)
#define PY_BOOL(b)  ((b) ? PY_TRUE : PY_FALSE)

/* --- interned names (qstr) ----------------------------------------------
 * Built-in names are enumerated from qstrdefs.h as PY_Q_<name>; runtime
 * names are interned with py_qstr_from(). Equal qstrs have equal indexes. */
enum {
#define Q(id)     PY_Q_##id,
#define QS(id, s) PY_Q_##id,
#include "qstrdefs.h"
#undef Q
#undef QS
    PY_Q__COUNT
};

py_qstr py_qstr_from(py_ctx *ctx, const char *s, size_t len); /* raises MemoryError */
py_qstr py_qstr_from_cstr(py_ctx *ctx, const char *s);
const char *py_qstr_str(py_ctx *ctx, py_qstr q, size_t *len); /* len may be NULL */

/* --- native functions ---------------------------------------------------
 * Every native callable has this signature: n_args positional arguments in
 * args[0..n_args), then n_kw keyword pairs (qstr value, argument value) in
 * args[n_args + 2*i], args[n_args + 2*i + 1]. */
typedef py_val (*py_cfun)(py_ctx *ctx, size_t n_args, size_t n_kw, const py_val *args);

#define PY_ARGS_VAR 0xff /* max_args: no upper limit */
#define PY_FUN_KW   0x01 /* accepts keyword arguments (else TypeError) */

typedef struct py_cfun_obj {
    py_obj base; /* &py_type_cfun */
    const char *name;
    py_cfun fun;
    uint8_t min_args, max_args, flags;
} py_cfun_obj;

extern const py_type py_type_cfun, py_type_staticmethod, py_type_classmethod;

/* Define a const function object `id` named `name` calling `fn`, taking
 * min..max positional arguments (PY_ARGS_VAR for any) and no keywords. */
#define PY_FUN(id, name, min, max, fn) \
    const py_cfun_obj id = {{&py_type_cfun}, name, fn, min, max, 0}
/* Same, also accepting keyword arguments (parse them with py_parse_args). */
#define PY_FUN_KWARGS(id, name, min, fn) \
    const py_cfun_obj id = {{&py_type_cfun}, name, fn, min, PY_ARGS_VAR, PY_FUN_KW}

/* Wrappers to put a native function in a type's table as static/class method. */
typedef struct py_wrap_obj {
    py_obj base;
    py_val fun;
} py_wrap_obj;
#define PY_STATICMETHOD(id, fun_id) \
    const py_wrap_obj id = {{&py_type_staticmethod}, (py_val) & (fun_id)}
#define PY_CLASSMETHOD(id, fun_id) \
    const py_wrap_obj id = {{&py_type_classmethod}, (py_val) & (fun_id)}

/* A const attribute table (module globals, type methods/constants),
 * terminated by {NULL, 0}. Values: PY_OBJV(&obj) for const objects
 * (functions, types, float constants...), PY_MK_SMALL(n) for small ints. */
typedef struct py_attr_def {
    const char *name;
    py_val value;
} py_attr_def;
#define PY_OBJV(p) ((py_val)(p))

/* A built-in module: its attribute table, and an optional init hook run
 * once when the module is first imported (to add computed attributes with
 * py_module_set). */
typedef struct py_module_def {
    const char *name; /* "math"; also importable as "umath" */
    const py_attr_def *attrs;
    void (*init)(py_ctx *ctx, py_val module);
} py_module_def;

/* The external module table: python/modules defines
 *   const py_module_def *const py_ext_modules[] = {&mod_math, ..., NULL};
 * (the core supplies an empty weak default). */
extern const py_module_def *const py_ext_modules[];

void py_module_set(py_ctx *ctx, py_val module, const char *name, py_val value);

/* --- types ----------------------------------------------------------------- */

/* Operators for unary_op / binary_op slots. */
enum {
    PY_OP_NEG,
    PY_OP_POS,
    PY_OP_INVERT,
    PY_OP_NOT,
    PY_OP_BOOL, /* unary: return PY_TRUE/PY_FALSE, PY_NULL = use len/true */
    PY_OP_LEN,  /* unary: return small int, PY_NULL = no len() */
    PY_OP_HASH, /* unary: return small int, PY_NULL = default identity hash */
    PY_OP_ABS,
    PY_OP_INT,   /* unary: __int__ */
    PY_OP_FLOAT, /* unary: __float__ */
    /* binary: keep this order (the compiler emits them, in-place = +1 block) */
    PY_OP_ADD,
    PY_OP_SUB,
    PY_OP_MUL,
    PY_OP_MATMUL,
    PY_OP_TRUEDIV,
    PY_OP_FLOORDIV,
    PY_OP_MOD,
    PY_OP_POW,
    PY_OP_LSHIFT,
    PY_OP_RSHIFT,
    PY_OP_AND,
    PY_OP_OR,
    PY_OP_XOR,
    PY_OP_IADD,
    PY_OP_ISUB,
    PY_OP_IMUL,
    PY_OP_IMATMUL,
    PY_OP_ITRUEDIV,
    PY_OP_IFLOORDIV,
    PY_OP_IMOD,
    PY_OP_IPOW,
    PY_OP_ILSHIFT,
    PY_OP_IRSHIFT,
    PY_OP_IAND,
    PY_OP_IOR,
    PY_OP_IXOR,
    PY_OP_LT,
    PY_OP_GT,
    PY_OP_EQ,
    PY_OP_NE,
    PY_OP_LE,
    PY_OP_GE,
    PY_OP_IN,     /* binary_op(IN, container, item): PY_TRUE/PY_FALSE */
    PY_OP_DIVMOD, /* binary: divmod(a, b) */
    PY_OP__COUNT
};
#define PY_INPLACE_DELTA (PY_OP_IADD - PY_OP_ADD)

/* print kinds */
#define PY_PRINT_STR  0
#define PY_PRINT_REPR 1

/* An output sink (stdout, a string being built...). */
typedef struct py_print {
    void *data;
    void (*write)(void *data, const char *s, size_t len);
} py_print;

/* attr slot ops (for attributes computed by the type, e.g. complex.real;
 * methods and constants come from the `locals` table instead). */
#define PY_ATTR_LOAD   0
#define PY_ATTR_STORE  1
#define PY_ATTR_DELETE 2

/* subscr slot: value == PY_NULL: load; PY_STOP: delete; else store value.
 * Returns the loaded value (load) or PY_NONE. */

struct py_type {
    py_obj base; /* &py_type_type */
    const char *name;
    uint16_t flags;
    py_val (*make_new)(py_ctx *ctx, const py_type *type, size_t n_args, size_t n_kw,
                       const py_val *args);
    void (*print)(py_ctx *ctx, py_print *p, py_val self, int kind);
    py_val (*call)(py_ctx *ctx, py_val self, size_t n_args, size_t n_kw, const py_val *args);
    py_val (*unary_op)(py_ctx *ctx, int op, py_val self);
    /* Return PY_NULL when the operand types are not supported (the runtime
     * then tries the reflected operation / raises TypeError). */
    py_val (*binary_op)(py_ctx *ctx, int op, py_val lhs, py_val rhs);
    /* Returns true if handled. Load: *value receives the attribute; store:
     * *value is the new value; delete: value unused. */
    bool (*attr)(py_ctx *ctx, py_val self, py_qstr name, int op, py_val *value);
    py_val (*subscr)(py_ctx *ctx, py_val self, py_val index, py_val value);
    py_val (*getiter)(py_ctx *ctx, py_val self);
    py_val (*iternext)(py_ctx *ctx, py_val self); /* PY_STOP when exhausted */
    const py_attr_def *locals;                    /* methods and class constants */
    const py_type *base_type;                     /* native base (NULL: object) */
    /* filled for classes created by `class` statements */
    struct py_dict *dict;
    struct py_tuple *bases;
    struct py_tuple *mro;
    uint32_t version;   /* bumped when the class dict changes (attribute caches) */
    uint16_t inst_size; /* native base: size of its instance struct (subclassing) */
    uint16_t dict_off;  /* class instances: offset of the instance dict pointer, 0 none */
};

/* type flags */
#define PY_TF_BASETYPE     0x01 /* native type may be subclassed */
#define PY_TF_CLASS        0x02 /* created by a class statement (heap type) */
#define PY_TF_ITER_SELF    0x04 /* getiter returns self */
#define PY_TF_HAS_SLOTS    0x08 /* class defines __slots__ (no instance dict) */
#define PY_TF_EXCEPTION    0x10 /* derives from BaseException */
#define PY_TF_SPECIALS     0x20 /* class defines special methods (slow path) */
#define PY_TF_GETATTRIBUTE 0x40 /* class (or a base) defines __getattribute__ */

/* Common built-in types (names follow Python). */
extern const py_type py_type_type, py_type_object, py_type_none, py_type_bool, py_type_int,
    py_type_float, py_type_complex, py_type_str, py_type_bytes, py_type_bytearray,
    py_type_memoryview, py_type_list, py_type_tuple, py_type_dict, py_type_set, py_type_frozenset,
    py_type_range, py_type_slice, py_type_module, py_type_function, py_type_bound_method,
    py_type_generator, py_type_property, py_type_ellipsis, py_type_notimpl;

/* Exception types */
extern const py_type py_type_BaseException, py_type_Exception, py_type_SystemExit,
    py_type_KeyboardInterrupt, py_type_GeneratorExit, py_type_StopIteration,
    py_type_StopAsyncIteration, py_type_ArithmeticError, py_type_OverflowError,
    py_type_ZeroDivisionError, py_type_AssertionError, py_type_AttributeError, py_type_EOFError,
    py_type_ImportError, py_type_ModuleNotFoundError, py_type_LookupError, py_type_IndexError,
    py_type_KeyError, py_type_MemoryError, py_type_NameError, py_type_UnboundLocalError,
    py_type_OSError, py_type_RuntimeError, py_type_NotImplementedError, py_type_RecursionError,
    py_type_SyntaxError, py_type_IndentationError, py_type_TypeError, py_type_ValueError,
    py_type_UnicodeError, py_type_UnicodeDecodeError, py_type_UnicodeEncodeError,
    py_type_FloatingPointError;

static inline const py_type *py_type_of(py_val v)
{
    extern const py_type py_type_int, py_type_str;
    if (PY_IS_SMALL(v)) {
        return &py_type_int;
    }
    if (PY_IS_QSTR(v)) {
        return &py_type_str;
    }
    return ((py_obj *)v)->type;
}

bool py_isinstance(py_ctx *ctx, py_val v, const py_type *t);
bool py_issubclass(py_ctx *ctx, const py_type *sub, const py_type *t);

/* --- concrete objects --------------------------------------------------------- */

typedef struct py_float_obj {
    py_obj base;
    py_float_t v;
} py_float_obj;

typedef struct py_str_obj { /* str and bytes (immutable) */
    py_obj base;
    uint32_t hash;      /* 0: not computed yet */
    uint32_t len : 30;  /* bytes */
    uint32_t ascii : 2; /* 0 unknown, 1 all ASCII, 2 has multi-byte chars */
    char data[];        /* NUL-terminated */
} py_str_obj;

typedef struct py_tuple {
    py_obj base;
    size_t len;
    py_val items[];
} py_tuple;

typedef struct py_list { /* list and bytearray-less sequences */
    py_obj base;
    size_t len, alloc;
    py_val *items;
} py_list;

typedef struct py_dict_entry {
    py_val key; /* PY_NULL: deleted */
    py_val value;
} py_dict_entry;

typedef struct py_dict { /* dict, set, frozenset (value unused), instance dicts */
    py_obj base;
    uint32_t used;    /* live entries */
    uint32_t fill;    /* entries used incl. deleted */
    uint32_t cap;     /* entries allocated */
    uint32_t mask;    /* index table size - 1 (0: no index, linear search) */
    uint32_t version; /* changes when keys are added/removed (lookup caches) */
    py_dict_entry *entries;
    uint32_t *index; /* slot -> entry+1 (0 empty) */
} py_dict;

typedef struct py_module {
    py_obj base;
    py_dict *globals;
    py_qstr name;
} py_module;

/* --- constructors / accessors (all raise MemoryError on exhaustion) ---------- */

py_val py_int_from(py_ctx *ctx, intmax_t v);
py_val py_int_from_u(py_ctx *ctx, uintmax_t v);
/* Value of an int (or bool) that fits intmax_t; TypeError / OverflowError. */
intmax_t py_int_get(py_ctx *ctx, py_val v);
/* Same, but for any integer-like value returns false on overflow. */
bool py_int_get_checked(py_ctx *ctx, py_val v, intmax_t *out);
bool py_is_int(py_val v); /* int or bool (bigint included) */

py_val py_float_new(py_ctx *ctx, py_float_t v);
/* float, int or bool as a float; TypeError otherwise. */
py_float_t py_float_get(py_ctx *ctx, py_val v);

py_val py_str_new(py_ctx *ctx, const char *s, size_t len);
py_val py_str_from_cstr(py_ctx *ctx, const char *s);
py_val py_bytes_new(py_ctx *ctx, const void *s, size_t len);
/* Data of a str/bytes/bytearray; TypeError otherwise. */
const char *py_str_get(py_ctx *ctx, py_val v, size_t *len);
bool py_is_str(py_val v);
/* Allocate a str/bytes with room for len bytes to fill in, then finish it. */
py_str_obj *py_str_alloc(py_ctx *ctx, const py_type *type, size_t len);
py_val py_str_finish(py_ctx *ctx, py_str_obj *s);

py_val py_tuple_new(py_ctx *ctx, size_t n, const py_val *items); /* items may be NULL */
py_val py_list_new(py_ctx *ctx, size_t n, const py_val *items);
void py_list_append(py_ctx *ctx, py_val list, py_val item);
py_val py_dict_new(py_ctx *ctx);
void py_dict_set(py_ctx *ctx, py_val dict, py_val key, py_val value);
py_val py_dict_get(py_ctx *ctx, py_val dict, py_val key); /* PY_NULL if absent */
/* Items of a tuple or list without copying. TypeError otherwise. */
void py_get_items(py_ctx *ctx, py_val seq, size_t *n, py_val **items);

/* --- generic operations ---------------------------------------------------- */

py_val py_call(py_ctx *ctx, py_val fn, size_t n_args, const py_val *args);
py_val py_call_kw(py_ctx *ctx, py_val fn, size_t n_args, size_t n_kw, const py_val *args);
py_val py_call_method(py_ctx *ctx, py_val obj, py_qstr name, size_t n_args, const py_val *args);
py_val py_getattr(py_ctx *ctx, py_val obj, py_qstr name);     /* AttributeError */
py_val py_getattr_opt(py_ctx *ctx, py_val obj, py_qstr name); /* PY_NULL if absent */
void py_setattr(py_ctx *ctx, py_val obj, py_qstr name, py_val value);
py_val py_binary_op(py_ctx *ctx, int op, py_val a, py_val b);
py_val py_unary_op(py_ctx *ctx, int op, py_val a);
bool py_truthy(py_ctx *ctx, py_val v);
bool py_equal(py_ctx *ctx, py_val a, py_val b);
intptr_t py_hash(py_ctx *ctx, py_val v); /* TypeError for unhashable */
size_t py_len(py_ctx *ctx, py_val v);
py_val py_subscr(py_ctx *ctx, py_val obj, py_val index, py_val value);
py_val py_iter(py_ctx *ctx, py_val v);
/* Whether py_iter(v) would succeed in finding an iteration protocol (never raises). */
bool py_is_iterable(py_ctx *ctx, py_val v);
py_val py_next(py_ctx *ctx, py_val iter); /* PY_STOP when exhausted */
py_val py_repr(py_ctx *ctx, py_val v);    /* str object */
py_val py_to_str(py_ctx *ctx, py_val v);  /* str(v) */
void py_print_val(py_ctx *ctx, py_print *p, py_val v, int kind);
/* printf-like output: %s %d %u %ld %lu %zu %x %c %%, plus %q (qstr),
 * %r (repr of py_val), %S (str of py_val), %T (type name of py_val). */
void py_printf(py_ctx *ctx, py_print *p, const char *fmt, ...);
void py_vprintf(py_ctx *ctx, py_print *p, const char *fmt, va_list ap);
void py_print_str(py_print *p, const char *s);
/* Index normalisation: negative counts from the end; IndexError if out of range. */
size_t py_index(py_ctx *ctx, py_val index, size_t len, const char *what);
/* Convert a slice object against len: start, stop, step, result count. */
size_t py_slice_indices(py_ctx *ctx, py_val slice, size_t len, intptr_t *start, intptr_t *step);

/* Keyword/positional argument parsing for PY_FUN_KW natives. Each spec gives
 * a name, whether it is required and its default; out receives values in
 * spec order (PY_NULL for an absent optional without default). */
typedef struct py_arg_spec {
    py_qstr name; /* 0 (PY_Q_) for positional-only */
    uint8_t flags;
    py_val def;
} py_arg_spec;
#define PY_ARG_REQUIRED 0x01
#define PY_ARG_KWONLY   0x02
void py_parse_args(py_ctx *ctx, size_t n_args, size_t n_kw, const py_val *args,
                   const py_arg_spec *spec, size_t n_spec, py_val *out);
/* TypeError unless min <= n <= max. */
void py_check_nargs(py_ctx *ctx, size_t n, size_t min, size_t max);

/* --- exceptions ----------------------------------------------------------------- */

/* Raise an exception of `type` with a formatted message (py_printf format).
 * Never returns. */
_Noreturn void py_raise(py_ctx *ctx, const py_type *type, const char *fmt, ...);
_Noreturn void py_raise_obj(py_ctx *ctx, py_val exc); /* exception instance or class */
_Noreturn void py_raise_oserror(py_ctx *ctx, int errnum);
_Noreturn void py_raise_type(py_ctx *ctx, const char *what, py_val v); /* "<what> ... 'T'" */
py_val py_exc_new(py_ctx *ctx, const py_type *type, size_t n_args, const py_val *args);

/* Define a module-specific exception class, e.g.
 *     PY_DEFINE_EXC(json_decode_error, "JSONDecodeError", &py_type_ValueError);
 * and put PY_OBJV(&json_decode_error) in the module table. */
py_val py_exc_make_new(py_ctx *ctx, const py_type *type, size_t n_args, size_t n_kw,
                       const py_val *args);
void py_exc_print(py_ctx *ctx, struct py_print *p, py_val self, int kind);
bool py_exc_attr(py_ctx *ctx, py_val self, py_qstr name, int op, py_val *value);
extern const py_attr_def py_exc_locals[];
#define PY_EXC_INST_SIZE (6 * sizeof(void *) + sizeof(void *))
#define PY_DEFINE_EXC(id, name, base)                     \
    const py_type id = {{&py_type_type},                  \
                        name,                             \
                        PY_TF_BASETYPE | PY_TF_EXCEPTION, \
                        py_exc_make_new,                  \
                        py_exc_print,                     \
                        .attr = py_exc_attr,              \
                        .locals = py_exc_locals,          \
                        .base_type = base,                \
                        .inst_size = PY_EXC_INST_SIZE}

/* Catching exceptions in native code:
 *     py_jmp j;
 *     if (py_try(ctx, &j) == 0) { ...; py_try_end(ctx, &j); }
 *     else { py_val exc = j.exc; ... }
 * py_try must be a macro around setjmp; see internal.h. */

/* --- memory -------------------------------------------------------------------- */

/* Allocate zeroed GC memory that may contain values (scanned by the GC). */
void *py_alloc(py_ctx *ctx, size_t size);
/* Allocate GC memory that holds no values (strings, digits, floats). */
void *py_alloc_raw(py_ctx *ctx, size_t size);
void *py_realloc(py_ctx *ctx, void *p, size_t old_size, size_t new_size);
/* Allocate an object of `size` bytes with its type set. */
void *py_obj_new(py_ctx *ctx, const py_type *type, size_t size);

/* Check for a pending keyboard interrupt (long natives call this in loops). */
void py_check_interrupt(py_ctx *ctx);

/* HAL access for modules (time, os...). */
const struct rtpy_hal *py_hal(py_ctx *ctx);

#endif
