/* rtthread.Semaphore, Mutex, Event, MessageQueue, Mailbox: Python objects over kernel IPC
 * objects. Blocking calls wait in slices so Ctrl-C still interrupts them; the kernel objects
 * end with delete() or with the Python session. Timeouts are in milliseconds (-1: forever). */
#include "port_mod.h"

typedef struct {
    py_obj base;
    rt_object_t kobj; /* RT_NULL once deleted */
} ipc_obj;

static ipc_obj *ipc_self(py_ctx *ctx, py_val self)
{
    ipc_obj *o = PY_PTR(self);

    if (o->kobj == RT_NULL) {
        py_raise(ctx, &py_type_ValueError, "kernel object already deleted");
    }
    return o;
}

/* Wraps a freshly created kernel object, tracked by the session. */
static py_val ipc_wrap(py_ctx *ctx, const py_type *type, rt_object_t kobj)
{
    ipc_obj *o;

    if (kobj == RT_NULL) {
        py_raise(ctx, &py_type_MemoryError, "no kernel memory for the %s", type->name);
    }
    if (port_kobj_track(port_of(ctx), kobj) != RT_EOK) {
        port_kobj_delete(port_of(ctx), kobj);
        py_raise(ctx, &py_type_MemoryError, "no kernel memory for the %s", type->name);
    }
    o = py_obj_new(ctx, type, sizeof(ipc_obj));
    o->kobj = kobj;
    return PY_VAL(o);
}

static const char *ipc_name(py_ctx *ctx, py_val name, const char *dflt)
{
    return name == PY_NULL || name == PY_NONE ? dflt : port_str(ctx, name);
}

static py_val ipc_delete(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    ipc_obj *o = ipc_self(ctx, a[0]);

    port_kobj_delete(port_of(ctx), o->kobj);
    o->kobj = RT_NULL;
    return PY_NONE;
}
static PY_FUN(ipc_delete_obj, "delete", 1, 1, ipc_delete);

static void ipc_check(py_ctx *ctx, rt_err_t err, const char *what)
{
    if (err != RT_EOK) {
        py_raise(ctx, &py_type_OSError, "%s failed (%d)", what, (int)err);
    }
}

/* ---- Semaphore(value=0, name=None) ---- */

static py_val sem_make_new(py_ctx *ctx, const py_type *type, size_t n, size_t nk, const py_val *a)
{
    static const py_arg_spec spec[] = {{PY_Q_value, 0, PY_MK_SMALL(0)}, {PY_Q_name, 0, PY_NONE}};
    py_val v[2];
    intmax_t value;

    py_parse_args(ctx, n, nk, a, spec, 2, v);
    value = py_int_get(ctx, v[0]);
    if (value < 0 || value > 0xffff) {
        py_raise(ctx, &py_type_ValueError, "semaphore value out of range");
    }
    return ipc_wrap(ctx, type,
                    (rt_object_t)rt_sem_create(ipc_name(ctx, v[1], "pysem"), (rt_uint32_t)value,
                                               RT_IPC_FLAG_PRIO));
}

static rt_err_t sem_take1(void *obj, rt_int32_t ticks, void *arg)
{
    return rt_sem_take(obj, ticks);
}

/* take(timeout=-1) -> True, or False on timeout. */
static py_val sem_take(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    ipc_obj *o = ipc_self(ctx, a[0]);

    return PY_BOOL(port_wait(ctx, sem_take1, o->kobj, RT_NULL,
                             port_timeout_ticks(ctx, n > 1 ? a[1] : PY_NULL)) == RT_EOK);
}
static PY_FUN(sem_take_obj, "take", 1, 2, sem_take);

static py_val sem_release(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    ipc_check(ctx, rt_sem_release((rt_sem_t)ipc_self(ctx, a[0])->kobj), "release");
    return PY_NONE;
}
static PY_FUN(sem_release_obj, "release", 1, 1, sem_release);

static py_val sem_value(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return PY_MK_SMALL(((rt_sem_t)ipc_self(ctx, a[0])->kobj)->value);
}
static PY_FUN(sem_value_obj, "value", 1, 1, sem_value);

