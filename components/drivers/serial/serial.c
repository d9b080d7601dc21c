/* Serial framework (RT-Thread v1 model): polling TX, polling or interrupt-driven RX. */
#include <rthw.h>
#include <rtthread.h>
#include <rtdevice.h>

#ifdef RT_USING_SERIAL

static rt_uint16_t serial_ring_next(struct rt_serial_device *serial, rt_uint16_t i)
{
    return (rt_uint16_t)((i + 1u) % serial->config.bufsz);
}

static rt_size_t serial_ring_length(struct rt_serial_device *serial, struct rt_serial_rx_fifo *fifo)
{
    if (fifo->is_full)
        return serial->config.bufsz;
    return (fifo->put_index + serial->config.bufsz - fifo->get_index) % serial->config.bufsz;
}

/* Store one received byte; a full ring drops its oldest byte, as a UART overrun would. */
static void serial_ring_put(struct rt_serial_device *serial, struct rt_serial_rx_fifo *fifo,
                            rt_uint8_t ch)
{
    fifo->buffer[fifo->put_index] = ch;
    fifo->put_index = serial_ring_next(serial, fifo->put_index);
    if (fifo->is_full)
        fifo->get_index = fifo->put_index;
    else if (fifo->put_index == fifo->get_index)
        fifo->is_full = RT_TRUE;
}

static int serial_ring_get(struct rt_serial_device *serial, struct rt_serial_rx_fifo *fifo)
{
    int ch;

    if (!fifo->is_full && fifo->put_index == fifo->get_index)
        return -1;
    ch = fifo->buffer[fifo->get_index];
    fifo->get_index = serial_ring_next(serial, fifo->get_index);
    fifo->is_full = RT_FALSE;
    return ch;
}

static rt_err_t serial_init(rt_device_t dev)
{
    struct rt_serial_device *serial = (struct rt_serial_device *)dev;

    serial->serial_rx = RT_NULL;
    serial->serial_tx = RT_NULL;
    if (serial->ops->configure != RT_NULL)
        return serial->ops->configure(serial, &serial->config);
    return RT_EOK;
}

#ifdef RT_USING_HEAP
static rt_err_t serial_open_int_rx(struct rt_serial_device *serial)
{
    struct rt_serial_rx_fifo *fifo;
    rt_size_t bufsz = serial->config.bufsz;

    if (serial->serial_rx != RT_NULL)
        return RT_EOK;
    if (bufsz == 0)
        return -RT_EINVAL;
    fifo = (struct rt_serial_rx_fifo *)rt_malloc(sizeof(*fifo) + bufsz);
    if (fifo == RT_NULL)
        return -RT_ENOMEM;
    fifo->buffer = (rt_uint8_t *)(fifo + 1);
    fifo->put_index = 0;
    fifo->get_index = 0;
    fifo->is_full = RT_FALSE;
    serial->serial_rx = fifo;
    if (serial->ops->control != RT_NULL)
        serial->ops->control(serial, RT_DEVICE_CTRL_SET_INT, (void *)RT_DEVICE_FLAG_INT_RX);
    return RT_EOK;
}
#else
static rt_err_t serial_open_int_rx(struct rt_serial_device *serial)
{
    return -RT_ENOSYS; /* the receive ring is allocated at open: needs the heap */
}
#endif

static rt_err_t serial_open(rt_device_t dev, rt_uint16_t oflag)
{
    struct rt_serial_device *serial = (struct rt_serial_device *)dev;
    rt_uint16_t modes = RT_DEVICE_FLAG_INT_RX | RT_DEVICE_FLAG_DMA_RX | RT_DEVICE_FLAG_INT_TX |
                        RT_DEVICE_FLAG_DMA_TX;
    rt_err_t err;

    /* A mode the hardware did not register, or one this framework lacks, is refused. */
    if ((oflag & modes & ~dev->flag) != 0 || (oflag & RT_DEVICE_FLAG_DMA_RX))
        return -RT_EIO;
    dev->open_flag = oflag & 0xff;
    if (oflag & RT_DEVICE_FLAG_INT_RX) {
        err = serial_open_int_rx(serial);
        if (err != RT_EOK)
            return err;
    }
    if (serial->serial_rx != RT_NULL)
        dev->open_flag |= RT_DEVICE_FLAG_INT_RX;
    return RT_EOK;
}

