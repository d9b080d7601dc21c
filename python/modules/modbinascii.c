/* The binascii module: hex, base64 and CRC-32 conversions. binascii.Error
 * is reported as ValueError (its base class in CPython). */
#include <stdint.h>

#include "modutil.h"

MOD_EXC(binascii_error_type, "Error", &py_type_ValueError);
#define BINASCII_ERROR MOD_EXC_REF(binascii_error_type, &py_type_ValueError)

static const char hexdigits[] = "0123456789abcdef";

static py_val new_bytes(py_ctx *ctx, size_t len, char **data)
{
    py_str_obj *s = py_str_alloc(ctx, &py_type_bytes, len);
    *data = s->data;
    return PY_VAL(s);
}

static py_val finish(py_ctx *ctx, py_val b)
{
    return py_str_finish(ctx, PY_PTR(b));
}

static py_val ba_hexlify(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    size_t len, slen = 0;
    const unsigned char *src = (const unsigned char *)mod_bytes_get(ctx, a[0], &len);
    const char *sep = n > 1 ? py_str_get(ctx, a[1], &slen) : NULL;
    intmax_t per = n > 2 ? py_int_get(ctx, a[2]) : 1;
    if (sep && slen != 1) {
        py_raise(ctx, &py_type_ValueError, "sep must be length 1.");
    }
    /* Separators every |per| bytes, counted from the right if per > 0. */
    size_t group = per == 0 ? 0 : (size_t)(per < 0 ? -per : per);
    size_t nsep = sep && group && len ? (len - 1) / group : 0;
    char *d;
    py_val r = new_bytes(ctx, 2 * len + nsep, &d);
    for (size_t i = 0; i < len; i++) {
        size_t from_end = len - i;
        if (sep && group && i && (per > 0 ? from_end % group == 0 : i % group == 0)) {
            *d++ = sep[0];
        }
        *d++ = hexdigits[src[i] >> 4];
        *d++ = hexdigits[src[i] & 15];
    }
    return finish(ctx, r);
}
static PY_FUN(ba_hexlify_obj, "hexlify", 1, 3, ba_hexlify);

static int hexval(char c)
{
    if (c >= '0' && c <= '9') {
        return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
        return c - 'a' + 10;
    }
    return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
}

static py_val ba_unhexlify(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    size_t len;
    const char *src = py_str_get(ctx, a[0], &len);
    if (len % 2) {
        py_raise(ctx, BINASCII_ERROR, "Odd-length string");
    }
    char *d;
    py_val r = new_bytes(ctx, len / 2, &d);
    for (size_t i = 0; i < len; i += 2) {
        int hi = hexval(src[i]), lo = hexval(src[i + 1]);
        if (hi < 0 || lo < 0) {
            py_raise(ctx, BINASCII_ERROR, "Non-hexadecimal digit found");
        }
        *d++ = (char)(hi << 4 | lo);
    }
    return finish(ctx, r);
}
static PY_FUN(ba_unhexlify_obj, "unhexlify", 1, 1, ba_unhexlify);

