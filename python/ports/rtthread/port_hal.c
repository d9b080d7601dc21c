/* The interpreter's HAL on RT-Thread: console streams, clocks, interruptible sleep, files
 * through DFS; and the VM's lifecycle for one `python` session. */
#include "port.h"
#include "obj.h"
#ifdef RT_USING_DFS
#include <dfs_posix.h>
#endif

/* Microseconds since boot, finer than a tick where the board can tell (port_clock_*.c). */
rt_uint64_t py_port_ticks_us(void);

static void hal_write(void *user, int fd, const char *buf, size_t len)
{
    py_console_write(user, buf, len);
}

/* Reads one line with echo and backspace into port->line, ending with '\n' (not at the end of
 * input or Ctrl-D). Ctrl-C while waiting raises KeyboardInterrupt. */
static void read_line(struct py_port *port)
{
    port->line_len = port->line_pos = 0;
    while (port->line_len + 1 < (int)sizeof(port->line)) {
        int ch = py_console_getc(port, RT_TICK_PER_SECOND / 50);

        if (ch == -1) {
            py_check_interrupt(port->vm);
            continue;
        }
        if (ch < 0 || ch == 4) { /* end of input, Ctrl-D */
            return;
        }
        if (ch == '\r' || ch == '\n') {
            py_console_puts(port, "\n");
            port->line[port->line_len++] = '\n';
            return;
        }
        if ((ch == 8 || ch == 127) && port->line_len > 0) {
            port->line_len--;
            py_console_puts(port, "\b \b");
        } else if (ch >= ' ') {
            port->line[port->line_len++] = (char)ch;
            py_console_write(port, port->line + port->line_len - 1, 1);
        }
    }
}

/* sys.stdin: serves the current line, reading (and echoing) a new one when it is used up. */
static long hal_read(void *user, char *buf, size_t len)
{
    struct py_port *port = user;
    size_t n = 0;

    if (port->line_pos == port->line_len) {
        read_line(port);
    }
    while (n < len && port->line_pos < port->line_len) {
        buf[n++] = port->line[port->line_pos++];
    }
    return (long)n;
}

static uint64_t hal_ticks_us(void *user)
{
    return py_port_ticks_us();
}

static double hal_time(void *user)
{
    return (double)py_port_ticks_us() / 1e6; /* no RTC: seconds since boot */
}

struct sleep_req {
    struct py_port *port;
    rt_int32_t ticks;
    rt_bool_t interrupted;
};

/* Runs with the GIL let go. Only the main thread waits on the interrupt semaphore (Ctrl-C is
 * for it); other threads sleep plainly, in the short slices time.sleep() uses. */
static void sleep_ticks(void *arg)
{
    struct sleep_req *r = arg;

    if (rt_thread_self() == r->port->main_thread) {
        r->interrupted = rt_sem_take(&r->port->intr_sem, r->ticks) == RT_EOK;
    } else {
        rt_thread_delay(r->ticks);
    }
}

void py_port_sleep_us(struct py_port *port, rt_uint64_t us)
{
    rt_uint64_t end = py_port_ticks_us() + us;
    rt_uint64_t tick_us = 1000000 / RT_TICK_PER_SECOND;
    struct sleep_req r = {port, 0, RT_FALSE};

    /* Block for whole ticks on the interrupt semaphore: Ctrl-C ends the sleep at once. */
    while (us > tick_us) {
        r.ticks = (rt_int32_t)(us / tick_us);
        if (rt_thread_self() != port->main_thread && r.ticks > RT_TICK_PER_SECOND / 50) {
            r.ticks = RT_TICK_PER_SECOND / 50; /* in slices: the session may stop the thread */
        }
        rtpy_unlocked(port->vm, sleep_ticks, &r);
        if (r.interrupted) {
            return;
        }
        if (rt_thread_self() != port->main_thread) {
            py_check_interrupt(port->vm);
        }
        us = end > py_port_ticks_us() ? end - py_port_ticks_us() : 0;
    }
    while (py_port_ticks_us() < end) {
        /* below one tick: busy-wait on the fine clock */
    }
}

static void hal_sleep_us(void *user, uint64_t us)
{
    py_port_sleep_us(user, us);
}

