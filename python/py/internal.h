/* Interpreter internals shared by the files of python/py (not for modules). */
#ifndef PY_INTERNAL_H
#define PY_INTERNAL_H

#include <setjmp.h>
#include <string.h>

#include "obj.h"
#include "rtpy.h"

#define PY_ALIGN_UP(x, a) (((x) + (a)-1) & ~((size_t)(a)-1))
#define PY_UNUSED(x)      ((void)(x))
#if defined(__GNUC__)
#define PY_LIKELY(x)   __builtin_expect(!!(x), 1)
#define PY_UNLIKELY(x) __builtin_expect(!!(x), 0)
#else
#define PY_LIKELY(x)   (x)
#define PY_UNLIKELY(x) (x)
#endif

/* memcpy/memmove of values that tolerate an empty (possibly NULL) source */
static inline void py_vcopy(py_val *dst, const py_val *src, size_t n)
{
    if (n != 0) {
        memcpy(dst, src, n * sizeof(py_val));
    }
}

static inline void py_vmove(py_val *dst, const py_val *src, size_t n)
{
    if (n != 0) {
        memmove(dst, src, n * sizeof(py_val));
    }
}

/* --- non-local exits ------------------------------------------------------ */
typedef struct py_jmp {
    struct py_jmp *prev;
    struct py_frame *frame; /* frame active when the handler was set */
    py_val *vsp;            /* vstack high-water at the time */
    int depth;
    py_val exc; /* the caught exception */
    jmp_buf buf;
} py_jmp;

void py_jmp_push(py_ctx *ctx, py_jmp *j);
void py_jmp_pop(py_ctx *ctx, py_jmp *j);
int py_jmp_restore(py_ctx *ctx, py_jmp *j);
/* Catch: 0 first time, nonzero (exception in j->exc, VM state restored) on raise. */
#define py_try(ctx, j)     (py_jmp_push(ctx, j), setjmp((j)->buf) ? py_jmp_restore(ctx, j) : 0)
#define py_try_end(ctx, j) py_jmp_pop(ctx, j)

/* --- GC heap ----------------------------------------------------------------- */
#define PY_BLOCK (2 * sizeof(void *)) /* allocation granule */
typedef struct py_gc {
    uint8_t *table; /* one byte per block: state bits */
    uint8_t *pool;  /* first block */
    size_t n_blocks;
    size_t inited; /* blocks whose table bytes are initialised (the rest are free) */
    size_t next;   /* next-fit hint */
    size_t used_blocks;
    size_t since_collect; /* blocks allocated since last collection */
    size_t threshold;     /* collect after this many (0: only when full) */
    int locked;
    int disabled;
    int collecting;
    py_val *mark_stack;
    size_t mark_top, mark_cap;
    int mark_overflow;
    size_t fail_countdown; /* tests: make the n-th allocation from now fail (0: off) */
    size_t fail_min;       /* smallest block count that found no hole since the last sweep */
} py_gc;

/* Test hook: the n-th allocation from now fails as if the heap were full. */
void py_gc_fail_after(py_ctx *ctx, size_t n);
size_t py_gc_size(py_ctx *ctx, const void *p); /* bytes of a heap allocation, 0 if none */

void py_gc_init(py_ctx *ctx, void *mem, size_t size);
void py_gc_collect(py_ctx *ctx);
bool py_gc_is_heap(py_ctx *ctx, const void *p);
void *py_gc_alloc(py_ctx *ctx, size_t size, bool scan); /* NULL if full */
void *py_alloc_raw_nz(py_ctx *ctx, size_t size);        /* not zeroed; MemoryError */

/* --- qstr tables ------------------------------------------------------------- */
typedef struct py_qpool {
    struct py_qpool *prev;
    uint16_t first; /* first qstr index in this pool */
    uint16_t count, cap;
    const char **str; /* NUL-terminated */
    uint32_t *hash;
    uint16_t *len;
} py_qpool;

uint32_t py_hash_bytes(const char *s, size_t len);
uint32_t py_qstr_hash(py_ctx *ctx, py_qstr q);
void py_qstr_init(py_ctx *ctx);
/* Existing qstr for s, or 0 (empty string is index 0, so check len). */
py_qstr py_qstr_find(py_ctx *ctx, const char *s, size_t len, uint32_t hash);

