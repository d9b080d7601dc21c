/* Python threads on RT-Thread: the _thread module and rtthread.Thread, each Python thread an
 * RTOS thread, all sharing the session's VM under its GIL (an rt_mutex, which hands over to
 * the waiter on release). Waits (lock acquire, join, stop) sleep on one session event that
 * is broadcast when a lock is released or a thread ends, with the GIL let go. */
#include "port_mod.h"
#include <rthw.h>

#define EV_LOCK_FREE  0x1                       /* some Python lock was released */
#define EV_THREAD_END 0x2                       /* some Python thread ended */
#define WAIT_SLICE    (RT_TICK_PER_SECOND / 50) /* Ctrl-C and thread stop noticed within 20 ms */

/* One running (or ended, not yet reaped) Python thread. */
struct port_thread {
    rt_list_t node; /* in port->threads */
    struct py_port *port;
    rt_thread_t tid;
    rtpy_thread *pt;
    volatile rt_bool_t finished;
    rt_bool_t detached; /* _thread: the record goes when the thread ends */
};

/* ---- GIL (HAL callbacks) ---- */

static int gil_lock(void *user, uint32_t timeout_ms)
{
    struct py_port *port = user;

    return rt_mutex_take(&port->gil, rt_tick_from_millisecond((rt_int32_t)timeout_ms)) == RT_EOK
               ? 0
               : -1;
}

static void gil_unlock(void *user)
{
    struct py_port *port = user;

    rt_mutex_release(&port->gil);
}

void port_threads_hal(struct py_port *port)
{
    port->hal.gil_lock = gil_lock;
    port->hal.gil_unlock = gil_unlock;
}

void port_threads_init(struct py_port *port)
{
    rt_mutex_init(&port->gil, "pygil", RT_IPC_FLAG_PRIO);
    rt_event_init(&port->thr_ev, "pythr", RT_IPC_FLAG_PRIO);
    rt_list_init(&port->threads);
    port->n_threads = 0;
    port->main_thread = rt_thread_self();
    port->thread_stack = PY_PORT_THREAD_STACK;
    rt_mutex_take(&port->gil, RT_WAITING_FOREVER); /* the VM's creator holds the GIL */
}

/* ---- waiting with the GIL let go ---- */

struct ev_wait {
    struct py_port *port;
    rt_uint32_t bits;
    rt_int32_t ticks;
};

static void ev_wait1(void *arg)
{
    struct ev_wait *w = arg;
    rt_uint32_t got;

    rt_event_recv(&w->port->thr_ev, w->bits, RT_EVENT_FLAG_OR | RT_EVENT_FLAG_CLEAR, w->ticks,
                  &got);
}

/* Waits until done(arg) holds or `ticks` pass (RT_WAITING_FOREVER: no limit); RT_TRUE if it
 * holds. Ctrl-C (main thread) and the session's stop (other threads) raise. */
static rt_bool_t wait_for(py_ctx *ctx, rt_uint32_t bits, rt_bool_t (*done)(void *), void *arg,
                          rt_int32_t ticks)
{
    struct ev_wait w = {port_of(ctx), bits, 0};
    rt_tick_t start = rt_tick_get();

    while (!done(arg)) {
        rt_int32_t left = WAIT_SLICE;

        if (ticks != RT_WAITING_FOREVER) {
            left = ticks - (rt_int32_t)(rt_tick_get() - start);
            if (left <= 0) {
                return RT_FALSE;
            }
            if (left > WAIT_SLICE) {
                left = WAIT_SLICE;
            }
        }
        w.ticks = left;
        rtpy_unlocked(ctx, ev_wait1, &w);
        py_check_interrupt(ctx);
    }
    return RT_TRUE;
}

/* A timeout in seconds (None or negative: forever) as ticks. */
static rt_int32_t seconds_ticks(py_ctx *ctx, py_val secs)
{
    py_float_t s;

    if (secs == PY_NULL || secs == PY_NONE) {
        return RT_WAITING_FOREVER;
    }
    s = py_float_get(ctx, secs);
    if (s < 0) {
        return RT_WAITING_FOREVER;
    }
    if (s > 1e6) {
        s = 1e6;
    }
    return (rt_int32_t)(s * RT_TICK_PER_SECOND + 0.5);
}

