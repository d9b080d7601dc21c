/* The time module: clocks and sleeping through the port HAL, calendar
 * conversions (gmtime/localtime/mktime/strftime; the device clock is UTC),
 * and MicroPython's wrapping ticks_* functions. */
#include <math.h>
#include <string.h>

#include "modutil.h"
#include "rtpy.h"

/* ticks_* values wrap modulo 2**30 (small ints on 32-bit targets). */
#define TICKS_PERIOD   (1L << 30)
#define TICKS_MASK     (TICKS_PERIOD - 1)
#define SLEEP_SLICE_US 10000 /* sleep in slices to notice Ctrl-C */

static const rtpy_hal *hal_of(py_ctx *ctx)
{
    return py_hal(ctx);
}

static uint64_t now_us(py_ctx *ctx)
{
    const rtpy_hal *h = hal_of(ctx);
    return h && h->ticks_us ? h->ticks_us(h->user) : 0;
}

static double wall_time(py_ctx *ctx)
{
    const rtpy_hal *h = hal_of(ctx);
    return h && h->time ? h->time(h->user) : (double)now_us(ctx) / 1e6;
}

static void sleep_us(py_ctx *ctx, uint64_t us)
{
    const rtpy_hal *h = hal_of(ctx);
    while (us > 0) {
        uint64_t step = us > SLEEP_SLICE_US ? SLEEP_SLICE_US : us;
        if (h && h->sleep_us) {
            h->sleep_us(h->user, step);
        } else {
            uint64_t t0 = now_us(ctx);
            while (h && h->ticks_us && now_us(ctx) - t0 < step) {
            }
        }
        us -= step;
        py_check_interrupt(ctx);
    }
}

/* ---- clocks ------------------------------------------------------------------ */

static py_val time_time(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return py_float_new(ctx, (py_float_t)wall_time(ctx));
}
static PY_FUN(time_time_obj, "time", 0, 0, time_time);

static py_val time_time_ns(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    double t = wall_time(ctx);
    py_val sec = py_int_from(ctx, (intmax_t)floor(t));
    py_val ns = py_int_from(ctx, (intmax_t)((t - floor(t)) * 1e9));
    return py_binary_op(ctx, PY_OP_ADD,
                        py_binary_op(ctx, PY_OP_MUL, sec, py_int_from(ctx, 1000000000)), ns);
}
static PY_FUN(time_time_ns_obj, "time_ns", 0, 0, time_time_ns);

static py_val time_monotonic(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return py_float_new(ctx, (py_float_t)((double)now_us(ctx) / 1e6));
}
static PY_FUN(time_monotonic_obj, "monotonic", 0, 0, time_monotonic);

static py_val time_monotonic_ns(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return py_binary_op(ctx, PY_OP_MUL, py_int_from_u(ctx, now_us(ctx)), PY_MK_SMALL(1000));
}
static PY_FUN(time_monotonic_ns_obj, "monotonic_ns", 0, 0, time_monotonic_ns);

static py_val time_ticks_ms(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return PY_MK_SMALL((long)((now_us(ctx) / 1000) & TICKS_MASK));
}
static PY_FUN(time_ticks_ms_obj, "ticks_ms", 0, 0, time_ticks_ms);

static py_val time_ticks_us(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return PY_MK_SMALL((long)(now_us(ctx) & TICKS_MASK));
}
static PY_FUN(time_ticks_us_obj, "ticks_us", 0, 0, time_ticks_us);

static long ticks_arg(py_ctx *ctx, py_val v)
{
    return (long)(py_int_get(ctx, v) & TICKS_MASK);
}

static py_val time_ticks_add(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    intmax_t delta = py_int_get(ctx, a[1]);
    if (delta <= -TICKS_PERIOD / 2 || delta >= TICKS_PERIOD / 2) {
        py_raise(ctx, &py_type_OverflowError, "ticks interval overflow");
    }
    return PY_MK_SMALL((ticks_arg(ctx, a[0]) + (long)delta) & TICKS_MASK);
}
static PY_FUN(time_ticks_add_obj, "ticks_add", 2, 2, time_ticks_add);