/* --- code objects and functions ---------------------------------------------- */
#define PY_CO_VARARGS   0x01
#define PY_CO_VARKW     0x02
#define PY_CO_GENERATOR 0x04
#define PY_CO_CLASS     0x08 /* class body: names live in a dict */
#define PY_CO_MODULE    0x10
#define PY_CO_ASYNC     0x20
#define PY_CO_SIMPLE    0x40 /* positional args only, no cells: fast call */

typedef struct py_exc_range {
    uint16_t start, end, handler, depth;
} py_exc_range;

typedef struct py_code {
    py_obj base;
    uint8_t *bc;
    py_val *consts;
    py_qstr *names; /* local variable names */
    uint8_t *lines; /* pairs (bc delta, line delta) */
    py_exc_range *exc;
    py_val *cache;   /* inline caches, 2 words each */
    uint16_t *cells; /* local slots that hold cells (created on entry) */
    uint32_t bc_len;
    uint32_t first_line;
    uint16_t n_consts, n_names, n_lines, n_exc, n_cache, n_cells;
    uint16_t n_pos;     /* positional parameters */
    uint16_t n_kwonly;  /* keyword-only parameters (follow the positionals) */
    uint16_t n_posonly; /* the first n_posonly positionals cannot be passed by keyword */
    uint16_t n_locals;  /* all slots: params, *args, **kw, locals, cells, frees */
    uint16_t n_free;    /* free variables: last n_free slots, from the closure */
    uint16_t n_stack;
    uint16_t flags;
    py_qstr name;
    py_qstr qualname;
    py_qstr filename;
    py_val doc; /* docstring or None */
} py_code;

#define PY_COMPILE_NAMES 0x100 /* py_compile mode flag: module-level names via LOAD_NAME */

typedef struct py_fun {
    py_obj base;
    py_code *code;
    py_dict *globals;
    py_tuple *defaults;   /* positional defaults, or NULL */
    py_dict *kwdefaults;  /* or NULL */
    py_tuple *closure;    /* cells, or NULL */
    const py_type *klass; /* class the function was defined in (super()) */
    py_val name;          /* __name__ override or PY_NULL */
    py_dict *attrs;       /* function attributes (f.x = 1) or NULL */
} py_fun;

typedef struct py_cell {
    py_obj base;
    py_val v;
} py_cell;

typedef struct py_bound {
    py_obj base;
    py_val fun, self;
} py_bound;

/* A frame lives in the VM stack (or inside a generator object): this header
 * followed by code->n_locals locals then code->n_stack operand slots. */
typedef struct py_frame {
    struct py_frame *prev;
    py_code *code;
    py_fun *fun;
    py_dict *globals;
    py_dict *locals_dict; /* class bodies / module level / exec */
    const uint8_t *ip;
    py_val *sp;
    struct py_gen *gen; /* generator owning this frame, or NULL */
    uint32_t lasti;     /* offset of the last instruction executed */
    uint16_t entry;     /* 1: return to C from this frame */
    uint16_t pad;
    py_val locals[];
} py_frame;

#define PY_FRAME_WORDS ((sizeof(py_frame) + sizeof(py_val) - 1) / sizeof(py_val))

typedef struct py_gen {
    py_obj base;
    py_frame *frame; /* inside this object's memory */
    py_val result;
    uint8_t state; /* 0 fresh, 1 suspended, 2 running, 3 finished */
    uint8_t is_coro;
    py_val yf; /* object being delegated to (yield from) */
} py_gen;

/* --- exceptions ---------------------------------------------------------------- */
typedef struct py_exc {
    py_obj base;
    py_tuple *args;
    py_val traceback; /* list of (filename qstr, line, name qstr) triples, flat */
    py_val cause, context;
    py_dict *dict; /* attributes of subclass instances */
    uint8_t suppress_context;
} py_exc;

void py_exc_add_tb(py_ctx *ctx, py_val exc, py_qstr file, uint32_t line, py_qstr name);
void py_print_exception(py_ctx *ctx, py_print *p, py_val exc);
py_val py_exc_arg0(py_val exc);