/* ---- starting and ending threads ---- */

static void thread_entry(void *param)
{
    struct port_thread *rec = param;
    struct py_port *port = rec->port;
    rt_bool_t reap;
    rt_base_t level;

    rtpy_thread_run(port->vm, rec->pt);
    level = rt_hw_interrupt_disable();
    rec->finished = RT_TRUE;
    reap = rec->detached;
    if (reap) {
        rt_list_remove(&rec->node);
    }
    rt_hw_interrupt_enable(level);
    if (reap) {
        rt_free(rec);
    }
    rt_event_send(&port->thr_ev, EV_THREAD_END);
    level = rt_hw_interrupt_disable();
    port->n_threads--; /* last: the session may end (and free the event) from here on */
    rt_hw_interrupt_enable(level);
}

static void let_idle_run(void *arg)
{
    rt_thread_mdelay(5);
}

/* rt_thread_create, retried for a while when the kernel heap is short: threads that just
 * ended give their stacks back only when the idle thread runs. */
static rt_thread_t create_thread(py_ctx *ctx, const char *name, struct port_thread *rec,
                                 rt_uint32_t stack, rt_uint8_t prio)
{
    rt_thread_t tid = rt_thread_create(name, thread_entry, rec, stack, prio, 10);
    int i;

    for (i = 0; i < 20 && tid == RT_NULL; i++) {
        rtpy_unlocked(ctx, let_idle_run, RT_NULL);
        tid = rt_thread_create(name, thread_entry, rec, stack, prio, 10);
    }
    return tid;
}

static struct port_thread *thread_start(py_ctx *ctx, py_val fn, py_val args, py_val kwargs,
                                        const char *name, rt_uint8_t prio, rt_uint32_t stack,
                                        rt_bool_t detached)
{
    struct py_port *port = port_of(ctx);
    rtpy_thread *pt =
        rtpy_thread_new(ctx, fn, args, kwargs, PY_PORT_THREAD_VSTACK, PY_PORT_CSTACK(stack));
    struct port_thread *rec = rt_calloc(1, sizeof(*rec));
    rt_base_t level;

    if (rec != RT_NULL) {
        rec->tid = create_thread(ctx, name, rec, stack, prio);
    }
    if (rec == RT_NULL || rec->tid == RT_NULL) {
        rtpy_thread_cancel(ctx, pt);
        rt_free(rec);
        py_raise(ctx, &py_type_RuntimeError, "can't start new thread (no kernel memory)");
    }
    rec->port = port;
    rec->pt = pt;
    rec->detached = detached;
    level = rt_hw_interrupt_disable();
    rt_list_insert_before(&port->threads, &rec->node);
    port->n_threads++;
    rt_hw_interrupt_enable(level);
    rt_thread_startup(rec->tid);
    return rec;
}

static void wait_thread_end(void *arg)
{
    struct py_port *port = arg;
    rt_uint32_t got;

    rt_event_recv(&port->thr_ev, EV_THREAD_END, RT_EVENT_FLAG_OR | RT_EVENT_FLAG_CLEAR, WAIT_SLICE,
                  &got);
}

/* Takes the first record off the list; *running tells whether its thread had not ended (it
 * then no longer frees the record itself). RT_NULL when the list is empty. */
static struct port_thread *pop_record(struct py_port *port, rt_bool_t *running)
{
    struct port_thread *rec = RT_NULL;
    rt_base_t level = rt_hw_interrupt_disable();

    if (!rt_list_isempty(&port->threads)) {
        rec = rt_list_entry(port->threads.next, struct port_thread, node);
        rt_list_remove(&rec->node);
        rec->detached = RT_FALSE;
        *running = !rec->finished;
    }
    rt_hw_interrupt_enable(level);
    return rec;
}

