/* Sim console "uart1": a serial-framework UART whose line is the host's stdin and stdout.
 *
 * A host reader thread moves stdin into a host ring and raises SIM_IRQ_UART; the ISR hands
 * the bytes to the framework (rt_hw_serial_isr). The UART has flow control: getc stops while
 * the framework's receive ring is full, so piped scripts never lose input. On a terminal the
 * console is put in raw mode (Ctrl-C is a byte for the shell) and restored on every exit. */
#include <rthw.h>
#include <rtthread.h>
#include <rtdevice.h>
#include "board.h"
#include "sim.h"
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <termios.h>
#include <time.h>
#include <unistd.h>

#define SIM_UART_RING  4096 /* host-side receive ring, a power of two */
#define SIM_UART_BATCH 256  /* output gathered per device write before write(2) */

static struct rt_serial_device sim_uart;
static rt_ssize_t (*sim_uart_fw_read)(rt_device_t, rt_off_t, void *, rt_size_t);
static rt_ssize_t (*sim_uart_fw_write)(rt_device_t, rt_off_t, const void *, rt_size_t);

/* Host ring: the reader thread produces at head, the UART consumes at tail. */
static unsigned char sim_ring[SIM_UART_RING];
static atomic_uint sim_ring_head, sim_ring_tail;
static atomic_int sim_stdin_eof;
static atomic_int sim_rx_int; /* receive interrupt enabled by the framework */

static struct termios sim_tty_saved;
static atomic_int sim_tty_raw;
static pthread_t sim_reader;
static int sim_reader_started;
static int sim_reader_wake[2] = {-1, -1}; /* written at exit to end the reader */

/* Output of the device write in progress on this host (= RT) thread, see sim_uart_write. */
static __thread struct {
    char buf[SIM_UART_BATCH];
    int len;
    int depth;
} sim_out;

/* ---- host side ---- */

void sim_uart_host_write(const char *buf, rt_size_t len)
{
    while (len > 0) {
        ssize_t n = write(STDOUT_FILENO, buf, len);

        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return; /* stdout gone: output is dropped, like a disconnected UART */
        buf += n;
        len -= (rt_size_t)n;
    }
}

/* The raw console (rt_hw_console_output) sends "\n" alone; a terminal in raw mode needs the
 * "\r" its output processing would have added, so it is added here, for the terminal only. */
void sim_uart_console_output(const char *str)
{
    const char *nl;

    if (!atomic_load(&sim_tty_raw) || !isatty(STDOUT_FILENO)) {
        sim_uart_host_write(str, strlen(str));
        return;
    }
    while ((nl = strchr(str, '\n')) != NULL) {
        sim_uart_host_write(str, (rt_size_t)(nl - str));
        sim_uart_host_write("\r\n", 2);
        str = nl + 1;
    }
    sim_uart_host_write(str, strlen(str));
}

int sim_uart_host_getc(void)
{
    unsigned tail = atomic_load(&sim_ring_tail);
    int ch;

    if (tail == atomic_load(&sim_ring_head))
        return -1;
    ch = sim_ring[tail % SIM_UART_RING];
    atomic_store(&sim_ring_tail, tail + 1);
    return ch;
}

static int sim_ring_empty(void)
{
    return atomic_load(&sim_ring_tail) == atomic_load(&sim_ring_head);
}

static void sim_tty_restore(void)
{
    if (atomic_exchange(&sim_tty_raw, 0))
        tcsetattr(STDIN_FILENO, TCSANOW, &sim_tty_saved);
}

static void sim_put_err(const char *s)
{
    if (write(STDERR_FILENO, s, strlen(s)) < 0)
        return; /* nothing better to do in a crash handler */
}

/* Crash signals name the RT thread that crashed (async-signal-safe: write only). */
static void sim_report_crash(int sig)
{
    const char *what = sig == SIGSEGV  ? "SIGSEGV"
                       : sig == SIGBUS ? "SIGBUS"
                       : sig == SIGFPE ? "SIGFPE"
                       : sig == SIGILL ? "SIGILL"
                                       : RT_NULL;
    rt_thread_t self = sim_is_rt_thread() ? rt_thread_self() : RT_NULL;
    char name[RT_NAME_MAX + 1];

    if (what == RT_NULL)
        return;
    sim_put_err("\nrtthread-sim: ");
    sim_put_err(what);
    if (self != RT_NULL) {
        rt_strncpy(name, self->parent.name, RT_NAME_MAX);
        name[RT_NAME_MAX] = '\0';
        sim_put_err(" in thread '");
        sim_put_err(name);
        sim_put_err("'\n");
    } else {
        sim_put_err(" in a host thread\n");
    }
}

