/* Helpers shared by the built-in modules in python/modules. */
#ifndef MODUTIL_H
#define MODUTIL_H

#include "obj.h"

/* Growable byte buffer in GC memory (kept alive by the C stack scan). */
typedef struct mod_buf {
    char *data;
    size_t len, cap;
} mod_buf;

void mb_init(py_ctx *ctx, mod_buf *b, size_t cap);
void mb_add(py_ctx *ctx, mod_buf *b, const void *s, size_t n);
void mb_addc(py_ctx *ctx, mod_buf *b, char c);
void mb_adds(py_ctx *ctx, mod_buf *b, const char *s);
/* Appends a value as str(v) or repr(v). */
void mb_add_val(py_ctx *ctx, mod_buf *b, py_val v, int kind);
py_val mb_to_str(py_ctx *ctx, const mod_buf *b);
py_val mb_to_bytes(py_ctx *ctx, const mod_buf *b);

/* Data of a bytes-like object (bytes, bytearray); TypeError for anything
 * else, like CPython's "a bytes-like object is required, not 'T'". */
const char *mod_bytes_get(py_ctx *ctx, py_val v, size_t *len);
/* Writable data of a bytearray; TypeError otherwise. */
char *mod_bytearray_data(py_ctx *ctx, py_val v, size_t *len);

/* Items of a tuple or list, including instances of their subclasses
 * (native ones like struct_time or namedtuples, and classes); TypeError
 * otherwise. */
void mod_get_items(py_ctx *ctx, py_val seq, size_t *n, py_val **items);

/* binary_op slot for native tuple subtypes (struct_time, namedtuples...):
 * compares/concatenates them as plain tuples. */
py_val mod_tuple_binary(py_ctx *ctx, int op, py_val a, py_val b);

/* str built from a py_printf format. */
py_val mod_format(py_ctx *ctx, const char *fmt, ...);
/* Raises type(msg) after setting the given attributes on the instance
 * (names[i] = values[i]), like JSONDecodeError.pos or re.error.pattern. */
_Noreturn void mod_raise_attrs(py_ctx *ctx, const py_type *type, py_val msg, size_t n,
                               const char *const *names, const py_val *values);

/* Module-specific exception classes: defined with the core's macro when it
 * exists, else they fall back to the given built-in base class. */
#ifdef PY_DEFINE_EXC
#define MOD_EXC(id, name, base) PY_DEFINE_EXC(id, name, base)
#define MOD_EXC_REF(id, base)   (&(id))
#else
#define MOD_EXC(id, name, base) extern const py_type id
#define MOD_EXC_REF(id, base)   (base)
#endif

#endif