static const py_attr_def sem_locals[] = {
    {"take", PY_OBJV(&sem_take_obj)},
    {"release", PY_OBJV(&sem_release_obj)},
    {"value", PY_OBJV(&sem_value_obj)},
    {"delete", PY_OBJV(&ipc_delete_obj)},
    {NULL, 0},
};

const py_type port_type_semaphore = {
    {&py_type_type}, "Semaphore", 0, sem_make_new, .locals = sem_locals,
};

/* ---- Mutex(name=None): take/release, also a context manager ---- */

static py_val mutex_make_new(py_ctx *ctx, const py_type *type, size_t n, size_t nk, const py_val *a)
{
    static const py_arg_spec spec[] = {{PY_Q_name, 0, PY_NONE}};
    py_val v[1];

    py_parse_args(ctx, n, nk, a, spec, 1, v);
    return ipc_wrap(ctx, type,
                    (rt_object_t)rt_mutex_create(ipc_name(ctx, v[0], "pymtx"), RT_IPC_FLAG_PRIO));
}

static rt_err_t mutex_take1(void *obj, rt_int32_t ticks, void *arg)
{
    return rt_mutex_take(obj, ticks);
}

static py_val mutex_take(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    ipc_obj *o = ipc_self(ctx, a[0]);

    return PY_BOOL(port_wait(ctx, mutex_take1, o->kobj, RT_NULL,
                             port_timeout_ticks(ctx, n > 1 ? a[1] : PY_NULL)) == RT_EOK);
}
static PY_FUN(mutex_take_obj, "take", 1, 2, mutex_take);

static py_val mutex_release(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    ipc_check(ctx, rt_mutex_release((rt_mutex_t)ipc_self(ctx, a[0])->kobj),
              "release (not the owner?)");
    return PY_NONE;
}
static PY_FUN(mutex_release_obj, "release", 1, 1, mutex_release);

static py_val mutex_enter(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    mutex_take(ctx, 1, 0, a);
    return a[0];
}
static PY_FUN(mutex_enter_obj, "__enter__", 1, 1, mutex_enter);

static py_val mutex_exit(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    mutex_release(ctx, 1, 0, a);
    return PY_NONE;
}
static PY_FUN(mutex_exit_obj, "__exit__", 1, 4, mutex_exit);

static const py_attr_def mutex_locals[] = {
    {"take", PY_OBJV(&mutex_take_obj)},       {"release", PY_OBJV(&mutex_release_obj)},
    {"__enter__", PY_OBJV(&mutex_enter_obj)}, {"__exit__", PY_OBJV(&mutex_exit_obj)},
    {"delete", PY_OBJV(&ipc_delete_obj)},     {NULL, 0},
};

const py_type port_type_mutex = {
    {&py_type_type}, "Mutex", 0, mutex_make_new, .locals = mutex_locals,
};

/* ---- Event(name=None): send(bits), recv(bits, mode=OR|CLEAR, timeout=-1) ---- */

static py_val event_make_new(py_ctx *ctx, const py_type *type, size_t n, size_t nk, const py_val *a)
{
    static const py_arg_spec spec[] = {{PY_Q_name, 0, PY_NONE}};
    py_val v[1];

    py_parse_args(ctx, n, nk, a, spec, 1, v);
    return ipc_wrap(ctx, type,
                    (rt_object_t)rt_event_create(ipc_name(ctx, v[0], "pyevt"), RT_IPC_FLAG_PRIO));
}

static py_val event_send(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    ipc_check(
        ctx,
        rt_event_send((rt_event_t)ipc_self(ctx, a[0])->kobj, (rt_uint32_t)py_int_get(ctx, a[1])),
        "send");
    return PY_NONE;
}
static PY_FUN(event_send_obj, "send", 2, 2, event_send);

struct event_wait {
    rt_uint32_t set, received;
    rt_uint8_t option;
};

static rt_err_t event_recv1(void *obj, rt_int32_t ticks, void *arg)
{
    struct event_wait *w = arg;

    return rt_event_recv(obj, w->set, w->option, ticks, &w->received);
}