void port_threads_stop(struct py_port *port)
{
    rt_tick_t start = rt_tick_get(), limit = rt_tick_from_millisecond(PY_PORT_THREAD_STOP_MS);
    struct port_thread *rec;
    rt_bool_t running;
    int forced = 0;

    if (port->vm != RT_NULL && port->n_threads > 0) {
        rtpy_threads_stop(port->vm); /* SystemExit in each at its next safe point */
        while (port->n_threads > 0 && rt_tick_get() - start < limit) {
            rtpy_unlocked(port->vm, wait_thread_end, port);
        }
    }
    while ((rec = pop_record(port, &running)) != RT_NULL) {
        if (running) {
            /* stuck in a C call that never returns (it does not hold the GIL: we do) */
            rt_thread_delete(rec->tid);
            forced++;
        }
        rt_free(rec);
    }
    if (forced > 0) {
        rt_kprintf("python: %d thread(s) did not stop and were deleted\n", forced);
    }
    rt_mutex_release(&port->gil);
    rt_mutex_detach(&port->gil);
    rt_event_detach(&port->thr_ev);
}

/* ---- _thread ---- */

typedef struct {
    py_obj base;
    rt_bool_t locked;
} lock_obj;

extern const py_type port_type_lock;

static py_val lock_new(py_ctx *ctx)
{
    return PY_VAL(py_obj_new(ctx, &port_type_lock, sizeof(lock_obj)));
}

static rt_bool_t lock_free(void *arg)
{
    return !((lock_obj *)arg)->locked;
}

/* acquire(blocking=True, timeout=-1) -> True, or False if not acquired. */
static py_val lock_acquire(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    const py_arg_spec spec[] = {{PY_Q_empty, 0, PY_NULL},
                                {py_qstr_from_cstr(ctx, "blocking"), 0, PY_TRUE},
                                {py_qstr_from_cstr(ctx, "timeout"), 0, PY_MK_SMALL(-1)}};
    py_val v[3];
    lock_obj *l;
    rt_int32_t ticks = RT_WAITING_FOREVER;
    py_float_t secs;

    py_parse_args(ctx, n, nk, a, spec, 3, v);
    l = PY_PTR(v[0]);
    secs = py_float_get(ctx, v[2]);
    if (!py_truthy(ctx, v[1])) {
        if (secs != -1) {
            py_raise(ctx, &py_type_ValueError, "can't specify a timeout for a non-blocking call");
        }
        ticks = 0;
    } else if (secs != -1) {
        if (secs < 0) {
            py_raise(ctx, &py_type_ValueError, "timeout value must be a non-negative number");
        }
        ticks = seconds_ticks(ctx, v[2]);
    }
    if (!wait_for(ctx, EV_LOCK_FREE, lock_free, l, ticks)) {
        return PY_FALSE;
    }
    l->locked = RT_TRUE;
    return PY_TRUE;
}
static PY_FUN_KWARGS(lock_acquire_obj, "acquire", 1, lock_acquire);

static py_val lock_release(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    lock_obj *l = PY_PTR(a[0]);

    if (!l->locked) {
        py_raise(ctx, &py_type_RuntimeError, "release unlocked lock");
    }
    l->locked = RT_FALSE;
    rt_event_send(&port_of(ctx)->thr_ev, EV_LOCK_FREE);
    return PY_NONE;
}
static PY_FUN(lock_release_obj, "release", 1, 1, lock_release);

static py_val lock_locked(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return PY_BOOL(((lock_obj *)PY_PTR(a[0]))->locked);
}
static PY_FUN(lock_locked_obj, "locked", 1, 1, lock_locked);

static py_val lock_enter(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return lock_acquire(ctx, 1, 0, a);
}
static PY_FUN(lock_enter_obj, "__enter__", 1, 1, lock_enter);

static py_val lock_exit(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return lock_release(ctx, 1, 0, a);
}
static PY_FUN(lock_exit_obj, "__exit__", 1, 4, lock_exit);

