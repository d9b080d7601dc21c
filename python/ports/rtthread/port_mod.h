/* Helpers shared by the port's Python modules. */
#ifndef PY_PORT_MOD_H__
#define PY_PORT_MOD_H__

#include "port.h"
#include "obj.h"

/* The session a native runs in. */
struct py_port *port_of(py_ctx *ctx);
/* A printer to the console (sys.stdout). */
py_print *port_stdout(py_ctx *ctx);
/* The text of a str or bytes argument (TypeError otherwise), NUL-terminated. */
const char *port_str(py_ctx *ctx, py_val v);
/* d[key] = value helpers for the data-returning functions. */
void port_dict_str(py_ctx *ctx, py_val d, const char *key, const char *value);
void port_dict_int(py_ctx *ctx, py_val d, const char *key, intmax_t value);
/* A dict kept alive for the session: objects whose handlers C code may still call (pins with
 * an irq, running timers) are stored in it so the GC keeps them. */
py_val port_irq_table(py_ctx *ctx);
/* A timeout argument in milliseconds (-1 or None: forever) as kernel ticks. */
rt_int32_t port_timeout_ticks(py_ctx *ctx, py_val ms);

/* Blocks on a kernel object in slices so that Ctrl-C raises KeyboardInterrupt; `take` does
 * one wait of at most `ticks`. Returns RT_EOK or -RT_ETIMEOUT (other errors raise OSError). */
typedef rt_err_t (*port_take_fn)(void *obj, rt_int32_t ticks, void *arg);
rt_err_t port_wait(py_ctx *ctx, port_take_fn take, void *obj, void *arg, rt_int32_t ticks);

/* Kernel objects a session created: deleted with the session unless deleted before. */
rt_err_t port_kobj_track(struct py_port *port, rt_object_t obj);
void port_kobj_delete(struct py_port *port, rt_object_t obj);

extern const py_type port_type_semaphore, port_type_mutex, port_type_event, port_type_messagequeue,
    port_type_mailbox, port_type_pin, port_type_thread, port_type_timer;

#endif /* PY_PORT_MOD_H__ */
