/* The `python` msh command: REPL, scripts and -c, with the GC heap taken from the kernel heap
 * for the session and given back on every way out. */
#include "port.h"

#ifdef RT_USING_FINSH
#include <finsh.h>

struct py_args {
    rt_size_t heap_size;
    const char *code; /* -c CODE */
    const char *file; /* FILE */
    int argc;         /* sys.argv */
    const char *const *argv;
};

static void usage(void)
{
    rt_kprintf("usage: python [-X heapsize=N[k|m]] [-c CODE | FILE] [ARG]...\n");
    rt_kprintf("  no FILE or -c: interactive REPL (Ctrl-D leaves it)\n");
}

/* "48k", "1m", "16384" -> bytes; 0 for a malformed size. */
static rt_size_t parse_size(const char *s)
{
    rt_size_t n = 0;

    if (*s == '\0') {
        return 0;
    }
    for (; *s >= '0' && *s <= '9'; s++) {
        n = n * 10 + (rt_size_t)(*s - '0');
    }
    if ((*s | 0x20) == 'k') {
        n *= 1024, s++;
    } else if ((*s | 0x20) == 'm') {
        n *= 1024 * 1024, s++;
    }
    return *s == '\0' ? n : 0;
}

/* Returns 0, or -1 after printing what is wrong. */
static int parse_args(int argc, char **argv, struct py_args *a)
{
    int i = 1;

    a->heap_size = PY_PORT_HEAP_SIZE;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (rt_strcmp(argv[i], "-X") == 0 && i + 1 < argc &&
            rt_strncmp(argv[i + 1], "heapsize=", 9) == 0) {
            a->heap_size = parse_size(argv[++i] + 9);
            if (a->heap_size < PY_PORT_HEAP_MIN) {
                rt_kprintf("python: bad heap size '%s' (at least %d bytes)\n", argv[i] + 9,
                           PY_PORT_HEAP_MIN);
                return -1;
            }
        } else if (rt_strcmp(argv[i], "-c") == 0 && i + 1 < argc) {
            a->code = argv[++i];
            argv[i] = argv[i - 1]; /* sys.argv is ['-c', ARG...], as in CPython */
            a->argc = argc - i;
            a->argv = (const char *const *)argv + i;
            return 0;
        } else {
            usage();
            return -1;
        }
    }
    if (i < argc) {
        a->file = argv[i];
        a->argc = argc - i;
        a->argv = (const char *const *)argv + i;
    }
    return 0;
}

/* The status of the command from the interpreter's. */
static int command_status(struct py_port *port, int status)
{
    if (status == RTPY_EXC) {
        rtpy_print_exception(port->vm);
        return 1;
    }
    return status == RTPY_EXIT ? rtpy_exit_status(port->vm) : 0;
}

static int run_session(struct py_port *port, const struct py_args *a)
{
    static const char *const repl_argv[] = {""};
    int status;

    if (a->code == RT_NULL && a->file == RT_NULL) {
        rtpy_set_argv(port->vm, 1, repl_argv);
        py_repl_run(port);
        return 0;
    }
    rtpy_set_argv(port->vm, a->argc, a->argv);
    if (a->code != RT_NULL) {
        status = py_port_exec(port, a->code, rt_strlen(a->code), "<string>", RTPY_MODE_FILE);
    } else {
        port->running = RT_TRUE;
        status = rtpy_exec_file(port->vm, a->file);
        port->running = RT_FALSE;
    }
    return command_status(port, status);
}

/* Refuses to run in a thread whose stack cannot hold the interpreter. */
static rt_bool_t stack_ok(void)
{
    rt_thread_t self = rt_thread_self();

    if (self->stack_size < PY_PORT_STACK_MIN) {
        rt_kprintf("python: the stack of thread '%.*s' (%d bytes) is too small: %d needed\n",
                   RT_NAME_MAX, self->parent.name, (int)self->stack_size, PY_PORT_STACK_MIN);
        return RT_FALSE;
    }
    return RT_TRUE;
}

/* Takes the console and starts a VM; RT_NULL (after saying why) when it cannot. */
static struct py_port *session_start(rt_size_t heap_size)
{
    struct py_port *port;

    if (py_port_active != RT_NULL) {
        rt_kprintf("python: already running in another thread\n");
        return RT_NULL;
    }
    port = rt_calloc(1, sizeof(*port));
    if (port == RT_NULL || py_console_attach(port) != RT_EOK) {
        rt_kprintf("python: cannot start (no memory or no console)\n");
        rt_free(port);
        return RT_NULL;
    }
    port->heap_size = heap_size;
    py_port_hal_init(port);
    if (py_port_vm_start(port) != RT_EOK) {
        rt_kprintf("python: not enough memory for a %d byte heap\n", (int)heap_size);
        py_console_detach(port);
        rt_free(port);
        return RT_NULL;
    }
    return port;
}

/* Ends the VM and gives the console and every byte of memory back. */
static void session_end(struct py_port *port)
{
    py_port_vm_stop(port);
    py_console_detach(port);
    rt_free(port);
}

static int cmd_python(int argc, char **argv)
{
    struct py_args args = {0};
    struct py_port *port;
    int status;

    if (parse_args(argc, argv, &args) != 0 || !stack_ok()) {
        return 1;
    }
    port = session_start(args.heap_size);
    if (port == RT_NULL) {
        return 1;
    }
    status = run_session(port, &args);
    session_end(port);
    return status;
}
MSH_CMD_EXPORT_ALIAS(cmd_python, python, run a Python script or the interactive REPL);

/* At boot, before the first prompt: /boot.py then /main.py, if present, in one VM (as
 * MicroPython does). Ctrl-C stops the running script and skips the rest. Files with nothing but
 * comments (the built-in boot.py) start no VM. While they run, console input is theirs
 * (sys.stdin), as in MicroPython: what they leave unread is not passed on to the shell. */
static void py_autorun(void)
{
    static const char *const files[] = {"/boot.py", "/main.py"};
    struct py_port *port = RT_NULL;
    int i, status = RTPY_OK;

    for (i = 0; i < 2 && status != RTPY_EXIT; i++) {
        if (!py_port_file_has_code(files[i]) ||
            (port == RT_NULL && (port = session_start(PY_PORT_HEAP_SIZE)) == RT_NULL)) {
            continue;
        }
        rtpy_set_argv(port->vm, 1, &files[i]);
        port->running = RT_TRUE;
        status = rtpy_exec_file(port->vm, files[i]);
        port->running = RT_FALSE;
        if (status == RTPY_EXC) {
            rt_bool_t ctrl_c = py_port_interrupted(port);

            rtpy_print_exception(port->vm);
            if (ctrl_c) {
                break; /* Ctrl-C: skip what is left */
            }
        }
    }
    if (port != RT_NULL) {
        session_end(port);
    }
}

static finsh_startup_hook_t py_autorun_next;

static void py_startup(void)
{
    if (py_autorun_next != RT_NULL) {
        py_autorun_next();
    }
    if (stack_ok()) {
        py_autorun();
    }
}

static int py_autorun_init(void)
{
    py_autorun_next = finsh_set_startup_hook(py_startup);
    return 0;
}
INIT_COMPONENT_EXPORT(py_autorun_init);

#endif /* RT_USING_FINSH */
