/* Console for the `python` session: takes the console's receive callback from the shell for
 * the session, buffers input, turns Ctrl-C into KeyboardInterrupt while code runs, and gives
 * the callback back on every way out. */
#include "port.h"
#include <rthw.h>

struct py_port *py_port_active;

#define RX_MASK (PY_PORT_RX_SIZE - 1)

static void rx_push(struct py_port *port, rt_uint8_t ch)
{
    if (port->running && (int)ch == port->intr_char) {
        rtpy_interrupt(port->vm);
        rt_sem_release(&port->intr_sem);
        return;
    }
    port->rx_buf[port->rx_head] = ch;
    port->rx_head = (port->rx_head + 1) & RX_MASK;
}

/* Moves up to `max` received bytes from the device into our buffer, as long as there is room
 * (the rest waits in the device's own ring: nothing is dropped). Exactly one device read, so
 * that it never asks for more than the device announced (on the simulator, a read that finds
 * nothing after the end of piped input ends the process: only a reader waiting for input may
 * do that). Called with interrupts disabled, or from the receive interrupt. */
static void rx_pull(struct py_port *port, rt_size_t max)
{
    rt_uint8_t chunk[32];
    rt_size_t room = (rt_size_t)((port->rx_tail - port->rx_head - 1) & RX_MASK);
    rt_ssize_t i, n;

    if (max > room) {
        max = room;
    }
    if (max > sizeof(chunk)) {
        max = sizeof(chunk);
    }
    if (max == 0) {
        return;
    }
    n = rt_device_read(port->console, 0, chunk, max);
    for (i = 0; i < n; i++) {
        rx_push(port, chunk[i]);
    }
}

/* The device's receive callback, in interrupt context. size 0 reports the end of input. */
static rt_err_t py_rx_indicate(rt_device_t dev, rt_size_t size)
{
    struct py_port *port = py_port_active;

    if (port == RT_NULL) {
        return RT_EOK;
    }
    if (size > 0) {
        rx_pull(port, size);
    }
    rt_sem_release(&port->rx_sem);
    return RT_EOK;
}

rt_err_t py_console_attach(struct py_port *port)
{
    port->console = rt_console_get_device();
    if (port->console == RT_NULL) {
        return -RT_ENOSYS;
    }
    rt_sem_init(&port->rx_sem, "pyrx", 0, RT_IPC_FLAG_FIFO);
    rt_sem_init(&port->intr_sem, "pyintr", 0, RT_IPC_FLAG_FIFO);
    port->intr_char = 3;
    port->saved_rx_indicate = port->console->rx_indicate;
    py_port_active = port;
    rt_device_set_rx_indicate(port->console, py_rx_indicate);
    return RT_EOK;
}

void py_console_detach(struct py_port *port)
{
    rt_device_set_rx_indicate(port->console, port->saved_rx_indicate);
    py_port_active = RT_NULL;
    rt_sem_detach(&port->rx_sem);
    rt_sem_detach(&port->intr_sem);
}

struct rx_wait {
    struct py_port *port;
    rt_int32_t timeout;
    rt_err_t err;
};

static void rx_wait1(void *arg)
{
    struct rx_wait *w = arg;

    w->err = rt_sem_take(&w->port->rx_sem, w->timeout);
}

int py_console_getc(struct py_port *port, rt_int32_t timeout)
{
    struct rx_wait w = {port, timeout, RT_EOK};

    for (;;) {
        rt_base_t level = rt_hw_interrupt_disable();

        if (port->rx_tail != port->rx_head) {
            int ch = port->rx_buf[port->rx_tail];

            port->rx_tail = (port->rx_tail + 1) & RX_MASK;
            rt_hw_interrupt_enable(level);
            return ch;
        }
        rx_pull(port, PY_PORT_RX_SIZE); /* input held back while our buffer was full */
        rt_hw_interrupt_enable(level);
        if (port->rx_tail != port->rx_head) {
            continue;
        }
        rtpy_unlocked(port->vm, rx_wait1, &w); /* other Python threads run meanwhile */
        if (w.err != RT_EOK) {
            return -1;
        }
    }
}

void py_console_write(struct py_port *port, const char *buf, rt_size_t len)
{
    rt_device_write(port->console, 0, buf, len);
}

void py_console_puts(struct py_port *port, const char *s)
{
    py_console_write(port, s, rt_strlen(s));
}