#ifdef RT_USING_DFS
/* fopen()-style mode to open(2) flags; -1 for a bad mode. */
static int mode_flags(const char *mode)
{
    int plus = 0;
    const char *m;

    for (m = mode; *m != '\0'; m++) {
        plus |= *m == '+';
    }
    switch (mode[0]) {
    case 'r': return plus ? O_RDWR : O_RDONLY;
    case 'w': return (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_TRUNC;
    case 'a': return (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_APPEND;
    case 'x': return (plus ? O_RDWR : O_WRONLY) | O_CREAT | O_EXCL;
    default: return -1;
    }
}

static rtpy_file hal_file_open(void *user, const char *path, const char *mode, int *err)
{
    int flags = mode_flags(mode), fd;

    if (flags < 0) {
        *err = EINVAL;
        return RT_NULL;
    }
    fd = dfs_open(path, flags);
    if (fd < 0) {
        *err = (int)rt_get_errno();
        return RT_NULL;
    }
    return (rtpy_file)(rt_ubase_t)(fd + 1); /* never NULL */
}

static int file_fd(rtpy_file f)
{
    return (int)(rt_ubase_t)f - 1;
}

static long hal_file_read(void *user, rtpy_file f, void *buf, size_t len)
{
    long n = (long)dfs_read(file_fd(f), buf, len);

    return n < 0 ? -(long)rt_get_errno() : n;
}

static long hal_file_write(void *user, rtpy_file f, const void *buf, size_t len)
{
    long n = (long)dfs_write(file_fd(f), buf, len);

    return n < 0 ? -(long)rt_get_errno() : n;
}

static long hal_file_seek(void *user, rtpy_file f, long off, int whence)
{
    long pos = (long)dfs_lseek(file_fd(f), off, whence);

    return pos < 0 ? -(long)rt_get_errno() : pos;
}

static int hal_file_close(void *user, rtpy_file f)
{
    return dfs_close(file_fd(f)) < 0 ? -(int)rt_get_errno() : 0;
}

static int hal_stat(void *user, const char *path)
{
    struct stat st;

    if (dfs_stat(path, &st) != 0) {
        return 0;
    }
    return S_ISDIR(st.st_mode) ? 2 : 1;
}
#endif /* RT_USING_DFS */

/* Whether `path` holds any code: a line with something other than blanks before a '#'. */
rt_bool_t py_port_file_has_code(const char *path)
{
#ifdef RT_USING_DFS
    char buf[64];
    rt_bool_t line_start = RT_TRUE, comment = RT_FALSE, code = RT_FALSE;
    ssize_t n, i;
    int fd = dfs_open(path, O_RDONLY);

    while (fd >= 0 && !code && (n = dfs_read(fd, buf, sizeof(buf))) > 0) {
        for (i = 0; i < n && !code; i++) {
            if (buf[i] == '\n') {
                line_start = RT_TRUE;
                comment = RT_FALSE;
            } else if (line_start && buf[i] == '#') {
                comment = RT_TRUE;
            } else if (!comment && buf[i] != ' ' && buf[i] != '\t' && buf[i] != '\r') {
                code = RT_TRUE;
            }
        }
    }
    if (fd >= 0) {
        dfs_close(fd);
    }
    return code;
#else
    return RT_FALSE;
#endif
}

void py_port_hal_init(struct py_port *port)
{
    rtpy_hal *hal = &port->hal;
    rt_thread_t self = rt_thread_self();

    rt_memset(hal, 0, sizeof(*hal));
    hal->user = port;
    hal->write = hal_write;
    hal->read = hal_read;
    hal->ticks_us = hal_ticks_us;
    hal->time = hal_time;
    hal->sleep_us = hal_sleep_us;
#ifdef RT_USING_DFS
    hal->file_open = hal_file_open;
    hal->file_read = hal_file_read;
    hal->file_write = hal_file_write;
    hal->file_seek = hal_file_seek;
    hal->file_close = hal_file_close;
    hal->stat = hal_stat;
#endif
    hal->stack_size = PY_PORT_CSTACK(self->stack_size);
    hal->vstack_size = PY_PORT_VSTACK;
    hal->modules = py_port_modules;
    hal->platform = "rt-thread";
    port_threads_hal(port);
}

/* Where `import` looks: the working directory, then /lib, then /scripts. Bound to no name. */
#define PORT_SYS_PATH "__import__('sys').path[:] = ['', '/lib', '/scripts']"

rt_err_t py_port_vm_start(struct py_port *port)
{
    rt_size_t size = rtpy_overhead(&port->hal) + port->heap_size;

    rt_list_init(&port->kobjs);
    port->irq_pins = 0;
    port->soft_reset = RT_FALSE;
    port->heap = rt_malloc(size);
    if (port->heap == RT_NULL) {
        return -RT_ENOMEM;
    }
    port_threads_init(port);
    port->vm = rtpy_create(port->heap, size, &port->hal);
    if (port->vm == RT_NULL) {
        port_threads_stop(port);
        rt_free(port->heap);
        port->heap = RT_NULL;
        return -RT_ENOMEM;
    }
    if (rtpy_exec(port->vm, PORT_SYS_PATH, sizeof(PORT_SYS_PATH) - 1, "<init>", RTPY_MODE_FILE,
                  RT_NULL) != RTPY_OK) {
        rtpy_clear_exception(port->vm); /* a heap too small for even this: keep the default */
    }
    return RT_EOK;
}

void py_port_vm_stop(struct py_port *port)
{
    port_threads_stop(port);    /* first: threads may use everything below */
    port_kobj_delete_all(port); /* semaphores, timers... the session created */
    rtpy_destroy(port->vm);
    port->vm = RT_NULL;
    rt_free(port->heap);
    port->heap = RT_NULL;
}

int py_port_exec(struct py_port *port, const char *src, rt_size_t len, const char *name, int mode)
{
    int status;

    while (rt_sem_trytake(&port->intr_sem) == RT_EOK) {
        /* forget Ctrl-C presses that came while no code ran */
    }
    port->running = RT_TRUE;
    if (mode == RTPY_MODE_SINGLE) {
        status = rtpy_repl_exec(port->vm, src, len);
    } else {
        status = rtpy_exec(port->vm, src, len, name, mode, RT_NULL);
    }
    port->running = RT_FALSE;
    return status;
}
