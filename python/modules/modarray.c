/* The array module: compact arrays of C numbers (typecodes b B h H i I l L
 * q Q f d) with list-like access, slicing and bytes conversion. */
#include <string.h>

#include "modutil.h"

typedef struct arr_obj {
    py_obj base;
    unsigned char *data;
    size_t len, cap; /* in items */
    char tc;
    uint8_t size;
} arr_obj;

typedef struct arr_iter {
    py_obj base;
    py_val arr;
    size_t i;
} arr_iter;

extern const py_type array_array_type, array_iter_type;

static size_t tc_size(char tc)
{
    switch (tc) {
    case 'b':
    case 'B': return 1;
    case 'h':
    case 'H': return 2;
    case 'i':
    case 'I':
    case 'f': return 4;
    case 'l':
    case 'L': return sizeof(long);
    case 'q':
    case 'Q':
    case 'd': return 8;
    default: return 0;
    }
}

static arr_obj *arr_of(py_val v)
{
    return PY_PTR(v);
}

static void arr_reserve(py_ctx *ctx, arr_obj *a, size_t n)
{
    if (n <= a->cap) {
        return;
    }
    size_t cap = a->cap ? a->cap * 2 : 4;
    while (cap < n) {
        cap *= 2;
    }
    unsigned char *d = py_alloc_raw(ctx, cap * a->size);
    if (a->len) {
        memcpy(d, a->data, a->len * a->size);
    }
    a->data = d;
    a->cap = cap;
}

static arr_obj *arr_new(py_ctx *ctx, char tc, size_t n)
{
    arr_obj *a = py_obj_new(ctx, &array_array_type, sizeof(arr_obj));
    a->tc = tc;
    a->size = (uint8_t)tc_size(tc);
    arr_reserve(ctx, a, n);
    return a;
}

/* ---- element conversion ------------------------------------------------------- */

static _Noreturn void range_error(py_ctx *ctx, char tc, bool high)
{
    static const struct {
        char tc;
        const char *name;
    } names[] = {{'b', "signed char"},          {'B', "unsigned byte integer"},
                 {'h', "signed short integer"}, {'H', "unsigned short"},
                 {'i', "signed integer"},       {'I', "unsigned int"}};
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        if (names[i].tc == tc) {
            if (tc == 'I' && !high) {
                break;
            }
            py_raise(ctx, &py_type_OverflowError, "%s is %s", names[i].name,
                     high ? "greater than maximum" : "less than minimum");
        }
    }
    if (!high) {
        py_raise(ctx, &py_type_OverflowError,
                 tc == 'Q' ? "can't convert negative int to unsigned"
                           : "can't convert negative value to unsigned int");
    }
    py_raise(ctx, &py_type_OverflowError,
             tc == 'l'   ? "Python int too large to convert to C long"
             : tc == 'L' ? "Python int too large to convert to C unsigned long"
                         : "int too big to convert");
}

/* Unsigned value of an int >= 2**63 that fits 64 bits. */
static bool big_unsigned(py_ctx *ctx, py_val v, uint64_t *out)
{
    if (py_truthy(ctx, py_binary_op(ctx, PY_OP_GT, v, py_int_from_u(ctx, UINT64_MAX)))) {
        return false;
    }
    py_val hi = py_binary_op(ctx, PY_OP_RSHIFT, v, PY_MK_SMALL(32));
    py_val lo = py_binary_op(ctx, PY_OP_AND, v, py_int_from(ctx, 0xffffffff));
    *out = (uint64_t)py_int_get(ctx, hi) << 32 | (uint64_t)py_int_get(ctx, lo);
    return true;
}

static uint64_t int_item(py_ctx *ctx, char tc, size_t size, py_val v)
{
    bool is_unsigned = tc >= 'A' && tc <= 'Z';
    intmax_t x;
    if (!py_is_int(v)) {
        py_raise(ctx, &py_type_TypeError, "'%s' object cannot be interpreted as an integer",
                 py_type_of(v)->name);
    }
    if (!py_int_get_checked(ctx, v, &x)) {
        uint64_t u;
        bool neg = py_truthy(ctx, py_binary_op(ctx, PY_OP_LT, v, PY_MK_SMALL(0)));
        if (is_unsigned && !neg && size == 8 && big_unsigned(ctx, v, &u)) {
            return u;
        }
        range_error(ctx, tc, !neg);
    }
    if (is_unsigned) {
        if (x < 0) {
            range_error(ctx, tc, false);
        }
        if (size < 8 && (uintmax_t)x >> (8 * size)) {
            range_error(ctx, tc, true);
        }
    } else if (size < 8) {
        intmax_t lim = (intmax_t)1 << (8 * size - 1);
        if (x < -lim || x >= lim) {
            range_error(ctx, tc, x >= lim);
        }
    }
    return (uint64_t)x;
}