/* recv(bits, mode=Event.OR | Event.CLEAR, timeout=-1) -> the bits received, None on timeout */
static py_val event_recv(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    ipc_obj *o = ipc_self(ctx, a[0]);
    struct event_wait w = {
        (rt_uint32_t)py_int_get(ctx, a[1]), 0,
        (rt_uint8_t)(n > 2 ? py_int_get(ctx, a[2]) : RT_EVENT_FLAG_OR | RT_EVENT_FLAG_CLEAR)};

    if (port_wait(ctx, event_recv1, o->kobj, &w, port_timeout_ticks(ctx, n > 3 ? a[3] : PY_NULL)) !=
        RT_EOK) {
        return PY_NONE;
    }
    return py_int_from_u(ctx, w.received);
}
static PY_FUN(event_recv_obj, "recv", 2, 4, event_recv);

static const py_attr_def event_locals[] = {
    {"send", PY_OBJV(&event_send_obj)},
    {"recv", PY_OBJV(&event_recv_obj)},
    {"delete", PY_OBJV(&ipc_delete_obj)},
    {"AND", PY_MK_SMALL(RT_EVENT_FLAG_AND)},
    {"OR", PY_MK_SMALL(RT_EVENT_FLAG_OR)},
    {"CLEAR", PY_MK_SMALL(RT_EVENT_FLAG_CLEAR)},
    {NULL, 0},
};

const py_type port_type_event = {
    {&py_type_type}, "Event", 0, event_make_new, .locals = event_locals,
};

/* ---- MessageQueue(msg_size, max_msgs, name=None) ---- */

static py_val mq_make_new(py_ctx *ctx, const py_type *type, size_t n, size_t nk, const py_val *a)
{
    static const py_arg_spec spec[] = {{PY_Q_empty, PY_ARG_REQUIRED, 0},
                                       {PY_Q_empty, PY_ARG_REQUIRED, 0},
                                       {PY_Q_name, 0, PY_NONE}};
    py_val v[3];
    intmax_t size, count;

    py_parse_args(ctx, n, nk, a, spec, 3, v);
    size = py_int_get(ctx, v[0]);
    count = py_int_get(ctx, v[1]);
    if (size <= 0 || count <= 0 || size > 4096 || count > 1024) {
        py_raise(ctx, &py_type_ValueError, "message size or count out of range");
    }
    return ipc_wrap(ctx, type,
                    (rt_object_t)rt_mq_create(ipc_name(ctx, v[2], "pymq"), (rt_size_t)size,
                                              (rt_size_t)count, RT_IPC_FLAG_PRIO));
}

/* The result of a non-blocking send: True, False when full; other errors raise OSError. */
static py_val put_result(py_ctx *ctx, rt_err_t err, const char *what)
{
    if (err == -RT_EFULL) {
        return PY_FALSE;
    }
    ipc_check(ctx, err, what);
    return PY_TRUE;
}

static py_val mq_put(py_ctx *ctx, const py_val *a, rt_bool_t urgent)
{
    rt_mq_t mq = (rt_mq_t)ipc_self(ctx, a[0])->kobj;
    size_t len;
    const char *data = py_str_get(ctx, a[1], &len);

    return put_result(ctx, urgent ? rt_mq_urgent(mq, data, len) : rt_mq_send(mq, data, len),
                      "send (message too long?)");
}

/* send(data) / urgent(data) -> True, or False when the queue is full. */
static py_val mq_send(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return mq_put(ctx, a, RT_FALSE);
}
static PY_FUN(mq_send_obj, "send", 2, 2, mq_send);

static py_val mq_urgent(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return mq_put(ctx, a, RT_TRUE);
}
static PY_FUN(mq_urgent_obj, "urgent", 2, 2, mq_urgent);

struct mq_wait {
    void *buf;
    rt_size_t size;
    rt_ssize_t got;
};

static rt_err_t mq_recv1(void *obj, rt_int32_t ticks, void *arg)
{
    struct mq_wait *w = arg;

    w->got = rt_mq_recv(obj, w->buf, w->size, ticks);
    return w->got >= 0 ? RT_EOK : (rt_err_t)w->got;
}

