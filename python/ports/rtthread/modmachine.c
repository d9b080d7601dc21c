/* Module machine (MicroPython's): Pin with interrupts delivered to Python through the
 * scheduler, Timer on kernel soft timers, reset/soft_reset, IRQ masking, board facts. */
#include "port_mod.h"
#include <rtdevice.h>
#include <rthw.h>

/* Board facts (port_board_*.c). */
void py_port_unique_id(rt_uint8_t id[12]);
rt_uint32_t py_port_cpu_freq(void);

/* ---- Pin ---- */

/* Python-side mode and pull constants (MicroPython's values). */
#define PIN_IN          0
#define PIN_OUT         1
#define PIN_OPEN_DRAIN  2
#define PIN_PULL_NONE   0
#define PIN_PULL_UP     1
#define PIN_PULL_DOWN   2
#define PIN_IRQ_RISING  1
#define PIN_IRQ_FALLING 2

typedef struct {
    py_obj base;
    rt_base_t pin;
    rt_int8_t mode, pull;
    rt_int8_t level; /* last level written (outputs), for toggle() */
    py_val handler;  /* irq handler, PY_NONE when none */
    struct py_port *port;
} pin_obj;

/* Pin id: a number, a name "PA5", or the (name, number) tuple form. */
static rt_base_t pin_number(py_ctx *ctx, py_val id)
{
    rt_base_t pin;

    if (py_is_str(id)) {
        pin = rt_pin_get(port_str(ctx, id));
    } else if (py_type_of(id) == &py_type_tuple) {
        size_t n;
        py_val *items;

        py_get_items(ctx, id, &n, &items);
        if (n != 2) {
            py_raise(ctx, &py_type_ValueError, "pin tuple must be (name, number)");
        }
        pin = (rt_base_t)py_int_get(ctx, items[1]);
    } else {
        pin = (rt_base_t)py_int_get(ctx, id);
    }
    if (pin < 0) {
        py_raise(ctx, &py_type_ValueError, "invalid pin %r", id);
    }
    return pin;
}

static rt_uint8_t kernel_mode(py_ctx *ctx, int mode, int pull)
{
    switch (mode) {
    case PIN_OUT: return PIN_MODE_OUTPUT;
    case PIN_OPEN_DRAIN: return PIN_MODE_OUTPUT_OD;
    case PIN_IN:
        return pull == PIN_PULL_UP     ? PIN_MODE_INPUT_PULLUP
               : pull == PIN_PULL_DOWN ? PIN_MODE_INPUT_PULLDOWN
                                       : PIN_MODE_INPUT;
    default: py_raise(ctx, &py_type_ValueError, "invalid pin mode %d", mode);
    }
}

static void pin_write(pin_obj *p, int level)
{
    p->level = (rt_int8_t)(level != 0);
    rt_pin_write(p->pin, p->level ? PIN_HIGH : PIN_LOW);
}

/* init(mode=-1, pull=-1, value=None): only what is given changes. */
static void pin_configure(py_ctx *ctx, pin_obj *p, py_val mode, py_val pull, py_val value)
{
    if (mode != PY_NONE && py_int_get(ctx, mode) >= 0) {
        p->mode = (rt_int8_t)py_int_get(ctx, mode);
    }
    if (pull != PY_NONE && py_int_get(ctx, pull) >= 0) {
        p->pull = (rt_int8_t)py_int_get(ctx, pull);
    }
    if (value != PY_NONE && value != PY_NULL && p->mode != PIN_IN) {
        pin_write(p, py_truthy(ctx, value)); /* before the mode: no glitch on the line */
    }
    if (p->mode >= 0) {
        rt_pin_mode(p->pin, kernel_mode(ctx, p->mode, p->pull));
    }
}

static const py_arg_spec pin_init_spec[] = {
    {PY_Q_empty, 0, PY_MK_SMALL(-1)},
    {PY_Q_empty, 0, PY_MK_SMALL(-1)},
    {PY_Q_value, PY_ARG_KWONLY, PY_NONE},
};

static py_val pin_make_new(py_ctx *ctx, const py_type *type, size_t n, size_t nk, const py_val *a)
{
    pin_obj *p;
    py_val v[3];

    if (n < 1) {
        py_raise(ctx, &py_type_TypeError, "Pin() needs a pin id");
    }
    p = py_obj_new(ctx, type, sizeof(pin_obj));
    p->pin = pin_number(ctx, a[0]);
    p->mode = -1;
    p->pull = PIN_PULL_NONE;
    p->handler = PY_NONE;
    p->port = port_of(ctx);
    py_parse_args(ctx, n - 1, nk, a + 1, pin_init_spec, 3, v);
    pin_configure(ctx, p, v[0], v[1], v[2]);
    return PY_VAL(p);
}