static void lock_print(py_ctx *ctx, py_print *p, py_val self, int kind)
{
    py_printf(ctx, p, "<%s _thread.lock object at %p>",
              ((lock_obj *)PY_PTR(self))->locked ? "locked" : "unlocked", PY_PTR(self));
}

static const py_attr_def lock_locals[] = {
    {"acquire", PY_OBJV(&lock_acquire_obj)},
    {"acquire_lock", PY_OBJV(&lock_acquire_obj)},
    {"release", PY_OBJV(&lock_release_obj)},
    {"release_lock", PY_OBJV(&lock_release_obj)},
    {"locked", PY_OBJV(&lock_locked_obj)},
    {"locked_lock", PY_OBJV(&lock_locked_obj)},
    {"__enter__", PY_OBJV(&lock_enter_obj)},
    {"__exit__", PY_OBJV(&lock_exit_obj)},
    {NULL, 0},
};

static py_val lock_make_new(py_ctx *ctx, const py_type *type, size_t n, size_t nk, const py_val *a)
{
    py_check_nargs(ctx, n + nk, 0, 0);
    return lock_new(ctx);
}

const py_type port_type_lock = {
    {&py_type_type}, "lock", 0, lock_make_new, lock_print, .locals = lock_locals,
};

static py_val th_allocate_lock(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return lock_new(ctx);
}
static PY_FUN(th_allocate_lock_obj, "allocate_lock", 0, 0, th_allocate_lock);

static rt_uint8_t caller_priority(void)
{
    return rt_thread_self()->current_priority;
}

/* A kernel name for a new thread: "py" and a counter. */
static void thread_name(char *buf, rt_size_t size)
{
    static unsigned counter;

    rt_snprintf(buf, size, "py%u", ++counter % 100000);
}

/* start_new_thread(function, args[, kwargs]) -> the new thread's identifier. */
static py_val th_start_new_thread(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    char name[RT_NAME_MAX];
    py_val kwargs = n > 2 ? a[2] : PY_NULL;
    struct port_thread *rec;

    if (py_type_of(a[1]) != &py_type_tuple) {
        py_raise(ctx, &py_type_TypeError, "2nd arg must be a tuple");
    }
    if (kwargs != PY_NULL && py_type_of(kwargs) != &py_type_dict) {
        py_raise(ctx, &py_type_TypeError, "optional 3rd arg must be a dictionary");
    }
    thread_name(name, sizeof(name));
    rec = thread_start(ctx, a[0], a[1], kwargs, name, caller_priority(), port_of(ctx)->thread_stack,
                       RT_TRUE);
    return py_int_from_u(ctx, (uintptr_t)rec->tid);
}
static PY_FUN(th_start_new_thread_obj, "start_new_thread", 2, 3, th_start_new_thread);

static py_val th_get_ident(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return py_int_from_u(ctx, (uintptr_t)rt_thread_self());
}
static PY_FUN(th_get_ident_obj, "get_ident", 0, 0, th_get_ident);

/* stack_size([size]) -> the previous size (0 meaning the default); 0 resets the default. */
static py_val th_stack_size(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    struct py_port *port = port_of(ctx);
    rt_uint32_t old = port->thread_stack == PY_PORT_THREAD_STACK ? 0 : port->thread_stack;

    if (n > 0) {
        intmax_t size = py_int_get(ctx, a[0]);

        if (size != 0 && (size < PY_PORT_STACK_MIN || size > 1024 * 1024)) {
            py_raise(ctx, &py_type_ValueError, "size not valid: %d bytes (%d to %d)", (int)size,
                     PY_PORT_STACK_MIN, 1024 * 1024);
        }
        port->thread_stack = size == 0 ? PY_PORT_THREAD_STACK : (rt_uint32_t)size;
    }
    return PY_MK_SMALL(old);
}
static PY_FUN(th_stack_size_obj, "stack_size", 0, 1, th_stack_size);

static py_val th_exit(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    py_raise(ctx, &py_type_SystemExit, NULL);
}
static PY_FUN(th_exit_obj, "exit", 0, 0, th_exit);