static void set_item(py_ctx *ctx, arr_obj *a, size_t i, py_val v)
{
    unsigned char *p = a->data + i * a->size;
    if (a->tc == 'f' || a->tc == 'd') {
        double d = (double)py_float_get(ctx, v);
        if (a->tc == 'f') {
            float f = (float)d;
            memcpy(p, &f, 4);
        } else {
            memcpy(p, &d, 8);
        }
        return;
    }
    uint64_t u = int_item(ctx, a->tc, a->size, v);
    switch (a->size) {
    case 1: *p = (unsigned char)u; break;
    case 2: {
        uint16_t w = (uint16_t)u;
        memcpy(p, &w, 2);
        break;
    }
    case 4: {
        uint32_t w = (uint32_t)u;
        memcpy(p, &w, 4);
        break;
    }
    default: memcpy(p, &u, 8); break;
    }
}

static py_val get_item(py_ctx *ctx, const arr_obj *a, size_t i)
{
    const unsigned char *p = a->data + i * a->size;
    uint64_t u = 0;
    if (a->tc == 'f') {
        float f;
        memcpy(&f, p, 4);
        return py_float_new(ctx, (py_float_t)f);
    }
    if (a->tc == 'd') {
        double d;
        memcpy(&d, p, 8);
        return py_float_new(ctx, (py_float_t)d);
    }
    switch (a->size) {
    case 1: u = *p; break;
    case 2: {
        uint16_t w;
        memcpy(&w, p, 2);
        u = w;
        break;
    }
    case 4: {
        uint32_t w;
        memcpy(&w, p, 4);
        u = w;
        break;
    }
    default: memcpy(&u, p, 8); break;
    }
    if (a->tc >= 'A' && a->tc <= 'Z') {
        return py_int_from_u(ctx, u);
    }
    if (a->size < 8 && (u >> (8 * a->size - 1)) & 1) {
        u |= ~(uint64_t)0 << (8 * a->size);
    }
    return py_int_from(ctx, (intmax_t)(int64_t)u);
}

static void arr_append(py_ctx *ctx, arr_obj *a, py_val v)
{
    arr_reserve(ctx, a, a->len + 1);
    set_item(ctx, a, a->len, v); /* may raise: only then count it */
    a->len++;
}

static void arr_frombytes(py_ctx *ctx, arr_obj *a, const char *s, size_t n)
{
    if (n % a->size) {
        py_raise(ctx, &py_type_ValueError, "bytes length not a multiple of item size");
    }
    if (!n) {
        return;
    }
    arr_reserve(ctx, a, a->len + n / a->size);
    memcpy(a->data + a->len * a->size, s, n);
    a->len += n / a->size;
}

static void arr_extend(py_ctx *ctx, arr_obj *a, py_val iterable)
{
    if (py_type_of(iterable) == &array_array_type) {
        arr_obj *b = arr_of(iterable);
        if (b->tc != a->tc) {
            py_raise(ctx, &py_type_TypeError, "can only extend with array of same kind");
        }
        arr_frombytes(ctx, a, (const char *)b->data, b->len * b->size);
        return;
    }
    py_val it = py_iter(ctx, iterable), item;
    while ((item = py_next(ctx, it)) != PY_STOP) {
        arr_append(ctx, a, item);
    }
}

/* ---- type slots ------------------------------------------------------------ */