/* --- context ------------------------------------------------------------------ */
#define PY_NPIN 8
struct py_ctx {
    py_gc gc;
    const rtpy_hal *hal;
    py_jmp *jmp;
    py_frame *frame; /* innermost running frame */
    py_val *vstack, *vstack_end;
    py_val *vsp; /* first free vstack slot */
    int depth;
    char *cstack_base; /* address near the VM entry */
    size_t cstack_limit;
    int cdepth; /* nesting of API entries */
    volatile int interrupt;
    py_val exc;     /* pending (API) exception */
    py_val cur_exc; /* exception being handled (bare raise, __context__) */
    int exit_status;
    int reraise; /* the exception being raised already has this frame's traceback */
    py_qpool *qpool;
    uint16_t n_qstr;
    uint16_t *qindex; /* open-addressing hash of all qstrs, 0 = empty */
    uint32_t qindex_mask;
    uint32_t *static_hash;
    py_dict *builtins;
    py_dict *modules;    /* sys.modules */
    py_dict *type_dicts; /* native type -> dict made from its locals table */
    py_val main_module;
    py_val sys_path, sys_argv;
    py_val mem_err; /* preallocated MemoryError instance */
    py_val sys_stdout, sys_stderr, sys_stdin;
    py_val kbd_exc;
    uint32_t dict_version;
    uint32_t class_version;
    py_val pinned[PY_NPIN];
    py_val sched[16]; /* ring of (fn, arg) pairs filled by rtpy_schedule */
    volatile unsigned sched_head, sched_tail;
    py_val open_files;     /* list of open file objects (closed at teardown) */
    py_val repr_stack[16]; /* containers being printed (recursion shows as [...]) */
    int repr_depth;
    void *heap_start;
    size_t heap_size;
    struct py_thread *threads;    /* Python threads (thread.c); NULL: single-threaded */
    struct py_thread *cur_thread; /* the one holding the GIL, whose state ctx holds */
};

/* thread.c: GIL yield / thread stop at safe points (returns the flags left to handle),
 * the parked threads' roots for the collector, and the conservative scan it uses. */
int py_thread_check(py_ctx *ctx, int flags);
void py_thread_gc_roots(py_ctx *ctx);
void py_gc_scan_range(py_ctx *ctx, const void *lo, const void *hi);

/* --- helpers across files ----------------------------------------------------- */
void py_check_cstack(py_ctx *ctx);
py_val py_vm_run(py_ctx *ctx, py_frame *f);
py_val py_call_fun(py_ctx *ctx, py_fun *fun, size_t n_args, size_t n_kw, const py_val *args);
py_val py_gen_resume(py_ctx *ctx, py_gen *g, py_val send, py_val throw_exc, int *yielded);
py_val py_make_gen(py_ctx *ctx, py_fun *fun, size_t n_args, size_t n_kw, const py_val *args);
void py_bind_args(py_ctx *ctx, py_fun *fun, py_val *locals, size_t n_args, size_t n_kw,
                  const py_val *args);
py_code *py_compile(py_ctx *ctx, const char *src, size_t len, py_qstr filename, int mode);
py_val py_import(py_ctx *ctx, py_qstr name, py_val fromlist, int level);
py_val py_module_new(py_ctx *ctx, py_qstr name);
void py_builtins_init(py_ctx *ctx);
void py_sys_init(py_ctx *ctx);
py_val py_lookup_type_attr(py_ctx *ctx, const py_type *t, py_qstr name); /* MRO, PY_NULL */
py_val py_load_method(py_ctx *ctx, py_val obj, py_qstr name, py_val *self_out);
py_val py_special(py_ctx *ctx, py_val obj, py_qstr name); /* bound special method or NULL */
void py_delattr(py_ctx *ctx, py_val obj, py_qstr name);
py_val py_compare(py_ctx *ctx, int op, py_val a, py_val b);
py_val py_format_value(py_ctx *ctx, py_val v, py_val spec);
py_val py_str_format_pct(py_ctx *ctx, py_val fmt, py_val args);
py_val py_ascii(py_ctx *ctx, py_val v); /* ascii(v) */
py_val py_str_concat(py_ctx *ctx, py_val a, py_val b);
int py_cmp_list(py_ctx *ctx, int op, const py_val *a, size_t an, const py_val *b, size_t bn);
py_val py_int_binop(py_ctx *ctx, int op, py_val a, py_val b);
py_val py_int_from_str(py_ctx *ctx, const char *s, size_t len, int base, bool exc);
py_val py_int_from_float(py_ctx *ctx, py_float_t f);
py_val py_float_from_str(py_ctx *ctx, const char *s, size_t len);
void py_float_repr(char *buf, size_t n, py_float_t v);
bool py_int_is_big(py_val v);
intptr_t py_int_hash(py_val v);
py_val py_int_to_str(py_ctx *ctx, py_val v, int base);
py_float_t py_int_to_float(py_ctx *ctx, py_val v);
int py_int_sign(py_val v);
py_val py_complex_new(py_ctx *ctx, py_float_t re, py_float_t im);
void py_complex_parts(py_val v, py_float_t *re, py_float_t *im); /* v must be a complex */
py_val py_complex_binop(py_ctx *ctx, int op, py_val a, py_val b);

