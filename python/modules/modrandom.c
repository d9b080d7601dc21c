/* The random module: a Mersenne Twister (MT19937) seeded exactly like
 * CPython, so a given integer seed yields CPython's sequences for random(),
 * getrandbits(), randrange(), randint(), choice(), shuffle(), sample() and
 * uniform(). The module functions are bound methods of a hidden Random
 * instance, created per interpreter when the module is imported. */
#include <math.h>
#include <string.h>

#include "modutil.h"
#include "sha2.h"
#include "rtpy.h"

#define MT_N 624
#define MT_M 397

typedef struct rnd_obj {
    py_obj base;
    uint32_t *mt; /* MT_N words, raw GC memory */
    int mti;
    bool have_gauss; /* gauss() makes values in pairs */
    double gauss_next;
} rnd_obj;

extern const py_type random_Random_type;

/* ---- generator ----------------------------------------------------------- */

static void mt_init(uint32_t *mt, uint32_t s)
{
    mt[0] = s;
    for (uint32_t i = 1; i < MT_N; i++) {
        mt[i] = 1812433253u * (mt[i - 1] ^ (mt[i - 1] >> 30)) + i;
    }
}

/* The reference init_by_array seeding. */
static void mt_init_array(rnd_obj *r, const uint32_t *key, size_t len)
{
    uint32_t *mt = r->mt;
    size_t i = 1, j = 0;
    mt_init(mt, 19650218u);
    for (size_t k = MT_N > len ? MT_N : len; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525u)) + key[j] + (uint32_t)j;
        if (++i >= MT_N) {
            mt[0] = mt[MT_N - 1];
            i = 1;
        }
        if (++j >= len) {
            j = 0;
        }
    }
    for (size_t k = MT_N - 1; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941u)) - (uint32_t)i;
        if (++i >= MT_N) {
            mt[0] = mt[MT_N - 1];
            i = 1;
        }
    }
    mt[0] = 0x80000000u;
    r->mti = MT_N;
}

static uint32_t mt_twist(uint32_t a, uint32_t b, uint32_t m)
{
    uint32_t y = (a & 0x80000000u) | (b & 0x7fffffffu);
    return m ^ (y >> 1) ^ ((y & 1) ? 0x9908b0dfu : 0);
}