/* Signed distance t1 - t2 in the wrapping tick space. */
static py_val time_ticks_diff(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    long d = (ticks_arg(ctx, a[0]) - ticks_arg(ctx, a[1]) + TICKS_PERIOD / 2) & TICKS_MASK;
    return PY_MK_SMALL(d - TICKS_PERIOD / 2);
}
static PY_FUN(time_ticks_diff_obj, "ticks_diff", 2, 2, time_ticks_diff);

/* ---- sleeping ------------------------------------------------------------------ */

static py_val time_sleep(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    double s = (double)py_float_get(ctx, a[0]);
    if (isnan(s)) {
        py_raise(ctx, &py_type_ValueError, "Invalid value NaN (not a number)");
    }
    if (s < 0) {
        py_raise(ctx, &py_type_ValueError, "sleep length must be non-negative");
    }
    if (s > 1e12) {
        py_raise(ctx, &py_type_OverflowError, "sleep length is too large");
    }
    sleep_us(ctx, (uint64_t)(s * 1e6 + 0.5));
    return PY_NONE;
}
static PY_FUN(time_sleep_obj, "sleep", 1, 1, time_sleep);

static py_val sleep_units(py_ctx *ctx, py_val v, uint64_t unit_us)
{
    intmax_t t = py_int_get(ctx, v);
    if (t > 0) {
        sleep_us(ctx, (uint64_t)t * unit_us);
    }
    return PY_NONE;
}

static py_val time_sleep_ms(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return sleep_units(ctx, a[0], 1000);
}
static PY_FUN(time_sleep_ms_obj, "sleep_ms", 1, 1, time_sleep_ms);

static py_val time_sleep_us(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return sleep_units(ctx, a[0], 1);
}
static PY_FUN(time_sleep_us_obj, "sleep_us", 1, 1, time_sleep_us);

/* ---- calendar ------------------------------------------------------------------- */

/* Days since 1970-01-01 of a proleptic Gregorian date (month 1..12). */
static int64_t days_from_civil(int64_t y, int64_t m, int64_t d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    int64_t yoe = y - era * 400;
    int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + doe - 719468;
}

static void civil_from_days(int64_t z, int64_t *y, int *m, int *d)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    int64_t doe = z - era * 146097;
    int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    int64_t mp = (5 * doy + 2) / 153;
    *d = (int)(doy - (153 * mp + 2) / 5 + 1);
    *m = (int)(mp < 10 ? mp + 3 : mp - 9);
    *y = yoe + era * 400 + (*m <= 2);
}

enum { TM_YEAR, TM_MON, TM_MDAY, TM_HOUR, TM_MIN, TM_SEC, TM_WDAY, TM_YDAY, TM_ISDST, TM_N };

static const char *const tm_names[TM_N] = {"tm_year", "tm_mon",  "tm_mday", "tm_hour", "tm_min",
                                           "tm_sec",  "tm_wday", "tm_yday", "tm_isdst"};

extern const py_type time_struct_time_type;

static py_val make_struct_time(py_ctx *ctx, const int64_t *f)
{
    py_val t = py_tuple_new(ctx, TM_N, NULL);
    for (int i = 0; i < TM_N; i++) {
        ((py_tuple *)PY_PTR(t))->items[i] = py_int_from(ctx, f[i]);
    }
    ((py_obj *)PY_PTR(t))->type = &time_struct_time_type;
    return t;
}

static py_val broken_down(py_ctx *ctx, int64_t secs)
{
    int64_t days = secs >= 0 ? secs / 86400 : -((-secs + 86399) / 86400);
    int64_t rem = secs - days * 86400, f[TM_N];
    int m, d;
    civil_from_days(days, &f[TM_YEAR], &m, &d);
    f[TM_MON] = m;
    f[TM_MDAY] = d;
    f[TM_HOUR] = rem / 3600;
    f[TM_MIN] = rem / 60 % 60;
    f[TM_SEC] = rem % 60;
    f[TM_WDAY] = ((days % 7) + 7 + 3) % 7; /* 1970-01-01 was a Thursday */
    f[TM_YDAY] = days - days_from_civil(f[TM_YEAR], 1, 1) + 1;
    f[TM_ISDST] = 0;
    return make_struct_time(ctx, f);
}