static py_val pin_init(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    py_val v[3];

    py_parse_args(ctx, n - 1, nk, a + 1, pin_init_spec, 3, v);
    pin_configure(ctx, PY_PTR(a[0]), v[0], v[1], v[2]);
    return PY_NONE;
}
static PY_FUN_KWARGS(pin_init_obj, "init", 1, pin_init);

/* value() reads the line; value(x) drives it. */
static py_val pin_value(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    pin_obj *p = PY_PTR(a[0]);

    if (n == 1) {
        return PY_MK_SMALL(rt_pin_read(p->pin) == PIN_HIGH);
    }
    pin_write(p, py_truthy(ctx, a[1]));
    return PY_NONE;
}
static PY_FUN(pin_value_obj, "value", 1, 2, pin_value);

static py_val pin_call(py_ctx *ctx, py_val self, size_t n, size_t nk, const py_val *a)
{
    py_val args[2] = {self, n > 0 ? a[0] : PY_NONE};

    py_check_nargs(ctx, n + nk, 0, 1);
    return pin_value(ctx, n + 1, 0, args);
}

static py_val pin_on(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    pin_write(PY_PTR(a[0]), 1);
    return PY_NONE;
}
static PY_FUN(pin_on_obj, "on", 1, 1, pin_on);

static py_val pin_off(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    pin_write(PY_PTR(a[0]), 0);
    return PY_NONE;
}
static PY_FUN(pin_off_obj, "off", 1, 1, pin_off);

static py_val pin_toggle(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    pin_obj *p = PY_PTR(a[0]);

    pin_write(p, !p->level);
    return PY_NONE;
}
static PY_FUN(pin_toggle_obj, "toggle", 1, 1, pin_toggle);

/* In interrupt context: hand the Python handler to the VM's scheduler. */
static void pin_isr(void *arg)
{
    pin_obj *p = arg;

    if (py_port_active == p->port && p->port->vm != RT_NULL) {
        rtpy_schedule(p->port->vm, p->handler, PY_VAL(p));
    }
}

/* Pins with a handler stay reachable for the GC (port_irq_table). */
static void pin_keep(py_ctx *ctx, pin_obj *p, rt_bool_t keep)
{
    py_dict_set(ctx, port_irq_table(ctx), PY_MK_SMALL(p->pin), keep ? PY_VAL(p) : PY_NONE);
}

static rt_uint8_t irq_mode(py_ctx *ctx, intmax_t trigger)
{
    switch (trigger) {
    case PIN_IRQ_RISING: return PIN_IRQ_MODE_RISING;
    case PIN_IRQ_FALLING: return PIN_IRQ_MODE_FALLING;
    case PIN_IRQ_RISING | PIN_IRQ_FALLING: return PIN_IRQ_MODE_RISING_FALLING;
    default: py_raise(ctx, &py_type_ValueError, "invalid trigger %d", (int)trigger);
    }
}

/* irq(handler=None, trigger=IRQ_RISING): handler(pin) runs soon after each edge, in the
 * thread running Python, never in interrupt context. handler None disables the interrupt. */
static py_val pin_irq(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    const py_arg_spec spec[] = {
        {py_qstr_from_cstr(ctx, "handler"), 0, PY_NONE},
        {py_qstr_from_cstr(ctx, "trigger"), 0, PY_MK_SMALL(PIN_IRQ_RISING)}};
    pin_obj *p = PY_PTR(a[0]);
    py_val v[2];

    py_parse_args(ctx, n - 1, nk, a + 1, spec, 2, v);
    rt_pin_irq_enable(p->pin, PIN_IRQ_DISABLE);
    rt_pin_detach_irq(p->pin);
    p->handler = v[0];
    pin_keep(ctx, p, v[0] != PY_NONE);
    if (v[0] != PY_NONE) {
        if (rt_pin_attach_irq(p->pin, irq_mode(ctx, py_int_get(ctx, v[1])), pin_isr, p) != RT_EOK ||
            rt_pin_irq_enable(p->pin, PIN_IRQ_ENABLE) != RT_EOK) {
            py_raise(ctx, &py_type_OSError, "pin %d has no interrupt", (int)p->pin);
        }
    }
    return PY_NONE;
}
static PY_FUN_KWARGS(pin_irq_obj, "irq", 1, pin_irq);

static void pin_print(py_ctx *ctx, py_print *out, py_val self, int kind)
{
    pin_obj *p = PY_PTR(self);
    char buf[32];

    rt_snprintf(buf, sizeof(buf), "Pin(%d)", (int)p->pin);
    py_print_str(out, buf);
}