static rt_err_t serial_close(rt_device_t dev)
{
    struct rt_serial_device *serial = (struct rt_serial_device *)dev;
    struct rt_serial_rx_fifo *fifo = (struct rt_serial_rx_fifo *)serial->serial_rx;
    rt_base_t level;

    if (fifo != RT_NULL) {
        if (serial->ops->control != RT_NULL)
            serial->ops->control(serial, RT_DEVICE_CTRL_CLR_INT, (void *)RT_DEVICE_FLAG_INT_RX);
        level = rt_hw_interrupt_disable();
        serial->serial_rx = RT_NULL;
        rt_hw_interrupt_enable(level);
#ifdef RT_USING_HEAP
        rt_free(fifo);
#endif
    }
    dev->open_flag &= ~RT_DEVICE_FLAG_INT_RX;
    return RT_EOK;
}

static rt_ssize_t serial_read_int(struct rt_serial_device *serial, rt_uint8_t *buf, rt_size_t size)
{
    rt_size_t n = 0;
    rt_base_t level = rt_hw_interrupt_disable();
    struct rt_serial_rx_fifo *fifo = (struct rt_serial_rx_fifo *)serial->serial_rx;

    while (fifo != RT_NULL && n < size) {
        int ch = serial_ring_get(serial, fifo);

        if (ch < 0)
            break;
        buf[n++] = (rt_uint8_t)ch;
    }
    rt_hw_interrupt_enable(level);
    return (rt_ssize_t)n;
}

static rt_ssize_t serial_read_poll(struct rt_serial_device *serial, rt_uint8_t *buf, rt_size_t size)
{
    rt_size_t n = 0;

    while (n < size) {
        int ch = serial->ops->getc(serial);

        if (ch < 0)
            break;
        buf[n++] = (rt_uint8_t)ch;
        if (ch == '\n' && (serial->parent.open_flag & RT_DEVICE_FLAG_STREAM))
            break;
    }
    return (rt_ssize_t)n;
}

static rt_ssize_t serial_read(rt_device_t dev, rt_off_t pos, void *buffer, rt_size_t size)
{
    struct rt_serial_device *serial = (struct rt_serial_device *)dev;

    if (size == 0)
        return 0;
    /* The receive ring, not open_flag, tells the mode: open_flag is also saved and restored
     * around console writes (rt_kprintf's STREAM flag) by other threads, which could undo the
     * INT_RX bit of an open that happened meanwhile and strand the received bytes. */
    if (serial->serial_rx != RT_NULL)
        return serial_read_int(serial, (rt_uint8_t *)buffer, size);
    return serial_read_poll(serial, (rt_uint8_t *)buffer, size);
}

static rt_ssize_t serial_write(rt_device_t dev, rt_off_t pos, const void *buffer, rt_size_t size)
{
    struct rt_serial_device *serial = (struct rt_serial_device *)dev;
    const rt_uint8_t *p = (const rt_uint8_t *)buffer;
    int stream = (dev->open_flag & RT_DEVICE_FLAG_STREAM) != 0;

    for (rt_size_t i = 0; i < size; i++) {
        if (stream && p[i] == '\n')
            serial->ops->putc(serial, '\r');
        serial->ops->putc(serial, (char)p[i]);
    }
    return (rt_ssize_t)size;
}

static rt_err_t serial_config(struct rt_serial_device *serial, struct serial_configure *cfg)
{
    if (cfg == RT_NULL)
        return -RT_EINVAL;
    /* The receive ring of an open device keeps its size until it is closed. */
    if (serial->parent.ref_count != 0 && cfg->bufsz != serial->config.bufsz)
        cfg->bufsz = serial->config.bufsz;
    serial->config = *cfg;
    if (serial->parent.ref_count != 0 && serial->ops->configure != RT_NULL)
        return serial->ops->configure(serial, cfg);
    return RT_EOK;
}