static const py_attr_def thread_attrs[] = {
    {"start_new_thread", PY_OBJV(&th_start_new_thread_obj)},
    {"start_new", PY_OBJV(&th_start_new_thread_obj)},
    {"allocate_lock", PY_OBJV(&th_allocate_lock_obj)},
    {"allocate", PY_OBJV(&th_allocate_lock_obj)},
    {"LockType", PY_OBJV(&port_type_lock)},
    {"get_ident", PY_OBJV(&th_get_ident_obj)},
    {"stack_size", PY_OBJV(&th_stack_size_obj)},
    {"exit", PY_OBJV(&th_exit_obj)},
    {"error", PY_OBJV(&py_type_RuntimeError)},
    {NULL, 0},
};

const py_module_def port_mod_thread = {"_thread", thread_attrs, NULL};

/* ---- rtthread.Thread ---- */

typedef struct {
    py_obj base;
    py_val target, args, kwargs, name;
    struct port_thread *rec; /* RT_NULL before start() and once reaped */
    uintptr_t ident;
    rt_uint32_t stack_size;
    rt_uint8_t priority;
    rt_bool_t started;
} thread_obj;

extern const py_type port_type_thread;

static py_val thread_make_new(py_ctx *ctx, const py_type *type, size_t n, size_t nk,
                              const py_val *a)
{
    const py_arg_spec spec[] = {{py_qstr_from_cstr(ctx, "target"), 0, PY_NONE},
                                {PY_Q_args, 0, PY_NULL},
                                {py_qstr_from_cstr(ctx, "kwargs"), 0, PY_NONE},
                                {py_qstr_from_cstr(ctx, "priority"), 0, PY_NONE},
                                {py_qstr_from_cstr(ctx, "stack_size"), 0, PY_NONE},
                                {PY_Q_name, 0, PY_NONE}};
    py_val v[6];
    thread_obj *t;
    intmax_t prio = caller_priority(), stack = port_of(ctx)->thread_stack;
    char name[RT_NAME_MAX];
    size_t n_items;
    py_val *items;

    py_parse_args(ctx, n, nk, a, spec, 6, v);
    if (v[2] != PY_NONE && py_type_of(v[2]) != &py_type_dict) {
        py_raise(ctx, &py_type_TypeError, "kwargs must be a dict");
    }
    if (v[3] != PY_NONE) {
        prio = py_int_get(ctx, v[3]);
        if (prio < 0 || prio >= RT_THREAD_PRIORITY_MAX - 1) {
            py_raise(ctx, &py_type_ValueError, "priority must be 0..%d",
                     RT_THREAD_PRIORITY_MAX - 2);
        }
    }
    if (v[4] != PY_NONE) {
        stack = py_int_get(ctx, v[4]);
        if (stack < PY_PORT_STACK_MIN || stack > 1024 * 1024) {
            py_raise(ctx, &py_type_ValueError, "stack_size must be %d..%d bytes", PY_PORT_STACK_MIN,
                     1024 * 1024);
        }
    }
    t = py_obj_new(ctx, type, sizeof(thread_obj));
    t->target = v[0];
    n_items = 0;
    items = RT_NULL;
    if (v[1] != PY_NULL) {
        py_get_items(ctx, v[1], &n_items, &items); /* a tuple or a list */
    }
    t->args = py_tuple_new(ctx, n_items, items);
    t->kwargs = v[2];
    if (v[5] == PY_NONE) {
        thread_name(name, sizeof(name));
        t->name = py_str_from_cstr(ctx, name);
    } else {
        port_str(ctx, v[5]);
        t->name = v[5];
    }
    t->priority = (rt_uint8_t)prio;
    t->stack_size = (rt_uint32_t)stack;
    return PY_VAL(t);
}

/* Frees the record of an ended thread (which no longer touches it). */
static void thread_reap(thread_obj *t)
{
    rt_base_t level;

    if (t->rec != RT_NULL && t->rec->finished) {
        level = rt_hw_interrupt_disable();
        rt_list_remove(&t->rec->node);
        rt_hw_interrupt_enable(level);
        rt_free(t->rec);
        t->rec = RT_NULL;
    }
}