static py_val arr_make_new(py_ctx *ctx, const py_type *type, size_t n, size_t nk,
                           const py_val *args)
{
    py_check_nargs(ctx, n + nk, 1, 2);
    size_t len;
    const char *tcs = py_str_get(ctx, args[0], &len);
    if (py_type_of(args[0]) != &py_type_str || len != 1 || !tc_size(tcs[0])) {
        py_raise(ctx, &py_type_ValueError,
                 "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
    }
    arr_obj *a = arr_new(ctx, tcs[0], 0);
    if (n > 1) {
        const py_type *t = py_type_of(args[1]);
        if (t == &py_type_bytes || t == &py_type_bytearray) {
            const char *s = py_str_get(ctx, args[1], &len);
            arr_frombytes(ctx, a, s, len);
        } else if (t == &py_type_str) {
            py_raise(ctx, &py_type_TypeError,
                     "cannot use a str to initialize an array with typecode '%c'", a->tc);
        } else {
            arr_extend(ctx, a, args[1]);
        }
    }
    return PY_VAL(a);
}

static size_t arr_index(py_ctx *ctx, const arr_obj *a, py_val index)
{
    intmax_t i;
    if (!py_is_int(index)) {
        py_raise(ctx, &py_type_TypeError, "array indices must be integers");
    }
    if (!py_int_get_checked(ctx, index, &i)) {
        i = -1 - (intmax_t)a->len;
    }
    if (i < 0) {
        i += (intmax_t)a->len;
    }
    if (i < 0 || (uintmax_t)i >= a->len) {
        py_raise(ctx, &py_type_IndexError, "array index out of range");
    }
    return (size_t)i;
}

static py_val arr_slice(py_ctx *ctx, arr_obj *a, py_val slice)
{
    intptr_t start, step;
    size_t count = py_slice_indices(ctx, slice, a->len, &start, &step);
    arr_obj *r = arr_new(ctx, a->tc, count);
    for (size_t k = 0; k < count; k++) {
        memcpy(r->data + k * a->size, a->data + (size_t)(start + (intptr_t)k * step) * a->size,
               a->size);
    }
    r->len = count;
    return PY_VAL(r);
}

static void arr_delete(arr_obj *a, size_t i)
{
    memmove(a->data + i * a->size, a->data + (i + 1) * a->size, (a->len - i - 1) * a->size);
    a->len--;
}

/* Replaces items [at, at + count) with src's items (src may be NULL: delete). */
static void arr_replace(py_ctx *ctx, arr_obj *a, size_t at, size_t count, const arr_obj *src)
{
    size_t n = src ? src->len : 0, tail = a->len - at - count;
    arr_reserve(ctx, a, a->len - count + n);
    memmove(a->data + (at + n) * a->size, a->data + (at + count) * a->size, tail * a->size);
    if (n) {
        memcpy(a->data + at * a->size, src->data, n * a->size);
    }
    a->len = a->len - count + n;
}

/* del a[start::step] for step != 1: keeps the items not selected. */
static void arr_delete_extended(arr_obj *a, intptr_t start, intptr_t step, size_t count)
{
    size_t w = 0;
    for (size_t i = 0; i < a->len; i++) {
        intptr_t d = (intptr_t)i - start;
        bool hit = d % step == 0 && d / step >= 0 && (size_t)(d / step) < count;
        if (!hit) {
            memmove(a->data + w++ * a->size, a->data + i * a->size, a->size);
        }
    }
    a->len = w;
}

/* The array assigned to a slice (a copy if it is the target itself). */
static arr_obj *slice_source(py_ctx *ctx, arr_obj *a, py_val value)
{
    if (py_type_of(value) != &array_array_type) {
        py_raise(ctx, &py_type_TypeError, "can only assign array (not \"%s\") to array slice",
                 py_type_of(value)->name);
    }
    arr_obj *src = arr_of(value);
    if (src->tc != a->tc) {
        py_raise(ctx, &py_type_TypeError, "bad argument type for built-in operation");
    }
    if (src == a) {
        py_val all = PY_NONE;
        src = arr_of(arr_slice(ctx, a, py_call(ctx, PY_OBJV(&py_type_slice), 1, &all)));
    }
    return src;
}

/* a[slice] = array (step 1: any length; extended: same length) or
 * del a[slice] (value == PY_STOP). */
static void arr_set_slice(py_ctx *ctx, arr_obj *a, py_val slice, py_val value)
{
    intptr_t start, step;
    size_t count = py_slice_indices(ctx, slice, a->len, &start, &step);
    arr_obj *src = value == PY_STOP ? NULL : slice_source(ctx, a, value);
    if (step == 1) {
        arr_replace(ctx, a, (size_t)start, count, src);
        return;
    }
    if (!src) {
        arr_delete_extended(a, start, step, count);
        return;
    }
    if (src->len != count) {
        py_raise(ctx, &py_type_ValueError,
                 "attempt to assign array of size %lu to extended slice of size %lu",
                 (unsigned long)src->len, (unsigned long)count);
    }
    for (size_t k = 0; k < count; k++) {
        memcpy(a->data + (size_t)(start + (intptr_t)k * step) * a->size, src->data + k * a->size,
               a->size);
    }
}

static py_val arr_subscr(py_ctx *ctx, py_val self, py_val index, py_val value)
{
    arr_obj *a = arr_of(self);
    if (py_type_of(index) == &py_type_slice) {
        if (value == PY_NULL) {
            return arr_slice(ctx, a, index);
        }
        arr_set_slice(ctx, a, index, value);
        return PY_NONE;
    }
    size_t i = arr_index(ctx, a, index);
    if (value == PY_NULL) {
        return get_item(ctx, a, i);
    }
    if (value == PY_STOP) {
        arr_delete(a, i);
    } else {
        set_item(ctx, a, i, value);
    }
    return PY_NONE;
}

static py_val arr_to_list(py_ctx *ctx, arr_obj *a)
{
    py_val l = py_list_new(ctx, 0, NULL);
    for (size_t i = 0; i < a->len; i++) {
        py_list_append(ctx, l, get_item(ctx, a, i));
    }
    return l;
}

static py_val arr_unary(py_ctx *ctx, int op, py_val self)
{
    arr_obj *a = arr_of(self);
    switch (op) {
    case PY_OP_LEN: return PY_MK_SMALL(a->len);
    case PY_OP_BOOL: return PY_BOOL(a->len != 0);
    case PY_OP_HASH: py_raise(ctx, &py_type_TypeError, "unhashable type: 'array.array'");
    default: return PY_NULL;
    }
}

static py_val arr_concat(py_ctx *ctx, arr_obj *a, arr_obj *b)
{
    if (a->tc != b->tc) {
        py_raise(ctx, &py_type_TypeError, "bad argument type for built-in operation");
    }
    arr_obj *r = arr_new(ctx, a->tc, a->len + b->len);
    arr_frombytes(ctx, r, (const char *)a->data, a->len * a->size);
    arr_frombytes(ctx, r, (const char *)b->data, b->len * b->size);
    return PY_VAL(r);
}

static py_val arr_repeat(py_ctx *ctx, arr_obj *a, intmax_t n)
{
    arr_obj *r = arr_new(ctx, a->tc, 0);
    for (intmax_t k = 0; k < n; k++) {
        arr_frombytes(ctx, r, (const char *)a->data, a->len * a->size);
    }
    return PY_VAL(r);
}

static py_val arr_binary(py_ctx *ctx, int op, py_val x, py_val y)
{
    if (py_type_of(x) != &array_array_type) { /* called for the right operand */
        return op == PY_OP_MUL && py_is_int(x) ? arr_repeat(ctx, arr_of(y), py_int_get(ctx, x))
                                               : PY_NULL;
    }
    arr_obj *a = arr_of(x);
    bool y_arr = py_type_of(y) == &array_array_type;
    if (op == PY_OP_IN) {
        for (size_t i = 0; i < a->len; i++) {
            if (py_equal(ctx, get_item(ctx, a, i), y)) {
                return PY_TRUE;
            }
        }
        return PY_FALSE;
    }
    if ((op == PY_OP_ADD || op == PY_OP_IADD) && y_arr) {
        if (op == PY_OP_IADD) {
            arr_extend(ctx, a, y);
            return x;
        }
        return arr_concat(ctx, a, arr_of(y));
    }
    if ((op == PY_OP_MUL || op == PY_OP_IMUL) && py_is_int(y)) {
        return arr_repeat(ctx, a, py_int_get(ctx, y));
    }
    if (op >= PY_OP_LT && op <= PY_OP_GE && y_arr) {
        return py_binary_op(ctx, op, arr_to_list(ctx, a), arr_to_list(ctx, arr_of(y)));
    }
    return PY_NULL;
}

static void arr_print(py_ctx *ctx, py_print *p, py_val self, int kind)
{
    arr_obj *a = arr_of(self);
    py_printf(ctx, p, "array('%c'", a->tc);
    if (a->len) {
        py_printf(ctx, p, ", %r", arr_to_list(ctx, a));
    }
    py_print_str(p, ")");
}

static bool arr_attr(py_ctx *ctx, py_val self, py_qstr name, int op, py_val *value)
{
    arr_obj *a = arr_of(self);
    const char *s = py_qstr_str(ctx, name, NULL);
    if (op != PY_ATTR_LOAD) {
        return false;
    }
    if (!strcmp(s, "typecode")) {
        char tc = a->tc;
        *value = py_str_new(ctx, &tc, 1);
        return true;
    }
    if (!strcmp(s, "itemsize")) {
        *value = PY_MK_SMALL(a->size);
        return true;
    }
    return false;
}

static py_val arr_getiter(py_ctx *ctx, py_val self)
{
    arr_iter *it = py_obj_new(ctx, &array_iter_type, sizeof(arr_iter));
    it->arr = self;
    return PY_VAL(it);
}

static py_val arr_iternext(py_ctx *ctx, py_val self)
{
    arr_iter *it = PY_PTR(self);
    arr_obj *a = arr_of(it->arr);
    return it->i < a->len ? get_item(ctx, a, it->i++) : PY_STOP;
}

/* ---- methods -------------------------------------------------------------- */

static py_val am_append(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    arr_append(ctx, arr_of(a[0]), a[1]);
    return PY_NONE;
}
static PY_FUN(am_append_obj, "append", 2, 2, am_append);

static py_val am_extend(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    arr_extend(ctx, arr_of(a[0]), a[1]);
    return PY_NONE;
}
static PY_FUN(am_extend_obj, "extend", 2, 2, am_extend);

static py_val am_fromlist(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    if (!py_isinstance(ctx, a[1], &py_type_list)) {
        py_raise(ctx, &py_type_TypeError, "arg must be list");
    }
    arr_extend(ctx, arr_of(a[0]), a[1]);
    return PY_NONE;
}
static PY_FUN(am_fromlist_obj, "fromlist", 2, 2, am_fromlist);

static py_val am_frombytes(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    size_t len;
    const char *s = mod_bytes_get(ctx, a[1], &len);
    arr_frombytes(ctx, arr_of(a[0]), s, len);
    return PY_NONE;
}
static PY_FUN(am_frombytes_obj, "frombytes", 2, 2, am_frombytes);

static py_val am_tobytes(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    arr_obj *x = arr_of(a[0]);
    return py_bytes_new(ctx, x->len ? (const void *)x->data : "", x->len * x->size);
}
static PY_FUN(am_tobytes_obj, "tobytes", 1, 1, am_tobytes);

static py_val am_tolist(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return arr_to_list(ctx, arr_of(a[0]));
}
static PY_FUN(am_tolist_obj, "tolist", 1, 1, am_tolist);

static py_val am_pop(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    arr_obj *x = arr_of(a[0]);
    if (!x->len) {
        py_raise(ctx, &py_type_IndexError, "pop from empty array");
    }
    size_t i = arr_index(ctx, x, n > 1 ? a[1] : PY_MK_SMALL(-1));
    py_val v = get_item(ctx, x, i);
    arr_delete(x, i);
    return v;
}
static PY_FUN(am_pop_obj, "pop", 1, 2, am_pop);

static intptr_t arr_find(py_ctx *ctx, arr_obj *x, py_val v)
{
    for (size_t i = 0; i < x->len; i++) {
        if (py_equal(ctx, get_item(ctx, x, i), v)) {
            return (intptr_t)i;
        }
    }
    return -1;
}

static py_val am_index(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    intptr_t i = arr_find(ctx, arr_of(a[0]), a[1]);
    if (i < 0) {
        py_raise(ctx, &py_type_ValueError, "array.index(x): x not in array");
    }
    return py_int_from(ctx, i);
}
static PY_FUN(am_index_obj, "index", 2, 2, am_index);

static py_val am_remove(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    intptr_t i = arr_find(ctx, arr_of(a[0]), a[1]);
    if (i < 0) {
        py_raise(ctx, &py_type_ValueError, "array.remove(x): x not in array");
    }
    arr_delete(arr_of(a[0]), (size_t)i);
    return PY_NONE;
}
static PY_FUN(am_remove_obj, "remove", 2, 2, am_remove);

static py_val am_count(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    arr_obj *x = arr_of(a[0]);
    intptr_t c = 0;
    for (size_t i = 0; i < x->len; i++) {
        c += py_equal(ctx, get_item(ctx, x, i), a[1]);
    }
    return py_int_from(ctx, c);
}
static PY_FUN(am_count_obj, "count", 2, 2, am_count);

static py_val am_insert(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    arr_obj *x = arr_of(a[0]);
    intmax_t i = py_int_get(ctx, a[1]);
    i = i < 0 ? i + (intmax_t)x->len : i;
    i = i < 0 ? 0 : (uintmax_t)i > x->len ? (intmax_t)x->len : i;
    arr_append(ctx, x, a[2]);
    unsigned char tmp[8];
    memcpy(tmp, x->data + (x->len - 1) * x->size, x->size);
    memmove(x->data + ((size_t)i + 1) * x->size, x->data + (size_t)i * x->size,
            (x->len - 1 - (size_t)i) * x->size);
    memcpy(x->data + (size_t)i * x->size, tmp, x->size);
    return PY_NONE;
}
static PY_FUN(am_insert_obj, "insert", 3, 3, am_insert);

static py_val am_reverse(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    arr_obj *x = arr_of(a[0]);
    unsigned char tmp[8];
    for (size_t i = 0, j = x->len; i + 1 < j; i++, j--) {
        memcpy(tmp, x->data + i * x->size, x->size);
        memcpy(x->data + i * x->size, x->data + (j - 1) * x->size, x->size);
        memcpy(x->data + (j - 1) * x->size, tmp, x->size);
    }
    return PY_NONE;
}
static PY_FUN(am_reverse_obj, "reverse", 1, 1, am_reverse);

static py_val am_byteswap(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    arr_obj *x = arr_of(a[0]);
    for (size_t i = 0; i < x->len; i++) {
        unsigned char *p = x->data + i * x->size;
        for (size_t k = 0; k < x->size / 2u; k++) {
            unsigned char t = p[k];
            p[k] = p[x->size - 1 - k];
            p[x->size - 1 - k] = t;
        }
    }
    return PY_NONE;
}
static PY_FUN(am_byteswap_obj, "byteswap", 1, 1, am_byteswap);

static const py_attr_def arr_locals[] = {
    {"append", PY_OBJV(&am_append_obj)},     {"extend", PY_OBJV(&am_extend_obj)},
    {"fromlist", PY_OBJV(&am_fromlist_obj)}, {"frombytes", PY_OBJV(&am_frombytes_obj)},
    {"tobytes", PY_OBJV(&am_tobytes_obj)},   {"tolist", PY_OBJV(&am_tolist_obj)},
    {"pop", PY_OBJV(&am_pop_obj)},           {"index", PY_OBJV(&am_index_obj)},
    {"remove", PY_OBJV(&am_remove_obj)},     {"count", PY_OBJV(&am_count_obj)},
    {"insert", PY_OBJV(&am_insert_obj)},     {"reverse", PY_OBJV(&am_reverse_obj)},
    {"byteswap", PY_OBJV(&am_byteswap_obj)}, {NULL, 0},
};

const py_type array_array_type = {
    {&py_type_type},
    "array",
    PY_TF_BASETYPE,
    arr_make_new,
    arr_print,
    .unary_op = arr_unary,
    .binary_op = arr_binary,
    .attr = arr_attr,
    .subscr = arr_subscr,
    .getiter = arr_getiter,
    .locals = arr_locals,
    .inst_size = sizeof(arr_obj),
};

const py_type array_iter_type = {
    {&py_type_type},
    "arrayiterator",
    PY_TF_ITER_SELF,
    .iternext = arr_iternext,
};

static const py_attr_def array_attrs[] = {
    {"array", PY_OBJV(&array_array_type)},
    {NULL, 0},
};

static void array_init(py_ctx *ctx, py_val module)
{
    py_module_set(ctx, module, "typecodes", py_str_from_cstr(ctx, "bBhHiIlLqQfd"));
}

const py_module_def py_mod_array = {"array", array_attrs, array_init};
