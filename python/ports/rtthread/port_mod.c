/* Helpers shared by the port's Python modules, and the port's module table. */
#include "port_mod.h"

struct py_port *port_of(py_ctx *ctx)
{
    return py_hal(ctx)->user;
}

static void stdout_write(void *data, const char *s, size_t len)
{
    py_console_write(data, s, len);
}

py_print *port_stdout(py_ctx *ctx)
{
    struct py_port *port = port_of(ctx);

    port->stdout_print.data = port;
    port->stdout_print.write = stdout_write;
    return &port->stdout_print;
}

const char *port_str(py_ctx *ctx, py_val v)
{
    size_t len;

    return py_str_get(ctx, v, &len);
}

void port_dict_str(py_ctx *ctx, py_val d, const char *key, const char *value)
{
    py_dict_set(ctx, d, py_str_from_cstr(ctx, key), py_str_from_cstr(ctx, value));
}

void port_dict_int(py_ctx *ctx, py_val d, const char *key, intmax_t value)
{
    py_dict_set(ctx, d, py_str_from_cstr(ctx, key), py_int_from(ctx, value));
}

py_val port_irq_table(py_ctx *ctx)
{
    struct py_port *port = port_of(ctx);

    if (port->irq_pins == 0) {
        py_val d = py_dict_new(ctx);

        if (rtpy_pin(port->vm, d) != RTPY_OK) {
            py_raise(ctx, &py_type_MemoryError, "no slot to keep interrupt handlers");
        }
        port->irq_pins = d;
    }
    return port->irq_pins;
}

rt_int32_t port_timeout_ticks(py_ctx *ctx, py_val ms)
{
    intmax_t v;

    if (ms == PY_NULL || ms == PY_NONE) {
        return RT_WAITING_FOREVER;
    }
    v = py_int_get(ctx, ms);
    if (v < 0) {
        return RT_WAITING_FOREVER;
    }
    return rt_tick_from_millisecond((rt_int32_t)(v > 0x7fffffff / 2 ? 0x7fffffff / 2 : v));
}

#define WAIT_SLICE (RT_TICK_PER_SECOND / 50) /* Ctrl-C is noticed within 20 ms */

struct take_req {
    port_take_fn take;
    void *obj, *arg;
    rt_int32_t ticks;
    rt_err_t err;
};

static void take_unlocked(void *arg)
{
    struct take_req *r = arg;

    r->err = r->take(r->obj, r->ticks, r->arg);
}

rt_err_t port_wait(py_ctx *ctx, port_take_fn take, void *obj, void *arg, rt_int32_t ticks)
{
    struct take_req r = {take, obj, arg, 0, RT_EOK};

    for (;;) {
        rt_int32_t slice = (ticks == RT_WAITING_FOREVER || ticks > WAIT_SLICE) ? WAIT_SLICE : ticks;
        rt_err_t err;

        r.ticks = slice;
        rtpy_unlocked(ctx, take_unlocked, &r); /* other Python threads run meanwhile */
        err = r.err;

        if (err != -RT_ETIMEOUT) {
            if (err != RT_EOK) {
                py_raise(ctx, &py_type_OSError, "kernel wait failed (%d)", (int)err);
            }
            return RT_EOK;
        }
        if (ticks != RT_WAITING_FOREVER) {
            ticks -= slice;
            if (ticks <= 0) {
                return -RT_ETIMEOUT;
            }
        }
        py_check_interrupt(ctx);
    }
}

struct port_kobj {
    rt_list_t node;
    rt_object_t obj;
};

rt_err_t port_kobj_track(struct py_port *port, rt_object_t obj)
{
    struct port_kobj *k = rt_malloc(sizeof(*k));

    if (k == RT_NULL) {
        return -RT_ENOMEM;
    }
    k->obj = obj;
    rt_list_insert_after(&port->kobjs, &k->node);
    return RT_EOK;
}

static void kobj_destroy(rt_object_t obj)
{
    switch (rt_object_get_type(obj)) {
    case RT_Object_Class_Semaphore: rt_sem_delete((rt_sem_t)obj); break;
    case RT_Object_Class_Mutex: rt_mutex_delete((rt_mutex_t)obj); break;
    case RT_Object_Class_Event: rt_event_delete((rt_event_t)obj); break;
    case RT_Object_Class_MailBox: rt_mb_delete((rt_mailbox_t)obj); break;
    case RT_Object_Class_MessageQueue: rt_mq_delete((rt_mq_t)obj); break;
    case RT_Object_Class_Timer: rt_timer_delete((rt_timer_t)obj); break;
    default: break;
    }
}

void port_kobj_delete(struct py_port *port, rt_object_t obj)
{
    rt_list_t *pos;

    rt_list_for_each(pos, &port->kobjs)
    {
        struct port_kobj *k = rt_list_entry(pos, struct port_kobj, node);

        if (k->obj == obj) {
            rt_list_remove(&k->node);
            kobj_destroy(obj);
            rt_free(k);
            return;
        }
    }
}

void port_kobj_delete_all(struct py_port *port)
{
    while (!rt_list_isempty(&port->kobjs)) {
        struct port_kobj *k = rt_list_entry(port->kobjs.next, struct port_kobj, node);

        rt_list_remove(&k->node);
        kobj_destroy(k->obj);
        rt_free(k);
    }
}

rt_bool_t py_port_interrupted(struct py_port *port)
{
    rtpy_val exc = rtpy_exception(port->vm);

    return exc != 0 && py_isinstance(port->vm, exc, &py_type_KeyboardInterrupt);
}

extern const py_module_def port_mod_rtthread, port_mod_machine, port_mod_pyb, port_mod_os,
    port_mod_thread;

const py_module_def *const py_port_modules[] = {
    &port_mod_rtthread, &port_mod_machine, &port_mod_pyb, &port_mod_os, &port_mod_thread, RT_NULL,
};