static const py_attr_def pin_locals[] = {
    {"init", PY_OBJV(&pin_init_obj)},
    {"value", PY_OBJV(&pin_value_obj)},
    {"on", PY_OBJV(&pin_on_obj)},
    {"off", PY_OBJV(&pin_off_obj)},
    {"high", PY_OBJV(&pin_on_obj)},
    {"low", PY_OBJV(&pin_off_obj)},
    {"toggle", PY_OBJV(&pin_toggle_obj)},
    {"irq", PY_OBJV(&pin_irq_obj)},
    {"IN", PY_MK_SMALL(PIN_IN)},
    {"OUT", PY_MK_SMALL(PIN_OUT)},
    {"OUT_PP", PY_MK_SMALL(PIN_OUT)},
    {"OPEN_DRAIN", PY_MK_SMALL(PIN_OPEN_DRAIN)},
    {"OUT_OD", PY_MK_SMALL(PIN_OPEN_DRAIN)},
    {"PULL_NONE", PY_MK_SMALL(PIN_PULL_NONE)},
    {"PULL_UP", PY_MK_SMALL(PIN_PULL_UP)},
    {"PULL_DOWN", PY_MK_SMALL(PIN_PULL_DOWN)},
    {"IRQ_RISING", PY_MK_SMALL(PIN_IRQ_RISING)},
    {"IRQ_FALLING", PY_MK_SMALL(PIN_IRQ_FALLING)},
    {"IRQ_RISING_FALLING", PY_MK_SMALL(PIN_IRQ_RISING | PIN_IRQ_FALLING)},
    {NULL, 0},
};

const py_type port_type_pin = {
    {&py_type_type}, "Pin", 0, pin_make_new, pin_print, pin_call, .locals = pin_locals,
};

/* ---- Timer(id=-1, mode=PERIODIC, period=ms, callback=f) on a kernel soft timer ---- */

#define TIMER_ONE_SHOT 0
#define TIMER_PERIODIC 1

typedef struct {
    py_obj base;
    rt_timer_t timer;
    py_val callback;
    struct py_port *port;
} timer_obj;

/* Timer thread context: the callback runs later in the Python thread. */
static void timer_fire(void *arg)
{
    timer_obj *t = arg;

    if (py_port_active == t->port && t->port->vm != RT_NULL) {
        rtpy_schedule(t->port->vm, t->callback, PY_VAL(t));
    }
}

static void timer_stop(py_ctx *ctx, timer_obj *t)
{
    if (t->timer != RT_NULL) {
        port_kobj_delete(t->port, (rt_object_t)t->timer);
        t->timer = RT_NULL;
        py_dict_set(ctx, port_irq_table(ctx), PY_VAL(t), PY_NONE);
    }
}

static void timer_start(py_ctx *ctx, timer_obj *t, size_t n, size_t nk, const py_val *a)
{
    const py_arg_spec spec[] = {
        {PY_Q_mode, PY_ARG_KWONLY, PY_MK_SMALL(TIMER_PERIODIC)},
        {py_qstr_from_cstr(ctx, "period"), PY_ARG_KWONLY, PY_MK_SMALL(1000)},
        {py_qstr_from_cstr(ctx, "callback"), PY_ARG_KWONLY, PY_NONE}};
    py_val v[3];
    intmax_t period;

    py_parse_args(ctx, n, nk, a, spec, 3, v);
    period = py_int_get(ctx, v[1]);
    if (period <= 0 || period > 0x7fffffff / 2) {
        py_raise(ctx, &py_type_ValueError, "period out of range");
    }
    timer_stop(ctx, t);
    t->callback = v[2];
    t->timer = rt_timer_create("pytmr", timer_fire, t, rt_tick_from_millisecond((rt_int32_t)period),
                               RT_TIMER_FLAG_SOFT_TIMER | (py_int_get(ctx, v[0]) == TIMER_ONE_SHOT
                                                               ? RT_TIMER_FLAG_ONE_SHOT
                                                               : RT_TIMER_FLAG_PERIODIC));
    if (t->timer == RT_NULL || port_kobj_track(t->port, (rt_object_t)t->timer) != RT_EOK) {
        if (t->timer != RT_NULL) {
            rt_timer_delete(t->timer);
            t->timer = RT_NULL;
        }
        py_raise(ctx, &py_type_MemoryError, "no kernel memory for the timer");
    }
    py_dict_set(ctx, port_irq_table(ctx), PY_VAL(t), PY_VAL(t)); /* alive while it runs */
    rt_timer_start(t->timer);
}

