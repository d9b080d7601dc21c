/* Module rtthread: a look inside the RTOS (threads, stacks, devices, memory, shell commands)
 * and Python classes over the kernel's IPC objects. */
#include "port.h"
#include "port_mod.h"
#include <finsh.h>

#define MSH_OUTPUT_MAX 4096 /* longest msh() output returned (the rest is cut) */

static py_val rtt_is_preempt_thread(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return PY_TRUE; /* the kernel preempts on priority */
}
static PY_FUN(rtt_is_preempt_thread_obj, "is_preempt_thread", 0, 0, rtt_is_preempt_thread);

static py_val rtt_current_tid(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    return py_int_from_u(ctx, (uintptr_t)rt_thread_self());
}
static PY_FUN(rtt_current_tid_obj, "current_tid", 0, 0, rtt_current_tid);

static const char *thread_state(rt_thread_t t)
{
    switch (t->stat & RT_THREAD_STAT_MASK) {
    case RT_THREAD_INIT: return "init";
    case RT_THREAD_READY: return t == rt_thread_self() ? "running" : "ready";
    case RT_THREAD_RUNNING: return "running";
    case RT_THREAD_CLOSE: return "close";
    default: return "suspend";
    }
}

/* Deepest stack use so far: the part of the stack no longer holding the '#' fill. */
static rt_size_t stack_used(rt_thread_t t)
{
    const rt_uint8_t *p = t->stack_addr, *end = p + t->stack_size;

    while (p < end && *p == '#') {
        p++;
    }
    return (rt_size_t)(end - p);
}

static py_val thread_info(py_ctx *ctx, rt_thread_t t)
{
    py_val d = py_dict_new(ctx);

    port_dict_str(ctx, d, "name", t->parent.name);
    port_dict_str(ctx, d, "state", thread_state(t));
    port_dict_int(ctx, d, "priority", t->current_priority);
    port_dict_int(ctx, d, "stack_size", (intmax_t)t->stack_size);
    port_dict_int(ctx, d, "stack_used", (intmax_t)stack_used(t));
    port_dict_int(ctx, d, "tid", (intmax_t)(uintptr_t)t);
    return d;
}

/* Kernel objects of a class, copied out under the kernel's lock. */
static int object_list(rt_uint8_t type, rt_object_t *out, int max)
{
    return rt_object_get_pointers(type, out, max);
}

static py_val rtt_threads(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    rt_object_t objs[32];
    int i, count = object_list(RT_Object_Class_Thread, objs, 32);
    py_val list = py_list_new(ctx, 0, NULL);

    for (i = 0; i < count; i++) {
        py_list_append(ctx, list, thread_info(ctx, (rt_thread_t)objs[i]));
    }
    return list;
}
static PY_FUN(rtt_threads_obj, "threads", 0, 0, rtt_threads);

static py_val rtt_devices(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    rt_object_t objs[32];
    int i, count = object_list(RT_Object_Class_Device, objs, 32);
    py_val list = py_list_new(ctx, 0, NULL);

    for (i = 0; i < count; i++) {
        rt_device_t dev = (rt_device_t)objs[i];
        py_val d = py_dict_new(ctx);

        port_dict_str(ctx, d, "name", dev->parent.name);
        port_dict_int(ctx, d, "type", dev->type);
        port_dict_int(ctx, d, "ref_count", dev->ref_count);
        py_list_append(ctx, list, d);
    }
    return list;
}
static PY_FUN(rtt_devices_obj, "devices", 0, 0, rtt_devices);

static py_val rtt_memory(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    rt_size_t total = 0, used = 0, max_used = 0;
    py_val d = py_dict_new(ctx);

    rt_memory_info(&total, &used, &max_used);
    port_dict_int(ctx, d, "total", (intmax_t)total);
    port_dict_int(ctx, d, "used", (intmax_t)used);
    port_dict_int(ctx, d, "max_used", (intmax_t)max_used);
    port_dict_int(ctx, d, "free", (intmax_t)(total - used));
    return d;
}
static PY_FUN(rtt_memory_obj, "memory", 0, 0, rtt_memory);