/* Fatal and terminating signals: put the terminal back, then die of the signal as usual. */
static void sim_tty_signal(int sig)
{
    sim_tty_restore();
    sim_report_crash(sig);
    signal(sig, SIG_DFL);
    raise(sig);
}

static void sim_tty_catch_signals(void)
{
    static const int sigs[] = {
        SIGTERM, SIGHUP, SIGINT, SIGQUIT, SIGPIPE, SIGABRT,
#ifndef __SANITIZE_ADDRESS__
        SIGSEGV, SIGBUS, SIGFPE, SIGILL,
#endif
    };
    struct sigaction sa = {0};

    sa.sa_handler = sim_tty_signal;
    sa.sa_flags = SA_RESETHAND | SA_ONSTACK; /* a host stack overflow still gets here */
    sigemptyset(&sa.sa_mask);
    for (unsigned i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++)
        sigaction(sigs[i], &sa, NULL);
}

static void sim_tty_raw_mode(void)
{
    struct termios raw;

    if (!isatty(STDIN_FILENO) || tcgetattr(STDIN_FILENO, &sim_tty_saved) != 0)
        return;
    raw = sim_tty_saved;
    raw.c_lflag &= ~(tcflag_t)(ICANON | ECHO | ISIG | IEXTEN);
    raw.c_iflag &= ~(tcflag_t)(IXON | ICRNL | INLCR | IGNCR | BRKINT | ISTRIP);
    /* Bytes go out as the firmware wrote them: the serial framework already sends "\r\n". */
    raw.c_oflag &= ~(tcflag_t)OPOST;
    raw.c_cc[VMIN] = 1;
    raw.c_cc[VTIME] = 0;
    if (tcsetattr(STDIN_FILENO, TCSANOW, &raw) == 0)
        atomic_store(&sim_tty_raw, 1);
}

/* Wait until stdin is readable (1), or the reader must stop (0). With `timeout_ms` >= 0, also
 * return 1 after that long (waiting for room in the ring). */
static int sim_uart_wait(int watch_stdin, int timeout_ms)
{
    struct pollfd fds[2] = {{sim_reader_wake[0], POLLIN, 0}, {STDIN_FILENO, POLLIN, 0}};

    for (;;) {
        int n = poll(fds, watch_stdin ? 2 : 1, timeout_ms);

        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 || fds[0].revents != 0)
            return 0;
        return 1;
    }
}

/* Reader thread: stdin -> host ring -> SIM_IRQ_UART. Ends at end of file, on error, or when
 * the exit hook wakes it (no pthread_cancel: unwinding a thread confuses the sanitizers). */
static void *sim_uart_reader(void *arg)
{
    for (;;) {
        unsigned head = atomic_load(&sim_ring_head);
        unsigned used = head - atomic_load(&sim_ring_tail);
        unsigned room = SIM_UART_RING - used;
        unsigned chunk = SIM_UART_RING - head % SIM_UART_RING;
        ssize_t n;

        if (!sim_uart_wait(room != 0, room != 0 ? -1 : 1))
            return NULL;
        if (room == 0)
            continue;
        n = read(STDIN_FILENO, sim_ring + head % SIM_UART_RING, chunk < room ? chunk : room);
        if (n < 0 && (errno == EINTR || errno == EAGAIN))
            continue;
        if (n <= 0)
            break;
        atomic_store(&sim_ring_head, head + (unsigned)n);
        sim_irq_raise(SIM_IRQ_UART);
    }
    atomic_store(&sim_stdin_eof, 1);
    sim_irq_raise(SIM_IRQ_UART);
    return NULL;
}

/* Exit hook: end the reader (blocked in read or sleeping, both cancellation points). */
static void sim_uart_host_stop(void)
{
    if (sim_reader_started) {
        sim_reader_started = 0;
        if (write(sim_reader_wake[1], "x", 1) < 0)
            return; /* cannot happen with an open pipe; never block the exit */
        pthread_join(sim_reader, NULL);
    }
    sim_tty_restore();
}

void sim_uart_host_start(void)
{
    sim_tty_catch_signals();
    sim_tty_raw_mode();
    sim_atexit(sim_uart_host_stop);
    if (pipe2(sim_reader_wake, O_CLOEXEC) != 0 ||
        pthread_create(&sim_reader, NULL, sim_uart_reader, NULL) != 0) {
        atomic_store(&sim_stdin_eof, 1);
        return;
    }
    sim_reader_started = 1;
}

/* ---- UART operations ---- */

static rt_err_t sim_uart_configure(struct rt_serial_device *serial, struct serial_configure *cfg)
{
    return RT_EOK; /* any baud rate and framing: the host line has none */
}