static uint32_t mt_next(rnd_obj *r)
{
    uint32_t *mt = r->mt;
    if (r->mti >= MT_N) {
        int k;
        for (k = 0; k < MT_N - MT_M; k++) {
            mt[k] = mt_twist(mt[k], mt[k + 1], mt[k + MT_M]);
        }
        for (; k < MT_N - 1; k++) {
            mt[k] = mt_twist(mt[k], mt[k + 1], mt[k + MT_M - MT_N]);
        }
        mt[MT_N - 1] = mt_twist(mt[MT_N - 1], mt[0], mt[MT_M - 1]);
        r->mti = 0;
    }
    uint32_t y = mt[r->mti++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    return y ^ (y >> 18);
}

static double mt_random(rnd_obj *r)
{
    uint32_t a = mt_next(r) >> 5, b = mt_next(r) >> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

/* k random bits (k <= 64) as CPython's getrandbits builds them. */
static uint64_t mt_bits64(rnd_obj *r, unsigned k)
{
    if (k <= 32) {
        return k ? mt_next(r) >> (32 - k) : 0;
    }
    uint64_t lo = mt_next(r);
    return lo | (uint64_t)(mt_next(r) >> (64 - k)) << 32;
}

/* ---- seeding ------------------------------------------------------------------ */

static rnd_obj *self_rnd(py_val v)
{
    return PY_PTR(v);
}

/* seed(int): the key is |a| as little-endian 32-bit words. */
static void seed_int(py_ctx *ctx, rnd_obj *r, py_val a)
{
    a = py_unary_op(ctx, PY_OP_ABS, a);
    py_val bits = py_call_method(ctx, a, PY_Q_bit_length, 0, NULL);
    size_t n = (size_t)py_int_get(ctx, bits) / 32 + 1;
    uint32_t *key = py_alloc_raw(ctx, n * sizeof *key);
    py_val mask = py_int_from(ctx, 0xffffffff);
    for (size_t i = 0; i < n; i++) {
        key[i] = (uint32_t)py_int_get(ctx, py_binary_op(ctx, PY_OP_AND, a, mask));
        a = py_binary_op(ctx, PY_OP_RSHIFT, a, PY_MK_SMALL(32));
    }
    while (n > 1 && key[n - 1] == 0) {
        n--;
    }
    mt_init_array(r, key, n);
}

/* No seed: the port's entropy source if it has one, else the clocks. */
static void seed_time(py_ctx *ctx, rnd_obj *r)
{
    const rtpy_hal *hal = py_hal(ctx);
#ifdef RTPY_HAL_FS
    uint32_t entropy[16];
    if (hal && hal->urandom && hal->urandom(hal->user, entropy, sizeof entropy) == 0) {
        mt_init_array(r, entropy, 16);
        return;
    }
#endif
    uint64_t t = hal && hal->ticks_us ? hal->ticks_us(hal->user) : 0;
    double w = hal && hal->time ? hal->time(hal->user) : 0;
    uint64_t wb;
    memcpy(&wb, &w, sizeof wb);
    uint32_t key[5] = {(uint32_t)t, (uint32_t)(t >> 32), (uint32_t)wb, (uint32_t)(wb >> 32),
                       (uint32_t)(uintptr_t)r};
    mt_init_array(r, key, 5);
}

/* seed(str/bytes) as CPython: the key is int.from_bytes(s + sha512(s))
 * (big-endian), i.e. those bytes reversed in little-endian 32-bit words. */
static void seed_text(py_ctx *ctx, rnd_obj *r, py_val a)
{
    size_t len;
    const unsigned char *s = (const unsigned char *)py_str_get(ctx, a, &len);
    size_t total = len + SHA512_DIGEST, nwords = (total + 3) / 4;
    unsigned char *all = py_alloc_raw(ctx, total);
    uint32_t *key = py_alloc_raw(ctx, nwords * sizeof *key);
    sha512_ctx h;
    sha512_init(&h);
    sha512_update(&h, s, len);
    memcpy(all, s, len);
    sha512_final(&h, all + len);
    memset(key, 0, nwords * sizeof *key);
    for (size_t i = 0; i < total; i++) {
        size_t from_end = total - 1 - i; /* byte weight 256**from_end */
        key[from_end / 4] |= (uint32_t)all[i] << (8 * (from_end % 4));
    }
    while (nwords > 1 && key[nwords - 1] == 0) {
        nwords--;
    }
    mt_init_array(r, key, nwords);
}

static void do_seed(py_ctx *ctx, rnd_obj *r, py_val a)
{
    r->have_gauss = false;
    if (a == PY_NONE || a == PY_NULL) {
        seed_time(ctx, r);
    } else if (py_is_int(a)) {
        seed_int(ctx, r, a);
    } else if (py_type_of(a) == &py_type_str || py_type_of(a) == &py_type_bytes ||
               py_type_of(a) == &py_type_bytearray) {
        seed_text(ctx, r, a);
    } else if (py_type_of(a) == &py_type_float) {
        seed_int(ctx, r, py_int_from(ctx, py_hash(ctx, a)));
    } else {
        py_raise(
            ctx, &py_type_TypeError,
            "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.");
    }
}

static py_val rnd_make_new(py_ctx *ctx, const py_type *type, size_t n, size_t nk,
                           const py_val *args)
{
    py_check_nargs(ctx, n + nk, 0, 1);
    rnd_obj *r = py_obj_new(ctx, type, sizeof(rnd_obj));
    r->mt = py_alloc_raw(ctx, MT_N * sizeof(uint32_t));
    do_seed(ctx, r, n ? args[0] : PY_NONE);
    return PY_VAL(r);
}

static py_val rnd_seed(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    do_seed(ctx, self_rnd(a[0]), n > 1 ? a[1] : PY_NONE);
    return PY_NONE;
}
static PY_FUN(rnd_seed_obj, "seed", 1, 2, rnd_seed);

/* ---- integers ---------------------------------------------------------------- */

static py_val getrandbits(py_ctx *ctx, rnd_obj *r, intmax_t k)
{
    if (k < 0) {
        py_raise(ctx, &py_type_ValueError, "number of bits must be non-negative");
    }
    if (k <= 64) {
        return py_int_from_u(ctx, mt_bits64(r, (unsigned)k));
    }
    /* Little-endian 32-bit words, the last one keeping its top bits, laid out
     * as bytes and converted in one go (linear time; the allocation fails
     * fast with MemoryError when the request cannot fit in the heap). */
    if ((uintmax_t)k / 8 >= (size_t)-1 / 2) {
        py_raise(ctx, &py_type_OverflowError, "getrandbits() argument too large");
    }
    size_t nbytes = (size_t)((k + 7) / 8);
    py_str_obj *b = py_str_alloc(ctx, &py_type_bytes, nbytes);
    for (size_t i = 0; k > 0; i += 4, k -= 32) {
        uint32_t w = mt_next(r);
        if (k < 32) {
            w >>= 32 - k;
        }
        for (size_t j = 0; j < 4 && i + j < nbytes; j++) {
            b->data[i + j] = (char)(w >> (8 * j));
        }
    }
    py_val args[2] = {py_str_finish(ctx, b), PY_MK_QSTR(PY_Q_little)};
    return py_call_method(ctx, PY_OBJV(&py_type_int), PY_Q_from_bytes, 2, args);
}

static py_val rnd_getrandbits(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return getrandbits(ctx, self_rnd(a[0]), py_int_get(ctx, a[1]));
}
static PY_FUN(rnd_getrandbits_obj, "getrandbits", 2, 2, rnd_getrandbits);

static bool lt(py_ctx *ctx, py_val a, py_val b)
{
    return py_truthy(ctx, py_binary_op(ctx, PY_OP_LT, a, b));
}

/* Uniform integer in [0, n) for n > 0 by rejection, as CPython's _randbelow. */
static py_val randbelow(py_ctx *ctx, rnd_obj *r, py_val n)
{
    intmax_t small;
    if (py_int_get_checked(ctx, n, &small) && small > 0) {
        unsigned k = 0;
        for (uintmax_t t = (uintmax_t)small; t; t >>= 1) {
            k++;
        }
        uint64_t v;
        do {
            v = mt_bits64(r, k);
        } while (v >= (uint64_t)small);
        return py_int_from_u(ctx, v);
    }
    intmax_t k = py_int_get(ctx, py_call_method(ctx, n, PY_Q_bit_length, 0, NULL));
    py_val v;
    do {
        v = getrandbits(ctx, r, k);
    } while (!lt(ctx, v, n));
    return v;
}

/* int(x), requiring it to equal x (randrange's argument rule). */
static py_val integral(py_ctx *ctx, py_val x, int argno)
{
    if (py_is_int(x)) {
        return x;
    }
    py_val i = py_call(ctx, PY_OBJV(&py_type_int), 1, &x);
    if (!py_equal(ctx, i, x)) {
        py_raise(ctx, &py_type_ValueError, "non-integer arg %d for randrange()", argno);
    }
    return i;
}

static py_val randrange(py_ctx *ctx, rnd_obj *r, py_val start, py_val stop, py_val step)
{
    py_val zero = PY_MK_SMALL(0);
    start = integral(ctx, start, 1);
    if (stop == PY_NONE) {
        if (lt(ctx, zero, start)) {
            return randbelow(ctx, r, start);
        }
        py_raise(ctx, &py_type_ValueError, "empty range for randrange()");
    }
    stop = integral(ctx, stop, 2);
    step = integral(ctx, step, 3);
    py_val width = py_binary_op(ctx, PY_OP_SUB, stop, start);
    if (py_equal(ctx, step, PY_MK_SMALL(1))) {
        if (lt(ctx, zero, width)) {
            return py_binary_op(ctx, PY_OP_ADD, start, randbelow(ctx, r, width));
        }
        py_raise(ctx, &py_type_ValueError, "empty range for randrange() (%S, %S, %S)", start, stop,
                 width);
    }
    if (py_equal(ctx, step, zero)) {
        py_raise(ctx, &py_type_ValueError, "zero step for randrange()");
    }
    /* n = ceil(width / step) */
    py_val adj =
        py_binary_op(ctx, lt(ctx, zero, step) ? PY_OP_SUB : PY_OP_ADD, step, PY_MK_SMALL(1));
    py_val n = py_binary_op(ctx, PY_OP_FLOORDIV, py_binary_op(ctx, PY_OP_ADD, width, adj), step);
    if (!lt(ctx, zero, n)) {
        py_raise(ctx, &py_type_ValueError, "empty range for randrange()");
    }
    py_val off = py_binary_op(ctx, PY_OP_MUL, step, randbelow(ctx, r, n));
    return py_binary_op(ctx, PY_OP_ADD, start, off);
}

static py_val rnd_randrange(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return randrange(ctx, self_rnd(a[0]), a[1], n > 2 ? a[2] : PY_NONE,
                     n > 3 ? a[3] : PY_MK_SMALL(1));
}
static PY_FUN(rnd_randrange_obj, "randrange", 2, 4, rnd_randrange);

static py_val rnd_randint(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    py_val stop = py_binary_op(ctx, PY_OP_ADD, a[2], PY_MK_SMALL(1));
    return randrange(ctx, self_rnd(a[0]), a[1], stop, PY_MK_SMALL(1));
}
static PY_FUN(rnd_randint_obj, "randint", 3, 3, rnd_randint);

/* ---- floats and sequences ------------------------------------------------------- */

static py_val rnd_random(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return py_float_new(ctx, (py_float_t)mt_random(self_rnd(a[0])));
}
static PY_FUN(rnd_random_obj, "random", 1, 1, rnd_random);

static py_val rnd_uniform(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    double lo = (double)py_float_get(ctx, a[1]), hi = (double)py_float_get(ctx, a[2]);
    return py_float_new(ctx, (py_float_t)(lo + (hi - lo) * mt_random(self_rnd(a[0]))));
}
static PY_FUN(rnd_uniform_obj, "uniform", 3, 3, rnd_uniform);

static py_val rnd_choice(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    size_t len = py_len(ctx, a[1]);
    if (!len) {
        py_raise(ctx, &py_type_IndexError, "Cannot choose from an empty sequence");
    }
    py_val i = randbelow(ctx, self_rnd(a[0]), py_int_from(ctx, (intmax_t)len));
    return py_subscr(ctx, a[1], i, PY_NULL);
}
static PY_FUN(rnd_choice_obj, "choice", 2, 2, rnd_choice);

static py_val rnd_shuffle(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    rnd_obj *r = self_rnd(a[0]);
    py_val x = a[1];
    for (size_t i = py_len(ctx, x); i-- > 1;) {
        py_val vi = py_int_from(ctx, (intmax_t)i);
        py_val j = randbelow(ctx, r, py_int_from(ctx, (intmax_t)i + 1));
        py_val xi = py_subscr(ctx, x, vi, PY_NULL), xj = py_subscr(ctx, x, j, PY_NULL);
        py_subscr(ctx, x, vi, xj);
        py_subscr(ctx, x, j, xi);
    }
    return PY_NONE;
}
static PY_FUN(rnd_shuffle_obj, "shuffle", 2, 2, rnd_shuffle);

/* Table size below which sample() draws from a copied pool (as CPython). */
static size_t sample_setsize(size_t k)
{
    size_t size = 21;
    if (k > 5) {
        size_t p = 1;
        while (p < 3 * k) { /* 4 ** ceil(log4(3k)) */
            p *= 4;
        }
        size += p;
    }
    return size;
}

static py_val sample_pool(py_ctx *ctx, rnd_obj *r, py_val pop, size_t n, size_t k)
{
    py_val pool = py_list_new(ctx, 0, NULL), result = py_list_new(ctx, k, NULL);
    py_val it = py_iter(ctx, pop), item;
    while ((item = py_next(ctx, it)) != PY_STOP) {
        py_list_append(ctx, pool, item);
    }
    py_list *pl = PY_PTR(pool), *rl = PY_PTR(result);
    for (size_t i = 0; i < k; i++) {
        intmax_t j = py_int_get(ctx, randbelow(ctx, r, py_int_from(ctx, (intmax_t)(n - i))));
        rl->items[i] = pl->items[j];
        pl->items[j] = pl->items[n - i - 1];
    }
    return result;
}

static py_val sample_set(py_ctx *ctx, rnd_obj *r, py_val pop, size_t n, size_t k)
{
    py_val result = py_list_new(ctx, k, NULL), selected = py_dict_new(ctx);
    py_list *rl = PY_PTR(result);
    py_val vn = py_int_from(ctx, (intmax_t)n);
    for (size_t i = 0; i < k; i++) {
        py_val j = randbelow(ctx, r, vn);
        while (py_dict_get(ctx, selected, j) != PY_NULL) {
            j = randbelow(ctx, r, vn);
        }
        py_dict_set(ctx, selected, j, PY_NONE);
        rl->items[i] = py_subscr(ctx, pop, j, PY_NULL);
    }
    return result;
}

static py_val rnd_sample(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    rnd_obj *r = self_rnd(a[0]);
    py_val pop = a[1];
    const py_type *t = py_type_of(pop);
    if (t == &py_type_set || t == &py_type_frozenset || py_isinstance(ctx, pop, &py_type_dict)) {
        py_raise(ctx, &py_type_TypeError,
                 "Population must be a sequence.  For dicts or sets, use sorted(d).");
    }
    size_t len = py_len(ctx, pop);
    intmax_t k = py_int_get(ctx, a[2]);
    if (k < 0 || (uintmax_t)k > len) {
        py_raise(ctx, &py_type_ValueError, "Sample larger than population or is negative");
    }
    if (len <= sample_setsize((size_t)k)) {
        return sample_pool(ctx, r, pop, len, (size_t)k);
    }
    return sample_set(ctx, r, pop, len, (size_t)k);
}
static PY_FUN(rnd_sample_obj, "sample", 3, 3, rnd_sample);

/* choices(population, weights=None, *, cum_weights=None, k=1): CPython's
 * draws (floor(random() * n), or bisection over cumulative weights). */
static py_val cum_list(py_ctx *ctx, py_val weights)
{
    py_val list = py_list_new(ctx, 0, NULL), total = PY_MK_SMALL(0);
    py_val it = py_iter(ctx, weights), w;
    while ((w = py_next(ctx, it)) != PY_STOP) {
        total = py_binary_op(ctx, PY_OP_ADD, total, w);
        py_list_append(ctx, list, total);
    }
    return list;
}

/* First index in cum[lo..hi) whose value is > x (bisect_right). */
static size_t bisect_right(py_ctx *ctx, const py_val *cum, double x, size_t lo, size_t hi)
{
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (x < (double)py_float_get(ctx, cum[mid])) {
            hi = mid;
        } else {
            lo = mid + 1;
        }
    }
    return lo;
}

static py_val rnd_choices(py_ctx *ctx, size_t n, size_t nk, const py_val *args)
{
    const py_arg_spec spec[] = {
        {0, PY_ARG_REQUIRED, 0},
        {py_qstr_from_cstr(ctx, "population"), PY_ARG_REQUIRED, 0},
        {py_qstr_from_cstr(ctx, "weights"), 0, PY_NONE},
        {py_qstr_from_cstr(ctx, "cum_weights"), PY_ARG_KWONLY, PY_NONE},
        {py_qstr_from_cstr(ctx, "k"), PY_ARG_KWONLY, PY_MK_SMALL(1)},
    };
    py_val v[5];
    py_parse_args(ctx, n, nk, args, spec, 5, v);
    rnd_obj *r = self_rnd(v[0]);
    size_t len = py_len(ctx, v[1]);
    intmax_t k = py_int_get(ctx, v[4]);
    py_val out = py_list_new(ctx, 0, NULL), cum = v[3];
    if (cum == PY_NONE && v[2] == PY_NONE) {
        for (intmax_t i = 0; i < k; i++) {
            double idx = floor(mt_random(r) * (double)len);
            py_list_append(ctx, out,
                           py_subscr(ctx, v[1], py_int_from(ctx, (intmax_t)idx), PY_NULL));
        }
        return out;
    }
    if (cum != PY_NONE && v[2] != PY_NONE) {
        py_raise(ctx, &py_type_TypeError, "Cannot specify both weights and cumulative weights");
    }
    cum = cum == PY_NONE ? cum_list(ctx, v[2]) : py_call(ctx, PY_OBJV(&py_type_list), 1, &cum);
    size_t nc;
    py_val *cw;
    mod_get_items(ctx, cum, &nc, &cw);
    if (nc != len) {
        py_raise(ctx, &py_type_ValueError, "The number of weights does not match the population");
    }
    double total = nc ? (double)py_float_get(ctx, cw[nc - 1]) : 0.0;
    if (total <= 0.0) {
        py_raise(ctx, &py_type_ValueError, "Total of weights must be greater than zero");
    }
    if (!isfinite(total)) {
        py_raise(ctx, &py_type_ValueError, "Total of weights must be finite");
    }
    for (intmax_t i = 0; i < k; i++) {
        size_t idx = bisect_right(ctx, cw, mt_random(r) * total, 0, len - 1);
        py_list_append(ctx, out, py_subscr(ctx, v[1], py_int_from(ctx, (intmax_t)idx), PY_NULL));
    }
    return out;
}
static PY_FUN_KWARGS(rnd_choices_obj, "choices", 2, rnd_choices);

static double arg_or(py_ctx *ctx, size_t n, const py_val *a, size_t i, double dflt)
{
    return n > i ? (double)py_float_get(ctx, a[i]) : dflt;
}

/* gauss(mu=0, sigma=1): Box-Muller, keeping the second value for the next
 * call as CPython does. */
static py_val rnd_gauss(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    rnd_obj *r = self_rnd(a[0]);
    double mu = arg_or(ctx, n, a, 1, 0.0), sigma = arg_or(ctx, n, a, 2, 1.0), z;
    if (r->have_gauss) {
        z = r->gauss_next;
        r->have_gauss = false;
    } else {
        double x2pi = mt_random(r) * 6.283185307179586;
        double g2rad = sqrt(-2.0 * log(1.0 - mt_random(r)));
        z = cos(x2pi) * g2rad;
        r->gauss_next = sin(x2pi) * g2rad;
        r->have_gauss = true;
    }
    return py_float_new(ctx, (py_float_t)(mu + z * sigma));
}
static PY_FUN(rnd_gauss_obj, "gauss", 1, 3, rnd_gauss);

/* normalvariate(mu=0, sigma=1): Kinderman and Monahan's ratio method. */
static py_val rnd_normalvariate(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    rnd_obj *r = self_rnd(a[0]);
    double mu = arg_or(ctx, n, a, 1, 0.0), sigma = arg_or(ctx, n, a, 2, 1.0), z;
    const double magic = 4 * exp(-0.5) / sqrt(2.0);
    for (;;) {
        double u1 = mt_random(r), u2 = 1.0 - mt_random(r);
        z = magic * (u1 - 0.5) / u2;
        if (z * z / 4.0 <= -log(u2)) {
            break;
        }
    }
    return py_float_new(ctx, (py_float_t)(mu + z * sigma));
}
static PY_FUN(rnd_normalvariate_obj, "normalvariate", 1, 3, rnd_normalvariate);

static py_val rnd_expovariate(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    double lambd = arg_or(ctx, n, a, 1, 1.0);
    if (lambd == 0) {
        py_raise(ctx, &py_type_ZeroDivisionError, "float division by zero");
    }
    return py_float_new(ctx, (py_float_t)(-log(1.0 - mt_random(self_rnd(a[0]))) / lambd));
}
static PY_FUN(rnd_expovariate_obj, "expovariate", 1, 2, rnd_expovariate);

/* randbytes(n): getrandbits(8 * n) as n little-endian bytes. */
static py_val rnd_randbytes(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    rnd_obj *r = self_rnd(a[0]);
    intmax_t len = py_int_get(ctx, a[1]);
    if (len < 0) {
        py_raise(ctx, &py_type_ValueError, "number of bits must be non-negative");
    }
    py_str_obj *b = py_str_alloc(ctx, &py_type_bytes, (size_t)len);
    for (intmax_t i = 0; i < len; i += 4) {
        uint32_t w = mt_next(r);
        intmax_t k = len - i < 4 ? len - i : 4;
        if (k < 4) {
            w >>= 32 - 8 * k; /* the last word keeps its top bits */
        }
        for (intmax_t j = 0; j < k; j++) {
            b->data[i + j] = (char)(w >> (8 * j));
        }
    }
    return py_str_finish(ctx, b);
}
static PY_FUN(rnd_randbytes_obj, "randbytes", 2, 2, rnd_randbytes);

/* getstate()/setstate(): CPython's (3, (624 words..., index), gauss_next). */
static py_val rnd_getstate(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    rnd_obj *r = self_rnd(a[0]);
    py_val words = py_tuple_new(ctx, MT_N + 1, NULL);
    py_tuple *t = PY_PTR(words);
    for (int i = 0; i < MT_N; i++) {
        t->items[i] = py_int_from_u(ctx, r->mt[i]);
    }
    t->items[MT_N] = PY_MK_SMALL(r->mti);
    py_val st[3] = {PY_MK_SMALL(3), words,
                    r->have_gauss ? py_float_new(ctx, (py_float_t)r->gauss_next) : PY_NONE};
    return py_tuple_new(ctx, 3, st);
}
static PY_FUN(rnd_getstate_obj, "getstate", 1, 1, rnd_getstate);

static py_val rnd_setstate(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    rnd_obj *r = self_rnd(a[0]);
    size_t len, wl;
    py_val *st, *w;
    mod_get_items(ctx, a[1], &len, &st);
    if (len != 3) {
        py_raise(ctx, &py_type_ValueError, "state vector is the wrong size");
    }
    intmax_t version = py_int_get(ctx, st[0]);
    if (version != 2 && version != 3) {
        py_raise(ctx, &py_type_ValueError,
                 "state with version %d passed to Random.setstate() of version 3", (int)version);
    }
    mod_get_items(ctx, st[1], &wl, &w);
    if (wl != MT_N + 1) {
        py_raise(ctx, &py_type_ValueError, "state vector is the wrong size");
    }
    intmax_t index = py_int_get(ctx, w[MT_N]);
    if (index < 0 || index > MT_N) {
        py_raise(ctx, &py_type_ValueError, "invalid state");
    }
    for (int i = 0; i < MT_N; i++) {
        intmax_t v = py_int_get(ctx, w[i]);
        if (v < 0 || v > 0xffffffff) {
            py_raise(ctx, &py_type_OverflowError,
                     "Python int too large to convert to C unsigned long");
        }
        r->mt[i] = (uint32_t)v;
    }
    r->mti = (int)index;
    r->have_gauss = st[2] != PY_NONE;
    r->gauss_next = r->have_gauss ? (double)py_float_get(ctx, st[2]) : 0.0;
    return PY_NONE;
}
static PY_FUN(rnd_setstate_obj, "setstate", 2, 2, rnd_setstate);

static const py_attr_def rnd_locals[] = {
    {"seed", PY_OBJV(&rnd_seed_obj)},
    {"random", PY_OBJV(&rnd_random_obj)},
    {"getrandbits", PY_OBJV(&rnd_getrandbits_obj)},
    {"randrange", PY_OBJV(&rnd_randrange_obj)},
    {"randint", PY_OBJV(&rnd_randint_obj)},
    {"uniform", PY_OBJV(&rnd_uniform_obj)},
    {"choice", PY_OBJV(&rnd_choice_obj)},
    {"shuffle", PY_OBJV(&rnd_shuffle_obj)},
    {"sample", PY_OBJV(&rnd_sample_obj)},
    {"choices", PY_OBJV(&rnd_choices_obj)},
    {"randbytes", PY_OBJV(&rnd_randbytes_obj)},
    {"getstate", PY_OBJV(&rnd_getstate_obj)},
    {"setstate", PY_OBJV(&rnd_setstate_obj)},
    {"gauss", PY_OBJV(&rnd_gauss_obj)},
    {"normalvariate", PY_OBJV(&rnd_normalvariate_obj)},
    {"expovariate", PY_OBJV(&rnd_expovariate_obj)},
    {NULL, 0},
};

const py_type random_Random_type = {
    {&py_type_type},      "Random",
    PY_TF_BASETYPE,       rnd_make_new,
    .locals = rnd_locals, .inst_size = sizeof(rnd_obj),
};

/* Module functions are the bound methods of one hidden instance. */
static void random_init(py_ctx *ctx, py_val module)
{
    py_val inst = rnd_make_new(ctx, &random_Random_type, 0, 0, NULL);
    py_module_set(ctx, module, "_inst", inst);
    for (const py_attr_def *d = rnd_locals; d->name; d++) {
        py_module_set(ctx, module, d->name, py_getattr(ctx, inst, py_qstr_from_cstr(ctx, d->name)));
    }
}

static const py_attr_def random_attrs[] = {
    {"Random", PY_OBJV(&random_Random_type)},
    {NULL, 0},
};

const py_module_def py_mod_random = {"random", random_attrs, random_init};