/* Runs a command with its output captured; returns the output (the first 4 KB, ending with a
 * note of the full size when longer: the command runs once, its effects are not repeated)
 * or raises OSError for an unknown command or a bad line. */
static py_val rtt_msh(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    const char *cmd = port_str(ctx, a[0]);
    char *out = rt_malloc(MSH_OUTPUT_MAX);
    rt_size_t needed = 0;
    py_val result;
    int status;

    if (out == RT_NULL) {
        py_raise(ctx, &py_type_MemoryError, "no kernel memory for the command's output");
    }
    status = msh_exec_capture(cmd, out, MSH_OUTPUT_MAX, &needed);
    if (status == MSH_ERR_NOT_FOUND || status == MSH_ERR_TOO_LONG || status == MSH_ERR_ARGS) {
        rt_free(out);
        py_raise(ctx, &py_type_OSError,
                 status == MSH_ERR_NOT_FOUND ? "%s: command not found" : "%s: bad command line",
                 cmd);
    }
    if (needed >= MSH_OUTPUT_MAX) { /* say so rather than cut silently */
        rt_snprintf(out + MSH_OUTPUT_MAX - 48, 48, "\n[output cut: %u bytes]\n", (unsigned)needed);
    }
    result = py_str_new(ctx, out, rt_strlen(out)); /* may raise: free first */
    rt_free(out);
    return result;
}
static PY_FUN(rtt_msh_obj, "msh", 1, 1, rtt_msh);

/* Prints each thread's stack size and deepest use, as RT-Thread's MicroPython port does. */
static py_val rtt_stacks_analyze(py_ctx *ctx, size_t n, size_t nk, const py_val *a)
{
    rt_object_t objs[32];
    int i, count = object_list(RT_Object_Class_Thread, objs, 32);
    py_print *out = port_stdout(ctx);
    char line[80];

    py_print_str(out, "thread     pri  status   stack size  max used\n");
    py_print_str(out, "---------- ---  -------  ----------  --------\n");
    for (i = 0; i < count; i++) {
        rt_thread_t t = (rt_thread_t)objs[i];

        rt_snprintf(line, sizeof(line), "%-*.*s %3u  %-7s  0x%08x  %3u%%\n", RT_NAME_MAX + 2,
                    RT_NAME_MAX, t->parent.name, (unsigned)t->current_priority, thread_state(t),
                    (unsigned)t->stack_size, (unsigned)(stack_used(t) * 100 / t->stack_size));
        py_print_str(out, line);
    }
    return PY_NONE;
}
static PY_FUN(rtt_stacks_analyze_obj, "stacks_analyze", 0, 0, rtt_stacks_analyze);

static const py_attr_def rtthread_attrs[] = {
    {"is_preempt_thread", PY_OBJV(&rtt_is_preempt_thread_obj)},
    {"current_tid", PY_OBJV(&rtt_current_tid_obj)},
    {"stacks_analyze", PY_OBJV(&rtt_stacks_analyze_obj)},
    {"threads", PY_OBJV(&rtt_threads_obj)},
    {"devices", PY_OBJV(&rtt_devices_obj)},
    {"memory", PY_OBJV(&rtt_memory_obj)},
    {"msh", PY_OBJV(&rtt_msh_obj)},
    {"Semaphore", PY_OBJV(&port_type_semaphore)},
    {"Mutex", PY_OBJV(&port_type_mutex)},
    {"Event", PY_OBJV(&port_type_event)},
    {"MessageQueue", PY_OBJV(&port_type_messagequeue)},
    {"Mailbox", PY_OBJV(&port_type_mailbox)},
    {"Timer", PY_OBJV(&port_type_timer)}, /* machine.Timer: Timer(period=ms, callback=f) */
    {"Thread", PY_OBJV(&port_type_thread)},
    {NULL, 0},
};

const py_module_def port_mod_rtthread = {"rtthread", rtthread_attrs, NULL};
