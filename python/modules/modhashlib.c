/* The hashlib module: sha256 and sha512 over python/lib/sha2. */
#include <string.h>

#include "modutil.h"
#include "sha2.h"

typedef struct hash_obj {
    py_obj base;
    int is512;
    union {
        sha256_ctx s256;
        sha512_ctx s512;
    } u;
} hash_obj;

extern const py_type hashlib_hash_type;

static hash_obj *hash_of(py_val v)
{
    return PY_PTR(v);
}

static void hash_update(py_ctx *ctx, hash_obj *h, py_val data)
{
    size_t len;
    if (py_type_of(data) == &py_type_str) {
        py_raise(ctx, &py_type_TypeError, "Strings must be encoded before hashing");
    }
    const char *s = mod_bytes_get(ctx, data, &len);
    if (h->is512) {
        sha512_update(&h->u.s512, s, len);
    } else {
        sha256_update(&h->u.s256, s, len);
    }
}

static py_val hash_new(py_ctx *ctx, int is512, size_t n, size_t nk, const py_val *args)
{
    const py_arg_spec spec[] = {
        {py_qstr_from_cstr(ctx, "string"), 0, PY_NULL},
        {py_qstr_from_cstr(ctx, "usedforsecurity"), PY_ARG_KWONLY, PY_TRUE},
    };
    py_val v[2];
    py_parse_args(ctx, n, nk, args, spec, 2, v);
    hash_obj *h = py_obj_new(ctx, &hashlib_hash_type, sizeof(hash_obj));
    h->is512 = is512;
    if (is512) {
        sha512_init(&h->u.s512);
    } else {
        sha256_init(&h->u.s256);
    }
    if (v[0] != PY_NULL) {
        hash_update(ctx, h, v[0]);
    }
    return PY_VAL(h);
}

static py_val hashlib_sha256(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return hash_new(ctx, 0, n, nk, a);
}
static PY_FUN_KWARGS(hashlib_sha256_obj, "sha256", 0, hashlib_sha256);

static py_val hashlib_sha512(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return hash_new(ctx, 1, n, nk, a);
}
static PY_FUN_KWARGS(hashlib_sha512_obj, "sha512", 0, hashlib_sha512);

static py_val hashlib_new(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    if (n < 1) {
        py_raise(ctx, &py_type_TypeError, "new() missing required argument 'name' (pos 1)");
    }
    size_t len;
    const char *name = py_str_get(ctx, a[0], &len);
    if (len == 6 && (!memcmp(name, "sha256", 6) || !memcmp(name, "SHA256", 6))) {
        return hash_new(ctx, 0, n - 1, nk, a + 1);
    }
    if (len == 6 && (!memcmp(name, "sha512", 6) || !memcmp(name, "SHA512", 6))) {
        return hash_new(ctx, 1, n - 1, nk, a + 1);
    }
    py_raise(ctx, &py_type_ValueError, "unsupported hash type %s", name);
}
static PY_FUN_KWARGS(hashlib_new_obj, "new", 1, hashlib_new);

static py_val hm_update(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    hash_update(ctx, hash_of(a[0]), a[1]);
    return PY_NONE;
}
static PY_FUN(hm_update_obj, "update", 2, 2, hm_update);

/* The digest of the data so far (the object stays usable). */
static size_t hash_digest(hash_obj *h, unsigned char *out)
{
    if (h->is512) {
        sha512_ctx c = h->u.s512;
        sha512_final(&c, out);
        return SHA512_DIGEST;
    }
    sha256_ctx c = h->u.s256;
    sha256_final(&c, out);
    return SHA256_DIGEST;
}

static py_val hm_digest(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    unsigned char d[SHA512_DIGEST];
    size_t len = hash_digest(hash_of(a[0]), d);
    return py_bytes_new(ctx, d, len);
}
static PY_FUN(hm_digest_obj, "digest", 1, 1, hm_digest);

static py_val hm_hexdigest(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    unsigned char d[SHA512_DIGEST];
    char hex[2 * SHA512_DIGEST];
    size_t len = hash_digest(hash_of(a[0]), d);
    for (size_t i = 0; i < len; i++) {
        hex[2 * i] = "0123456789abcdef"[d[i] >> 4];
        hex[2 * i + 1] = "0123456789abcdef"[d[i] & 15];
    }
    return py_str_new(ctx, hex, 2 * len);
}
static PY_FUN(hm_hexdigest_obj, "hexdigest", 1, 1, hm_hexdigest);

static py_val hm_copy(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    hash_obj *c = py_obj_new(ctx, &hashlib_hash_type, sizeof(hash_obj));
    *c = *hash_of(a[0]);
    return PY_VAL(c);
}
static PY_FUN(hm_copy_obj, "copy", 1, 1, hm_copy);

static bool hash_attr(py_ctx *ctx, py_val self, py_qstr name, int op, py_val *value)
{
    hash_obj *h = hash_of(self);
    const char *s = py_qstr_str(ctx, name, NULL);
    if (op != PY_ATTR_LOAD) {
        return false;
    }
    if (!strcmp(s, "name")) {
        *value = py_str_from_cstr(ctx, h->is512 ? "sha512" : "sha256");
    } else if (!strcmp(s, "digest_size")) {
        *value = PY_MK_SMALL(h->is512 ? SHA512_DIGEST : SHA256_DIGEST);
    } else if (!strcmp(s, "block_size")) {
        *value = PY_MK_SMALL(h->is512 ? 128 : 64);
    } else {
        return false;
    }
    return true;
}

static void hash_print(py_ctx *ctx, py_print *p, py_val self, int kind)
{
    py_printf(ctx, p, "<%s _hashlib.HASH object>", hash_of(self)->is512 ? "sha512" : "sha256");
}

static const py_attr_def hash_locals[] = {
    {"update", PY_OBJV(&hm_update_obj)},
    {"digest", PY_OBJV(&hm_digest_obj)},
    {"hexdigest", PY_OBJV(&hm_hexdigest_obj)},
    {"copy", PY_OBJV(&hm_copy_obj)},
    {NULL, 0},
};

const py_type hashlib_hash_type = {
    {&py_type_type}, "HASH", 0, NULL, hash_print, .attr = hash_attr, .locals = hash_locals,
};

static const py_attr_def hashlib_attrs[] = {
    {"sha256", PY_OBJV(&hashlib_sha256_obj)},
    {"sha512", PY_OBJV(&hashlib_sha512_obj)},
    {"new", PY_OBJV(&hashlib_new_obj)},
    {NULL, 0},
};

const py_module_def py_mod_hashlib = {"hashlib", hashlib_attrs, NULL};