static int64_t secs_arg(py_ctx *ctx, size_t n, const py_val *a)
{
    if (n == 0 || a[0] == PY_NONE) {
        return (int64_t)floor(wall_time(ctx));
    }
    double s = (double)py_float_get(ctx, a[0]);
    if (!isfinite(s) || fabs(s) > 1e15) {
        py_raise(ctx, &py_type_OverflowError, "timestamp out of range for platform time_t");
    }
    return (int64_t)floor(s);
}

static py_val time_gmtime(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return broken_down(ctx, secs_arg(ctx, n, a));
}
static PY_FUN(time_gmtime_obj, "gmtime", 0, 1, time_gmtime);
/* The device clock has no time zone: local time is UTC. */
static PY_FUN(time_localtime_obj, "localtime", 0, 1, time_gmtime);

/* Fields of a struct_time or 9-tuple. */
static void tm_fields(py_ctx *ctx, py_val t, int64_t *f)
{
    size_t n;
    py_val *items;
    mod_get_items(ctx, t, &n, &items);
    if (n != TM_N) {
        py_raise(ctx, &py_type_TypeError, "mktime(): illegal time tuple argument");
    }
    for (int i = 0; i < TM_N; i++) {
        f[i] = py_int_get(ctx, items[i]);
    }
}

static py_val time_mktime(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    int64_t f[TM_N];
    tm_fields(ctx, a[0], f);
    /* Normalise the month like C's mktime, then count seconds. */
    int64_t mon = f[TM_MON] - 1, year = f[TM_YEAR] + (mon >= 0 ? mon / 12 : (mon - 11) / 12);
    mon = ((mon % 12) + 12) % 12;
    int64_t days = days_from_civil(year, mon + 1, 1) + f[TM_MDAY] - 1;
    int64_t s = days * 86400 + f[TM_HOUR] * 3600 + f[TM_MIN] * 60 + f[TM_SEC];
    return py_float_new(ctx, (py_float_t)s);
}
static PY_FUN(time_mktime_obj, "mktime", 1, 1, time_mktime);

static const char *const day_names[] = {"Monday", "Tuesday",  "Wednesday", "Thursday",
                                        "Friday", "Saturday", "Sunday"};
static const char *const month_names[] = {"January",   "February", "March",    "April",
                                          "May",       "June",     "July",     "August",
                                          "September", "October",  "November", "December"};

static void put_num(py_ctx *ctx, mod_buf *b, int64_t v, int width, char pad)
{
    char t[24];
    int n = 0;
    bool neg = v < 0;
    uint64_t u = neg ? (uint64_t)-v : (uint64_t)v;
    do {
        t[n++] = (char)('0' + u % 10);
        u /= 10;
    } while (u);
    while (n < width) {
        t[n++] = pad;
    }
    if (neg) {
        mb_addc(ctx, b, '-');
    }
    while (n) {
        mb_addc(ctx, b, t[--n]);
    }
}

static void put_name(py_ctx *ctx, mod_buf *b, const char *name, bool abbrev)
{
    mb_add(ctx, b, name, abbrev ? 3 : strlen(name));
}

/* Week number with weeks starting on `first` (0 Monday, 6 Sunday). */
static int64_t week_of_year(const int64_t *f, int first)
{
    int64_t wday = (f[TM_WDAY] - first + 7) % 7;
    return (f[TM_YDAY] - 1 + 7 - wday) / 7;
}

static void strftime_one(py_ctx *ctx, mod_buf *b, char c, const int64_t *f);