static rt_err_t sim_uart_control(struct rt_serial_device *serial, int cmd, void *arg)
{
    if ((rt_ubase_t)arg != RT_DEVICE_FLAG_INT_RX)
        return -RT_EINVAL;
    if (cmd == RT_DEVICE_CTRL_SET_INT) {
        atomic_store(&sim_rx_int, 1);
        sim_irq_raise(SIM_IRQ_UART); /* bytes may already be waiting */
    } else if (cmd == RT_DEVICE_CTRL_CLR_INT) {
        atomic_store(&sim_rx_int, 0);
    } else {
        return -RT_ENOSYS;
    }
    return RT_EOK;
}

static int sim_uart_putc(struct rt_serial_device *serial, char c)
{
    if (sim_out.depth == 0) {
        sim_uart_host_write(&c, 1);
        return 1;
    }
    if (sim_out.len == SIM_UART_BATCH) {
        sim_uart_host_write(sim_out.buf, (rt_size_t)sim_out.len);
        sim_out.len = 0;
    }
    sim_out.buf[sim_out.len++] = c;
    return 1;
}

/* Flow control: hold bytes back while the framework's receive ring is full. */
static int sim_uart_getc(struct rt_serial_device *serial)
{
    struct rt_serial_rx_fifo *fifo = (struct rt_serial_rx_fifo *)serial->serial_rx;

    if (fifo != RT_NULL && fifo->is_full)
        return -1;
    return sim_uart_host_getc();
}

static const struct rt_uart_ops sim_uart_ops = {
    sim_uart_configure, sim_uart_control, sim_uart_putc, sim_uart_getc, RT_NULL,
};

static void sim_uart_isr(int vector, void *param)
{
    static rt_bool_t eof_reported;

    if (!atomic_load(&sim_rx_int))
        return;
    rt_hw_serial_isr(&sim_uart, RT_SERIAL_EVENT_RX_IND);
    /* End of input is reported once as an empty receive event, so that a reader blocked
     * waiting for data reads again, finds nothing and ends the simulation (sim_uart_read). */
    if (atomic_load(&sim_stdin_eof) && sim_ring_empty() && !eof_reported) {
        eof_reported = RT_TRUE;
        if (sim_uart.parent.rx_indicate != RT_NULL)
            sim_uart.parent.rx_indicate(&sim_uart.parent, 0);
    }
}

/* ---- device wrappers: batching output, and exit at the end of piped input ---- */

/* One write(2) per device write instead of one per byte; an ISR printing in the middle of a
 * write appends to the same batch (same host thread), so the byte order is kept. */
static rt_ssize_t sim_uart_write(rt_device_t dev, rt_off_t pos, const void *buf, rt_size_t size)
{
    rt_ssize_t n;

    sim_out.depth++;
    n = sim_uart_fw_write(dev, pos, buf, size);
    if (--sim_out.depth == 0 && sim_out.len > 0) {
        sim_uart_host_write(sim_out.buf, (rt_size_t)sim_out.len);
        sim_out.len = 0;
    }
    return n;
}

static rt_ssize_t sim_uart_read(rt_device_t dev, rt_off_t pos, void *buf, rt_size_t size)
{
    rt_ssize_t n = sim_uart_fw_read(dev, pos, buf, size);

    if (n != 0 || size == 0)
        return n;
    if (!sim_ring_empty()) {
        sim_irq_raise(SIM_IRQ_UART); /* refill the receive ring that flow control held back */
        return sim_uart_fw_read(dev, pos, buf, size);
    }
    if (atomic_load(&sim_stdin_eof) && !sim_opts.no_eof_exit && !isatty(STDIN_FILENO))
        sim_exit(0);
    return 0;
}

static int sim_uart_init(void)
{
    struct serial_configure cfg = RT_SERIAL_CONFIG_DEFAULT;
    rt_err_t err;

    sim_uart.ops = &sim_uart_ops;
    sim_uart.config = cfg;
    err = rt_hw_serial_register(&sim_uart, "uart1", RT_DEVICE_FLAG_RDWR | RT_DEVICE_FLAG_INT_RX,
                                RT_NULL);
    if (err != RT_EOK)
        return err;
#ifdef RT_USING_DEVICE_OPS
    static struct rt_device_ops ops;

    ops = *sim_uart.parent.ops;
    sim_uart_fw_read = ops.read;
    sim_uart_fw_write = ops.write;
    ops.read = sim_uart_read;
    ops.write = sim_uart_write;
    sim_uart.parent.ops = &ops;
#else
    sim_uart_fw_read = sim_uart.parent.read;
    sim_uart_fw_write = sim_uart.parent.write;
    sim_uart.parent.read = sim_uart_read;
    sim_uart.parent.write = sim_uart_write;
#endif
    rt_hw_interrupt_install(SIM_IRQ_UART, sim_uart_isr, RT_NULL, "uart1");
    return RT_EOK;
}
INIT_BOARD_EXPORT(sim_uart_init);