static rt_bool_t thread_alive(thread_obj *t)
{
    thread_reap(t);
    return t->rec != RT_NULL;
}

static py_val thread_start_m(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    thread_obj *t = PY_PTR(a[0]);
    char name[RT_NAME_MAX];

    if (t->started) {
        py_raise(ctx, &py_type_RuntimeError, "threads can only be started once");
    }
    if (t->target == PY_NONE) {
        t->started = RT_TRUE; /* nothing to run: CPython's Thread() ends at once too */
        return PY_NONE;
    }
    rt_strncpy(name, port_str(ctx, t->name), sizeof(name) - 1);
    name[sizeof(name) - 1] = '\0';
    t->rec = thread_start(ctx, t->target, t->args, t->kwargs, name, t->priority, t->stack_size,
                          RT_FALSE);
    t->ident = (uintptr_t)t->rec->tid;
    t->started = RT_TRUE;
    return PY_NONE;
}
static PY_FUN(thread_start_obj, "start", 1, 1, thread_start_m);

static rt_bool_t thread_done(void *arg)
{
    thread_obj *t = arg;

    return t->rec == RT_NULL || t->rec->finished;
}

/* join(timeout=None): waits for the thread to end, at most timeout seconds. */
static py_val thread_join(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    thread_obj *t = PY_PTR(a[0]);
    rt_int32_t ticks = seconds_ticks(ctx, n > 1 ? a[1] : PY_NULL);

    if (!t->started) {
        py_raise(ctx, &py_type_RuntimeError, "cannot join thread before it is started");
    }
    if (t->rec != RT_NULL && t->rec->tid == rt_thread_self()) {
        py_raise(ctx, &py_type_RuntimeError, "cannot join current thread");
    }
    /* another joiner may reap the record meanwhile: thread_done() looks through t */
    wait_for(ctx, EV_THREAD_END, thread_done, t, ticks);
    thread_reap(t);
    return PY_NONE;
}
static PY_FUN(thread_join_obj, "join", 1, 2, thread_join);

static py_val thread_is_alive(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return PY_BOOL(thread_alive(PY_PTR(a[0])));
}
static PY_FUN(thread_is_alive_obj, "is_alive", 1, 1, thread_is_alive);

static bool thread_attr(py_ctx *ctx, py_val self, py_qstr name, int op, py_val *value)
{
    thread_obj *t = PY_PTR(self);

    if (op != PY_ATTR_LOAD) {
        if (name == PY_Q_name && op == PY_ATTR_STORE) {
            port_str(ctx, *value);
            t->name = *value;
            return true;
        }
        return false;
    }
    const char *s = py_qstr_str(ctx, name, RT_NULL);

    if (name == PY_Q_name) {
        *value = t->name;
    } else if (rt_strcmp(s, "ident") == 0) {
        *value = t->ident ? py_int_from_u(ctx, t->ident) : PY_NONE;
    } else if (rt_strcmp(s, "priority") == 0) {
        *value = PY_MK_SMALL(t->priority);
    } else if (rt_strcmp(s, "stack_size") == 0) {
        *value = PY_MK_SMALL(t->stack_size);
    } else {
        return false;
    }
    return true;
}

static void thread_print(py_ctx *ctx, py_print *p, py_val self, int kind)
{
    thread_obj *t = PY_PTR(self);

    py_printf(ctx, p, "<Thread(%S, %s)>", t->name,
              !t->started       ? "initial"
              : thread_alive(t) ? "started"
                                : "stopped");
}

static const py_attr_def thread_locals[] = {
    {"start", PY_OBJV(&thread_start_obj)},
    {"join", PY_OBJV(&thread_join_obj)},
    {"is_alive", PY_OBJV(&thread_is_alive_obj)},
    {NULL, 0},
};

const py_type port_type_thread = {
    {&py_type_type},         "Thread", 0, thread_make_new, thread_print, .attr = thread_attr,
    .locals = thread_locals,
};