/* recv(timeout=-1) -> bytes, or None on timeout. */
static py_val mq_recv(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    rt_mq_t mq = (rt_mq_t)ipc_self(ctx, a[0])->kobj;
    struct mq_wait w = {py_alloc_raw(ctx, mq->msg_size), mq->msg_size, 0};

    if (port_wait(ctx, mq_recv1, mq, &w, port_timeout_ticks(ctx, n > 1 ? a[1] : PY_NULL)) !=
        RT_EOK) {
        return PY_NONE;
    }
    return py_bytes_new(ctx, w.buf, (size_t)w.got);
}
static PY_FUN(mq_recv_obj, "recv", 1, 2, mq_recv);

static const py_attr_def mq_locals[] = {
    {"send", PY_OBJV(&mq_send_obj)},
    {"urgent", PY_OBJV(&mq_urgent_obj)},
    {"recv", PY_OBJV(&mq_recv_obj)},
    {"delete", PY_OBJV(&ipc_delete_obj)},
    {NULL, 0},
};

const py_type port_type_messagequeue = {
    {&py_type_type}, "MessageQueue", 0, mq_make_new, .locals = mq_locals,
};

/* ---- Mailbox(size, name=None): send/urgent/recv of integers ---- */

static py_val mb_make_new(py_ctx *ctx, const py_type *type, size_t n, size_t nk, const py_val *a)
{
    static const py_arg_spec spec[] = {{PY_Q_empty, PY_ARG_REQUIRED, 0}, {PY_Q_name, 0, PY_NONE}};
    py_val v[2];
    intmax_t size;

    py_parse_args(ctx, n, nk, a, spec, 2, v);
    size = py_int_get(ctx, v[0]);
    if (size <= 0 || size > 4096) {
        py_raise(ctx, &py_type_ValueError, "mailbox size out of range");
    }
    return ipc_wrap(
        ctx, type,
        (rt_object_t)rt_mb_create(ipc_name(ctx, v[1], "pymb"), (rt_size_t)size, RT_IPC_FLAG_PRIO));
}

static py_val mb_put(py_ctx *ctx, const py_val *a, rt_bool_t urgent)
{
    rt_mailbox_t mb = (rt_mailbox_t)ipc_self(ctx, a[0])->kobj;
    rt_ubase_t value = (rt_ubase_t)py_int_get(ctx, a[1]);

    return put_result(ctx, urgent ? rt_mb_urgent(mb, value) : rt_mb_send(mb, value), "send");
}

static py_val mb_send(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return mb_put(ctx, a, RT_FALSE);
}
static PY_FUN(mb_send_obj, "send", 2, 2, mb_send);

static py_val mb_urgent(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return mb_put(ctx, a, RT_TRUE);
}
static PY_FUN(mb_urgent_obj, "urgent", 2, 2, mb_urgent);

static rt_err_t mb_recv1(void *obj, rt_int32_t ticks, void *arg)
{
    return rt_mb_recv(obj, arg, ticks);
}

static py_val mb_recv(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    rt_mailbox_t mb = (rt_mailbox_t)ipc_self(ctx, a[0])->kobj;
    rt_ubase_t value = 0;

    if (port_wait(ctx, mb_recv1, mb, &value, port_timeout_ticks(ctx, n > 1 ? a[1] : PY_NULL)) !=
        RT_EOK) {
        return PY_NONE;
    }
    return py_int_from(ctx, (intmax_t)(rt_base_t)value);
}
static PY_FUN(mb_recv_obj, "recv", 1, 2, mb_recv);

static const py_attr_def mb_locals[] = {
    {"send", PY_OBJV(&mb_send_obj)},
    {"urgent", PY_OBJV(&mb_urgent_obj)},
    {"recv", PY_OBJV(&mb_recv_obj)},
    {"delete", PY_OBJV(&ipc_delete_obj)},
    {NULL, 0},
};

const py_type port_type_mailbox = {
    {&py_type_type}, "Mailbox", 0, mb_make_new, .locals = mb_locals,
};