static py_val timer_make_new(py_ctx *ctx, const py_type *type, size_t n, size_t nk, const py_val *a)
{
    timer_obj *t = py_obj_new(ctx, type, sizeof(timer_obj));

    t->port = port_of(ctx);
    t->callback = PY_NONE;
    if (n > 0 && py_int_get(ctx, a[0]) != -1) {
        py_raise(ctx, &py_type_ValueError, "only virtual timers (id -1) exist");
    }
    if (n > 1 || nk > 0) {
        timer_start(ctx, t, n > 1 ? n - 1 : 0, nk, a + (n > 0 ? 1 : 0));
    }
    return PY_VAL(t);
}

static py_val timer_init(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    timer_start(ctx, PY_PTR(a[0]), n - 1, nk, a + 1);
    return PY_NONE;
}
static PY_FUN_KWARGS(timer_init_obj, "init", 1, timer_init);

static py_val timer_deinit(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    timer_stop(ctx, PY_PTR(a[0]));
    return PY_NONE;
}
static PY_FUN(timer_deinit_obj, "deinit", 1, 1, timer_deinit);

static const py_attr_def timer_locals[] = {
    {"init", PY_OBJV(&timer_init_obj)},
    {"deinit", PY_OBJV(&timer_deinit_obj)},
    {"ONE_SHOT", PY_MK_SMALL(TIMER_ONE_SHOT)},
    {"PERIODIC", PY_MK_SMALL(TIMER_PERIODIC)},
    {NULL, 0},
};

const py_type port_type_timer = {
    {&py_type_type}, "Timer", 0, timer_make_new, .locals = timer_locals,
};

/* ---- module functions ---- */

static py_val machine_reset(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    rt_hw_cpu_reset();
    return PY_NONE;
}
static PY_FUN(machine_reset_obj, "reset", 0, 0, machine_reset);

/* Restarts the interpreter with a fresh heap (the REPL continues; a script ends). */
static py_val machine_soft_reset(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    port_of(ctx)->soft_reset = RT_TRUE;
    py_raise_obj(ctx, PY_VAL(&py_type_SystemExit));
}
static PY_FUN(machine_soft_reset_obj, "soft_reset", 0, 0, machine_soft_reset);

static py_val machine_unique_id(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    rt_uint8_t id[12];

    py_port_unique_id(id);
    return py_bytes_new(ctx, id, sizeof(id));
}
static PY_FUN(machine_unique_id_obj, "unique_id", 0, 0, machine_unique_id);

static py_val machine_freq(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return py_int_from_u(ctx, py_port_cpu_freq());
}
static PY_FUN(machine_freq_obj, "freq", 0, 0, machine_freq);

static py_val machine_idle(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    rt_thread_delay(1); /* let lower-priority threads and the idle thread run one tick */
    return PY_NONE;
}
static PY_FUN(machine_idle_obj, "idle", 0, 0, machine_idle);

static py_val machine_reset_cause(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return PY_MK_SMALL(1); /* PWRON_RESET: neither board reports another cause */
}
static PY_FUN(machine_reset_cause_obj, "reset_cause", 0, 0, machine_reset_cause);

py_val port_disable_irq(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return py_int_from(ctx, (intmax_t)rt_hw_interrupt_disable());
}
PY_FUN(port_disable_irq_obj, "disable_irq", 0, 0, port_disable_irq);

py_val port_enable_irq(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    rt_hw_interrupt_enable(n > 0 ? (rt_base_t)py_int_get(ctx, a[0]) : 0);
    return PY_NONE;
}
PY_FUN(port_enable_irq_obj, "enable_irq", 0, 1, port_enable_irq);

static const py_attr_def machine_attrs[] = {
    {"Pin", PY_OBJV(&port_type_pin)},
    {"Timer", PY_OBJV(&port_type_timer)},
    {"reset", PY_OBJV(&machine_reset_obj)},
    {"soft_reset", PY_OBJV(&machine_soft_reset_obj)},
    {"unique_id", PY_OBJV(&machine_unique_id_obj)},
    {"freq", PY_OBJV(&machine_freq_obj)},
    {"idle", PY_OBJV(&machine_idle_obj)},
    {"reset_cause", PY_OBJV(&machine_reset_cause_obj)},
    {"disable_irq", PY_OBJV(&port_disable_irq_obj)},
    {"enable_irq", PY_OBJV(&port_enable_irq_obj)},
    {"PWRON_RESET", PY_MK_SMALL(1)},
    {"HARD_RESET", PY_MK_SMALL(2)},
    {"WDT_RESET", PY_MK_SMALL(3)},
    {"DEEPSLEEP_RESET", PY_MK_SMALL(4)},
    {"SOFT_RESET", PY_MK_SMALL(5)},
    {NULL, 0},
};

const py_module_def port_mod_machine = {"machine", machine_attrs, NULL};