/* dict internals */
py_dict *py_dict_alloc(py_ctx *ctx, const py_type *type, size_t cap);
py_dict_entry *py_dict_lookup(py_ctx *ctx, py_dict *d, py_val key, uint32_t hash);
py_dict_entry *py_dict_lookup_q(py_ctx *ctx, py_dict *d, py_qstr q);
void py_dict_store(py_ctx *ctx, py_dict *d, py_val key, py_val value);
void py_dict_store_q(py_ctx *ctx, py_dict *d, py_qstr q, py_val value);
bool py_dict_remove(py_ctx *ctx, py_dict *d, py_val key, py_val *value_out);
uint32_t py_key_hash(py_ctx *ctx, py_val key);
py_val py_set_new(py_ctx *ctx, const py_type *type);
void py_set_add(py_ctx *ctx, py_val set, py_val item);
py_val py_dict_from_attrs(py_ctx *ctx, const py_attr_def *attrs);
py_dict *py_type_locals(py_ctx *ctx, const py_type *t);

/* str internals */
typedef struct py_strbuf {
    py_print p;
    py_ctx *ctx;
    char *buf;
    size_t len, cap;
} py_strbuf;
void py_strbuf_init(py_ctx *ctx, py_strbuf *b, size_t cap);
void py_strbuf_add(py_strbuf *b, const char *s, size_t n);
void py_strbuf_addc(py_strbuf *b, char c);
py_val py_strbuf_finish(py_strbuf *b, const py_type *type);
py_val py_str_intern(py_ctx *ctx, const char *s, size_t len); /* qstr value */
void py_print_quoted(py_print *p, const char *s, size_t len, bool bytes);
uint32_t py_str_hash(py_ctx *ctx, py_val v);
bool py_str_equal(py_ctx *ctx, py_val a, py_val b);
py_val py_str_join(py_ctx *ctx, py_val sep, py_val iterable);
py_val py_str_getslice(py_ctx *ctx, py_val s, py_val index);

/* list/tuple internals */
py_val py_list_from_iter(py_ctx *ctx, py_val iterable);
py_val py_tuple_from_iter(py_ctx *ctx, py_val iterable);
void py_list_sort(py_ctx *ctx, py_val list, py_val key, bool reverse);
void py_list_extend(py_ctx *ctx, py_val list, py_val iterable);

/* type internals */
py_val py_build_class(py_ctx *ctx, py_val body, py_qstr name, size_t n_bases, const py_val *bases,
                      py_val metaclass);
py_val py_instance_new(py_ctx *ctx, const py_type *t);
py_val py_super_new(py_ctx *ctx, const py_type *t, py_val obj);
py_val py_bound_new(py_ctx *ctx, py_val fun, py_val self);
bool py_is_callable(py_ctx *ctx, py_val v);
py_val py_type_name_val(const py_type *t);
const char *py_type_name(py_val v);
py_val py_dir(py_ctx *ctx, py_val obj);

extern const py_type py_type_code, py_type_cell, py_type_super, py_type_enumerate, py_type_zip,
    py_type_map, py_type_filter, py_type_reversed, py_type_range_iter, py_type_seq_iter,
    py_type_dict_view;

/* builtin module table in core */
extern const py_module_def py_mod_sys, py_mod_gc, py_mod_micropython, py_mod_builtins,
    py_mod_io_core;
extern const py_attr_def py_builtins_attrs[];

#define PY_CSTACK_CHECK(ctx)                                                           \
    do {                                                                               \
        char probe_;                                                                   \
        if (PY_UNLIKELY((size_t)((ctx)->cstack_base - &probe_) > (ctx)->cstack_limit)) \
            py_check_cstack(ctx);                                                      \
    } while (0)

#endif