static rt_err_t serial_control(rt_device_t dev, int cmd, void *args)
{
    struct rt_serial_device *serial = (struct rt_serial_device *)dev;

    switch (cmd) {
    case RT_DEVICE_CTRL_SUSPEND: dev->flag |= RT_DEVICE_FLAG_SUSPENDED; return RT_EOK;
    case RT_DEVICE_CTRL_RESUME: dev->flag &= ~RT_DEVICE_FLAG_SUSPENDED; return RT_EOK;
    case RT_DEVICE_CTRL_CONFIG: return serial_config(serial, (struct serial_configure *)args);
    case RT_DEVICE_CTRL_NOTIFY_SET:
        if (args == RT_NULL)
            return -RT_EINVAL;
        serial->rx_notify = *(struct rt_device_notify *)args;
        return RT_EOK;
    case RT_DEVICE_CTRL_CONSOLE_OFLAG:
        if (args == RT_NULL)
            return -RT_EINVAL;
        *(rt_uint32_t *)args =
            RT_DEVICE_FLAG_RDWR | RT_DEVICE_FLAG_STREAM | (dev->flag & RT_DEVICE_FLAG_INT_RX);
        return RT_EOK;
    default:
        if (serial->ops->control == RT_NULL)
            return -RT_ENOSYS;
        return serial->ops->control(serial, cmd, args);
    }
}

static void serial_isr_rx(struct rt_serial_device *serial)
{
    struct rt_serial_rx_fifo *fifo;
    rt_size_t length;
    rt_base_t level;
    int ch;

    while ((ch = serial->ops->getc(serial)) >= 0) {
        level = rt_hw_interrupt_disable();
        fifo = (struct rt_serial_rx_fifo *)serial->serial_rx;
        if (fifo != RT_NULL)
            serial_ring_put(serial, fifo, (rt_uint8_t)ch);
        rt_hw_interrupt_enable(level);
    }
    level = rt_hw_interrupt_disable();
    fifo = (struct rt_serial_rx_fifo *)serial->serial_rx;
    length = fifo != RT_NULL ? serial_ring_length(serial, fifo) : 0;
    rt_hw_interrupt_enable(level);
    if (length == 0)
        return;
    if (serial->parent.rx_indicate != RT_NULL)
        serial->parent.rx_indicate(&serial->parent, length);
    if (serial->rx_notify.notify != RT_NULL)
        serial->rx_notify.notify(serial->rx_notify.dev);
}

void rt_hw_serial_isr(struct rt_serial_device *serial, int event)
{
    if (serial == RT_NULL || serial->ops == RT_NULL)
        return;
    if ((event & 0xff) == RT_SERIAL_EVENT_RX_IND)
        serial_isr_rx(serial);
}

#ifdef RT_USING_DEVICE_OPS
static const struct rt_device_ops serial_ops = {
    serial_init, serial_open, serial_close, serial_read, serial_write, serial_control,
};
#endif

rt_err_t rt_hw_serial_register(struct rt_serial_device *serial, const char *name, rt_uint32_t flag,
                               void *data)
{
    struct rt_device *dev;

    if (serial == RT_NULL || name == RT_NULL || serial->ops == RT_NULL ||
        serial->ops->putc == RT_NULL || serial->ops->getc == RT_NULL)
        return -RT_EINVAL;
    dev = &serial->parent;
    dev->type = RT_Device_Class_Char;
    dev->rx_indicate = RT_NULL;
    dev->tx_complete = RT_NULL;
#ifdef RT_USING_DEVICE_OPS
    dev->ops = &serial_ops;
#else
    dev->init = serial_init;
    dev->open = serial_open;
    dev->close = serial_close;
    dev->read = serial_read;
    dev->write = serial_write;
    dev->control = serial_control;
#endif
    dev->user_data = data;
    serial->serial_rx = RT_NULL;
    serial->serial_tx = RT_NULL;
    return rt_device_register(dev, name, (rt_uint16_t)flag);
}

#endif /* RT_USING_SERIAL */