static const char b64chars[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static py_val ba_b2a_base64(py_ctx *ctx, size_t n, size_t nk, const py_val *args)
{
    const py_arg_spec spec[] = {
        {0, PY_ARG_REQUIRED, 0},
        {py_qstr_from_cstr(ctx, "newline"), PY_ARG_KWONLY, PY_TRUE},
    };
    py_val v[2];
    py_parse_args(ctx, n, nk, args, spec, 2, v);
    size_t len;
    const unsigned char *s = (const unsigned char *)py_str_get(ctx, v[0], &len);
    int nl = py_truthy(ctx, v[1]);
    char *d;
    py_val r = new_bytes(ctx, (len + 2) / 3 * 4 + (size_t)nl, &d);
    for (size_t i = 0; i < len; i += 3) {
        uint32_t w = (uint32_t)s[i] << 16;
        w |= i + 1 < len ? (uint32_t)s[i + 1] << 8 : 0;
        w |= i + 2 < len ? s[i + 2] : 0;
        *d++ = b64chars[w >> 18];
        *d++ = b64chars[(w >> 12) & 63];
        *d++ = i + 1 < len ? b64chars[(w >> 6) & 63] : '=';
        *d++ = i + 2 < len ? b64chars[w & 63] : '=';
    }
    if (nl) {
        *d = '\n';
    }
    return finish(ctx, r);
}
static PY_FUN_KWARGS(ba_b2a_base64_obj, "b2a_base64", 1, ba_b2a_base64);

static int b64val(char c)
{
    for (int i = 0; i < 64; i++) {
        if (b64chars[i] == c) {
            return i;
        }
    }
    return -1;
}

/* Non-strict decoding as CPython: characters outside the alphabet are
 * skipped; decoding stops at the padding that ends the data. */
static py_val ba_a2b_base64(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    size_t len, nq = 0, out = 0, pads = 0, nchars = 0;
    const char *s = py_str_get(ctx, a[0], &len);
    char *d;
    py_val r = new_bytes(ctx, len / 4 * 3 + 3, &d);
    uint32_t acc = 0;
    for (size_t i = 0; i < len; i++) {
        int v = s[i] == '=' ? -2 : b64val(s[i]);
        if (v == -2 && nq >= 2 && ++pads == 4 - nq) {
            if (nq == 2) {
                d[out++] = (char)(acc >> 4);
            } else {
                d[out++] = (char)(acc >> 10);
                d[out++] = (char)(acc >> 2);
            }
            nq = 0;
            break;
        }
        if (v < 0) {
            continue;
        }
        nchars++;
        acc = acc << 6 | (uint32_t)v;
        if (++nq == 4) {
            d[out++] = (char)(acc >> 16);
            d[out++] = (char)(acc >> 8);
            d[out++] = (char)acc;
            nq = 0;
            acc = 0;
        }
    }
    if (nq == 1) {
        py_raise(ctx, BINASCII_ERROR,
                 "Invalid base64-encoded string: number of data characters (%u) cannot be 1 more "
                 "than a multiple of 4",
                 (unsigned)nchars);
    }
    if (nq) {
        py_raise(ctx, BINASCII_ERROR, "Incorrect padding");
    }
    ((py_str_obj *)PY_PTR(r))->len = (uint32_t)out;
    return finish(ctx, r);
}
static PY_FUN(ba_a2b_base64_obj, "a2b_base64", 1, 1, ba_a2b_base64);

/* CRC-32 (IEEE 802.3, reflected polynomial 0xEDB88320), bitwise: no table
 * in RAM or flash. */
static py_val ba_crc32(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    size_t len;
    const unsigned char *s = (const unsigned char *)py_str_get(ctx, a[0], &len);
    uint32_t crc = n > 1 ? (uint32_t)(py_int_get(ctx, py_binary_op(ctx, PY_OP_AND, a[1],
                                                                   py_int_from(ctx, 0xffffffff))))
                         : 0;
    crc = ~crc;
    for (size_t i = 0; i < len; i++) {
        crc ^= s[i];
        for (int k = 0; k < 8; k++) {
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1u)));
        }
    }
    return py_int_from_u(ctx, (uint32_t)~crc);
}
static PY_FUN(ba_crc32_obj, "crc32", 1, 2, ba_crc32);

#define F(name)                          \
    {                                    \
#name, PY_OBJV(&ba_##name##_obj) \
    }
static const py_attr_def binascii_attrs[] = {
    F(hexlify),
    F(unhexlify),
    F(b2a_base64),
    F(a2b_base64),
    F(crc32),
    {"Error", PY_OBJV(BINASCII_ERROR)},
    {"b2a_hex", PY_OBJV(&ba_hexlify_obj)},
    {"a2b_hex", PY_OBJV(&ba_unhexlify_obj)},
    {NULL, 0},
};
#undef F

const py_module_def py_mod_binascii = {"binascii", binascii_attrs, NULL};