static void strftime_seq(py_ctx *ctx, mod_buf *b, const char *fmt, const int64_t *f)
{
    for (; *fmt; fmt++) {
        if (*fmt == '%' && fmt[1]) {
            strftime_one(ctx, b, *++fmt, f);
        } else {
            mb_addc(ctx, b, *fmt);
        }
    }
}

static void strftime_one(py_ctx *ctx, mod_buf *b, char c, const int64_t *f)
{
    int wd = (int)(((f[TM_WDAY] % 7) + 7) % 7), mo = (int)(((f[TM_MON] - 1) % 12 + 12) % 12);
    int64_t h12 = f[TM_HOUR] % 12 ? f[TM_HOUR] % 12 : 12;
    switch (c) {
    case 'a': put_name(ctx, b, day_names[wd], true); break;
    case 'A': put_name(ctx, b, day_names[wd], false); break;
    case 'b':
    case 'h': put_name(ctx, b, month_names[mo], true); break;
    case 'B': put_name(ctx, b, month_names[mo], false); break;
    case 'c': strftime_seq(ctx, b, "%a %b %e %H:%M:%S %Y", f); break;
    case 'd': put_num(ctx, b, f[TM_MDAY], 2, '0'); break;
    case 'e': put_num(ctx, b, f[TM_MDAY], 2, ' '); break;
    case 'H': put_num(ctx, b, f[TM_HOUR], 2, '0'); break;
    case 'I': put_num(ctx, b, h12, 2, '0'); break;
    case 'j': put_num(ctx, b, f[TM_YDAY], 3, '0'); break;
    case 'm': put_num(ctx, b, f[TM_MON], 2, '0'); break;
    case 'M': put_num(ctx, b, f[TM_MIN], 2, '0'); break;
    case 'p': mb_adds(ctx, b, f[TM_HOUR] < 12 ? "AM" : "PM"); break;
    case 'S': put_num(ctx, b, f[TM_SEC], 2, '0'); break;
    case 'U': put_num(ctx, b, week_of_year(f, 6), 2, '0'); break;
    case 'W': put_num(ctx, b, week_of_year(f, 0), 2, '0'); break;
    case 'w': put_num(ctx, b, (wd + 1) % 7, 1, '0'); break;
    case 'u': put_num(ctx, b, wd + 1, 1, '0'); break;
    case 'x': strftime_seq(ctx, b, "%m/%d/%y", f); break;
    case 'X': strftime_seq(ctx, b, "%H:%M:%S", f); break;
    case 'y': put_num(ctx, b, ((f[TM_YEAR] % 100) + 100) % 100, 2, '0'); break;
    case 'Y': put_num(ctx, b, f[TM_YEAR], 1, '0'); break;
    case 'z': mb_adds(ctx, b, "+0000"); break;
    case 'Z': mb_adds(ctx, b, "UTC"); break;
    case 'D': strftime_seq(ctx, b, "%m/%d/%y", f); break;
    case 'F': strftime_seq(ctx, b, "%Y-%m-%d", f); break;
    case 'T': strftime_seq(ctx, b, "%H:%M:%S", f); break;
    case 'R': strftime_seq(ctx, b, "%H:%M", f); break;
    case 'n': mb_addc(ctx, b, '\n'); break;
    case 't': mb_addc(ctx, b, '\t'); break;
    case '%': mb_addc(ctx, b, '%'); break;
    default:
        mb_addc(ctx, b, '%');
        mb_addc(ctx, b, c);
        break;
    }
}

static void time_arg(py_ctx *ctx, size_t n, const py_val *a, size_t idx, int64_t *f)
{
    if (n > idx) {
        tm_fields(ctx, a[idx], f);
        return;
    }
    py_val now = broken_down(ctx, (int64_t)floor(wall_time(ctx)));
    tm_fields(ctx, now, f);
}

static py_val time_strftime(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    int64_t f[TM_N];
    size_t len;
    const char *fmt = py_str_get(ctx, py_to_str(ctx, a[0]), &len);
    time_arg(ctx, n, a, 1, f);
    mod_buf b;
    mb_init(ctx, &b, len + 16);
    strftime_seq(ctx, &b, fmt, f);
    return mb_to_str(ctx, &b);
}
static PY_FUN(time_strftime_obj, "strftime", 1, 2, time_strftime);

