/* rtlang's Python port onto the RT-Thread kernel: shared state of one `python` session. */
#ifndef PY_PORT_H__
#define PY_PORT_H__

#include <rtthread.h>
#include "rtpy.h"
#include "obj.h"

#ifndef PY_PORT_HEAP_SIZE
#define PY_PORT_HEAP_SIZE (48 * 1024) /* default GC heap of `python`, bytes */
#endif
#ifndef PY_PORT_HEAP_MIN
#define PY_PORT_HEAP_MIN (4 * 1024) /* smallest -X heapsize accepted */
#endif
#ifndef PY_PORT_VSTACK
#define PY_PORT_VSTACK 1024 /* values in the VM's frame stack */
#endif
#ifndef PY_PORT_STACK_MIN
#define PY_PORT_STACK_MIN (6 * 1024) /* a calling thread with less stack is refused */
#endif
#ifndef PY_PORT_STACK_RESERVE
#define PY_PORT_STACK_RESERVE 1536 /* C stack kept back from the interpreter's budget */
#endif
/* C stack the interpreter may use in a thread with `stack` bytes of RT stack. Under ASan
 * the simulator runs each RT thread on a host stack 64 times its RT size (docs/sim.md) and
 * the instrumented frames need several times more room than the RT size alone gives. */
#if defined(__SANITIZE_ADDRESS__)
#define PY_PORT_CSTACK_SCALE 8
#else
#define PY_PORT_CSTACK_SCALE 1
#endif
#define PY_PORT_CSTACK(stack) (((stack)-PY_PORT_STACK_RESERVE) * PY_PORT_CSTACK_SCALE)
#ifndef PY_PORT_RX_SIZE
#define PY_PORT_RX_SIZE 256 /* console input buffered while Python runs (power of 2) */
#endif
#ifndef PY_PORT_LINE_MAX
#define PY_PORT_LINE_MAX 256 /* longest REPL line */
#endif
#ifndef PY_PORT_HISTORY
#define PY_PORT_HISTORY 8 /* REPL history entries */
#endif
#ifndef PY_PORT_INPUT_MAX
#define PY_PORT_INPUT_MAX 4096 /* longest multi-line input, paste or raw-REPL program */
#endif

#ifndef PY_PORT_THREAD_STACK
#define PY_PORT_THREAD_STACK (8 * 1024) /* default stack of a Python thread, bytes */
#endif
#ifndef PY_PORT_THREAD_VSTACK
#define PY_PORT_THREAD_VSTACK 512 /* values in a Python thread's frame stack (GC heap) */
#endif
#ifndef PY_PORT_THREAD_STOP_MS
#define PY_PORT_THREAD_STOP_MS 2000 /* at session end, how long threads get to finish */
#endif

#define PY_PORT_VERSION "0.1.0"

struct py_port {
    rtpy_vm *vm;
    void *heap;          /* rt_malloc()ed buffer holding the VM and its GC heap */
    rt_size_t heap_size; /* GC heap part of it */
    rtpy_hal hal;
    rt_device_t console;
    rt_err_t (*saved_rx_indicate)(rt_device_t dev, rt_size_t size);
    rt_uint16_t saved_oflag;
    struct rt_semaphore rx_sem;   /* input arrived */
    struct rt_semaphore intr_sem; /* Ctrl-C pressed: wakes interruptible sleeps */
    volatile rt_bool_t running;   /* Python code executing: Ctrl-C interrupts it */
    volatile int intr_char;       /* interrupt character, -1 when disabled */
    volatile rt_uint16_t rx_head, rx_tail;
    rt_uint8_t rx_buf[PY_PORT_RX_SIZE];
    char line[PY_PORT_LINE_MAX]; /* sys.stdin's current line (input()) */
    int line_len, line_pos;
    char history[PY_PORT_HISTORY][PY_PORT_LINE_MAX];
    int history_len;
    rt_list_t kobjs;              /* kernel objects Python created (port_mod.c) */
    rtpy_val irq_pins;            /* pins and timers with a handler, kept for the GC (port_mod.c) */
    rt_bool_t soft_reset;         /* machine.soft_reset() asked for a fresh VM */
    struct py_print stdout_print; /* port_stdout(): the console as a printer */
    /* Python threads (mod_thread.c) */
    struct rt_mutex gil;      /* the GIL: held by the thread running Python */
    struct rt_event thr_ev;   /* broadcast: a lock was released, a thread ended */
    rt_thread_t main_thread;  /* the thread running the session */
    rt_list_t threads;        /* records of started threads */
    volatile int n_threads;   /* Python threads not yet ended */
    rt_uint32_t thread_stack; /* stack of new threads (_thread.stack_size) */
};

/* The session of the running `python` command (one at a time: the console is shared). */
extern struct py_port *py_port_active;

/* Console (port_console.c). */
rt_err_t py_console_attach(struct py_port *port);
void py_console_detach(struct py_port *port);
int py_console_getc(struct py_port *port, rt_int32_t timeout); /* -1 timeout, -2 end of input */
void py_console_write(struct py_port *port, const char *buf, rt_size_t len);
void py_console_puts(struct py_port *port, const char *s);

/* HAL and VM lifecycle (port_hal.c). */
void py_port_hal_init(struct py_port *port);
rt_err_t py_port_vm_start(struct py_port *port);
void py_port_vm_stop(struct py_port *port);
/* Runs code with Ctrl-C armed; returns the rtpy status. An exception stays pending (the
 * caller prints it with rtpy_print_exception) except in RTPY_MODE_SINGLE, which prints it. */
int py_port_exec(struct py_port *port, const char *src, rt_size_t len, const char *name, int mode);
/* Sleeps up to `us`, returning early when Ctrl-C is pressed (the VM then raises); in a thread
 * other than the main one, sleeps in slices and raises SystemExit when the session stops. */
void py_port_sleep_us(struct py_port *port, rt_uint64_t us);

/* Whether `path` exists and holds code (not only comments and blank lines). */
rt_bool_t py_port_file_has_code(const char *path);
/* Whether the pending exception is a KeyboardInterrupt (Ctrl-C). */
rt_bool_t py_port_interrupted(struct py_port *port);

/* Python threads (mod_thread.c): GIL callbacks into the HAL; the GIL and thread list set up
 * (the caller then holds the GIL) before the VM is created; every thread stopped (SystemExit
 * at its next safe point, deleted if still running after PY_PORT_THREAD_STOP_MS) and the GIL
 * given up before it is destroyed. */
void port_threads_hal(struct py_port *port);
void port_threads_init(struct py_port *port);
void port_threads_stop(struct py_port *port);

/* Deletes the kernel objects the session's Python code created (port_mod.c). */
void port_kobj_delete_all(struct py_port *port);

/* REPL (port_repl.c): returns when the user leaves with Ctrl-D. */
void py_repl_run(struct py_port *port);

/* Port modules (mod*.c). */
struct py_module_def;
extern const struct py_module_def *const py_port_modules[];

#endif /* PY_PORT_H__ */
