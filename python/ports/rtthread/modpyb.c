/* Module pyb (the pyboard's): clocks, delays, IRQ masking, Pin, info(). */
#include "port_mod.h"

rt_uint64_t py_port_ticks_us(void);

extern const py_cfun_obj port_disable_irq_obj, port_enable_irq_obj;

static py_val pyb_millis(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return py_int_from_u(ctx, (py_port_ticks_us() / 1000) & 0x3fffffff);
}
static PY_FUN(pyb_millis_obj, "millis", 0, 0, pyb_millis);

static py_val pyb_micros(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return py_int_from_u(ctx, py_port_ticks_us() & 0x3fffffff);
}
static PY_FUN(pyb_micros_obj, "micros", 0, 0, pyb_micros);

/* Time since `start` (a millis()/micros() value), wrapping like the counters (30 bits). */
static py_val elapsed(py_ctx *ctx, rt_uint64_t now, py_val start)
{
    return py_int_from_u(ctx, (now - (rt_uint64_t)py_int_get(ctx, start)) & 0x3fffffff);
}

static py_val pyb_elapsed_millis(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return elapsed(ctx, py_port_ticks_us() / 1000, a[0]);
}
static PY_FUN(pyb_elapsed_millis_obj, "elapsed_millis", 1, 1, pyb_elapsed_millis);

static py_val pyb_elapsed_micros(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return elapsed(ctx, py_port_ticks_us(), a[0]);
}
static PY_FUN(pyb_elapsed_micros_obj, "elapsed_micros", 1, 1, pyb_elapsed_micros);

static intmax_t non_negative(py_ctx *ctx, py_val v)
{
    intmax_t n = py_int_get(ctx, v);

    if (n < 0) {
        py_raise(ctx, &py_type_ValueError, "negative delay");
    }
    return n;
}

/* delay(ms): sleeps; Ctrl-C interrupts it. */
static py_val pyb_delay(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    py_port_sleep_us(port_of(ctx), (rt_uint64_t)non_negative(ctx, a[0]) * 1000);
    py_check_interrupt(ctx);
    return PY_NONE;
}
static PY_FUN(pyb_delay_obj, "delay", 1, 1, pyb_delay);

/* udelay(us): busy-waits (short delays need no thread switch). */
static py_val pyb_udelay(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    py_port_sleep_us(port_of(ctx), (rt_uint64_t)non_negative(ctx, a[0]));
    py_check_interrupt(ctx);
    return PY_NONE;
}
static PY_FUN(pyb_udelay_obj, "udelay", 1, 1, pyb_udelay);

/* info(): the kernel's view of the system: version, threads, memory. */
static py_val pyb_info(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    rt_size_t total = 0, used = 0, max_used = 0;
    size_t gc_total = 0, gc_used = 0, gc_free = 0;
    char line[96];

    rt_memory_info(&total, &used, &max_used);
    rtpy_mem_info(port_of(ctx)->vm, &gc_total, &gc_used, &gc_free);
    rt_snprintf(line, sizeof(line), "RT-Thread %d.%d.%d API, %s with %s, tick %u Hz, up %u ms\n",
                RT_VERSION_MAJOR, RT_VERSION_MINOR, RT_VERSION_PATCH, RTL_BOARD_NAME, RTL_CPU_NAME,
                (unsigned)RT_TICK_PER_SECOND, (unsigned)(py_port_ticks_us() / 1000));
    py_print_str(port_stdout(ctx), line);
    rt_snprintf(line, sizeof(line), "kernel heap: total=%u used=%u max_used=%u\n", (unsigned)total,
                (unsigned)used, (unsigned)max_used);
    py_print_str(port_stdout(ctx), line);
    rt_snprintf(line, sizeof(line), "GC: total=%u used=%u free=%u\n", (unsigned)gc_total,
                (unsigned)gc_used, (unsigned)gc_free);
    py_print_str(port_stdout(ctx), line);
    return PY_NONE;
}
static PY_FUN(pyb_info_obj, "info", 0, 1, pyb_info);

static const py_attr_def pyb_attrs[] = {
    {"info", PY_OBJV(&pyb_info_obj)},
    {"millis", PY_OBJV(&pyb_millis_obj)},
    {"micros", PY_OBJV(&pyb_micros_obj)},
    {"elapsed_millis", PY_OBJV(&pyb_elapsed_millis_obj)},
    {"elapsed_micros", PY_OBJV(&pyb_elapsed_micros_obj)},
    {"delay", PY_OBJV(&pyb_delay_obj)},
    {"udelay", PY_OBJV(&pyb_udelay_obj)},
    {"disable_irq", PY_OBJV(&port_disable_irq_obj)},
    {"enable_irq", PY_OBJV(&port_enable_irq_obj)},
    {"Pin", PY_OBJV(&port_type_pin)},
    {NULL, 0},
};

const py_module_def port_mod_pyb = {"pyb", pyb_attrs, NULL};