static py_val time_asctime(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    int64_t f[TM_N];
    time_arg(ctx, n, a, 0, f);
    mod_buf b;
    mb_init(ctx, &b, 32);
    strftime_seq(ctx, &b, "%a %b %e %H:%M:%S %Y", f);
    return mb_to_str(ctx, &b);
}
static PY_FUN(time_asctime_obj, "asctime", 0, 1, time_asctime);

static py_val time_ctime(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    py_val t = broken_down(ctx, secs_arg(ctx, n, a));
    return time_asctime(ctx, 1, 0, &t);
}
static PY_FUN(time_ctime_obj, "ctime", 0, 1, time_ctime);

/* ---- struct_time ------------------------------------------------------------ */

static py_val st_make_new(py_ctx *ctx, const py_type *type, size_t n, size_t nk, const py_val *args)
{
    py_check_nargs(ctx, n + nk, 1, 1);
    py_val t = py_call(ctx, PY_OBJV(&py_type_tuple), 1, args);
    if (py_len(ctx, t) != TM_N) {
        py_raise(ctx, &py_type_TypeError,
                 "time.struct_time() takes a 9-sequence (%d-sequence given)", (int)py_len(ctx, t));
    }
    int64_t f[TM_N];
    tm_fields(ctx, t, f);
    return make_struct_time(ctx, f);
}

static void st_print(py_ctx *ctx, py_print *p, py_val self, int kind)
{
    py_tuple *t = PY_PTR(self);
    py_print_str(p, "time.struct_time(");
    for (int i = 0; i < TM_N; i++) {
        py_printf(ctx, p, "%s%s=%r", i ? ", " : "", tm_names[i], t->items[i]);
    }
    py_print_str(p, ")");
}

static bool st_attr(py_ctx *ctx, py_val self, py_qstr name, int op, py_val *value)
{
    const char *s = py_qstr_str(ctx, name, NULL);
    if (op != PY_ATTR_LOAD) {
        return false;
    }
    for (int i = 0; i < TM_N; i++) {
        if (!strcmp(s, tm_names[i])) {
            *value = ((py_tuple *)PY_PTR(self))->items[i];
            return true;
        }
    }
    if (!strcmp(s, "tm_zone")) {
        *value = py_str_from_cstr(ctx, "UTC");
        return true;
    }
    if (!strcmp(s, "tm_gmtoff")) {
        *value = PY_MK_SMALL(0);
        return true;
    }
    return false;
}

const py_type time_struct_time_type = {
    {&py_type_type},
    "struct_time",
    0,
    st_make_new,
    st_print,
    .attr = st_attr,
    .base_type = &py_type_tuple,
    .binary_op = mod_tuple_binary,
};

#define F(name)                            \
    {                                      \
#name, PY_OBJV(&time_##name##_obj) \
    }
static const py_attr_def time_attrs[] = {
    F(time),
    F(time_ns),
    F(monotonic),
    F(monotonic_ns),
    F(sleep),
    F(sleep_ms),
    F(sleep_us),
    F(ticks_ms),
    F(ticks_us),
    F(ticks_add),
    F(ticks_diff),
    F(gmtime),
    F(localtime),
    F(mktime),
    F(strftime),
    F(asctime),
    F(ctime),
    {"ticks_cpu", PY_OBJV(&time_ticks_us_obj)},
    {"perf_counter", PY_OBJV(&time_monotonic_obj)},
    {"perf_counter_ns", PY_OBJV(&time_monotonic_ns_obj)},
    {"struct_time", PY_OBJV(&time_struct_time_type)},
    {"timezone", PY_MK_SMALL(0)},
    {"altzone", PY_MK_SMALL(0)},
    {"daylight", PY_MK_SMALL(0)},
    {NULL, 0},
};
#undef F

const py_module_def py_mod_time = {"time", time_attrs, NULL};
