/* Test of the serial framework (components/drivers/serial) with a loopback test UART. */
#include <rthw.h>
#include <rtthread.h>
#include <rtdevice.h>
#include "sim.h"

#ifdef RT_USING_UTEST
#include <utest.h>

#define TU_IRQ (SIM_IRQ_USER + 2)

static struct rt_serial_device tu_serial;
static char tu_tx[64];
static int tu_tx_len;
static const char *tu_rx; /* bytes the "line" delivers, consumed by getc */
static int tu_rx_int;
static volatile rt_size_t tu_indicated;
static volatile int tu_indications;
static int tu_configured_baud;

static rt_err_t tu_configure(struct rt_serial_device *serial, struct serial_configure *cfg)
{
    tu_configured_baud = (int)cfg->baud_rate;
    return RT_EOK;
}

static rt_err_t tu_control(struct rt_serial_device *serial, int cmd, void *arg)
{
    if (cmd == RT_DEVICE_CTRL_SET_INT)
        tu_rx_int = 1;
    else if (cmd == RT_DEVICE_CTRL_CLR_INT)
        tu_rx_int = 0;
    return RT_EOK;
}

static int tu_putc(struct rt_serial_device *serial, char c)
{
    if (tu_tx_len < (int)sizeof(tu_tx))
        tu_tx[tu_tx_len++] = c;
    return 1;
}

static int tu_getc(struct rt_serial_device *serial)
{
    if (tu_rx == RT_NULL || *tu_rx == '\0')
        return -1;
    return (unsigned char)*tu_rx++;
}

static const struct rt_uart_ops tu_ops = {tu_configure, tu_control, tu_putc, tu_getc, RT_NULL};

static void tu_isr(int vector, void *param)
{
    rt_hw_serial_isr(&tu_serial, RT_SERIAL_EVENT_RX_IND);
}

static rt_err_t tu_rx_ind(rt_device_t dev, rt_size_t size)
{
    tu_indicated = size;
    tu_indications++;
    return RT_EOK;
}

/* Bytes arrive on the line: the UART interrupt fires (in ISR context) */
static void tu_receive(const char *bytes)
{
    tu_rx = bytes;
    sim_irq_raise(TU_IRQ);
}

static void test_register(void)
{
    struct serial_configure cfg = RT_SERIAL_CONFIG_DEFAULT;

    cfg.bufsz = 8;
    tu_serial.ops = &tu_ops;
    tu_serial.config = cfg;
    uassert_int_equal(rt_hw_serial_register(&tu_serial, "tuart",
                                            RT_DEVICE_FLAG_RDWR | RT_DEVICE_FLAG_INT_RX, RT_NULL),
                      RT_EOK);
    uassert_int_equal(rt_hw_serial_register(&tu_serial, "tuart", RT_DEVICE_FLAG_RDWR, RT_NULL),
                      -RT_ERROR);
    uassert_int_equal(rt_hw_serial_register(RT_NULL, "x", 0, RT_NULL), -RT_EINVAL);
    uassert_true(rt_device_find("tuart") == &tu_serial.parent);
    uassert_int_equal(tu_serial.parent.type, RT_Device_Class_Char);
    rt_hw_interrupt_install(TU_IRQ, tu_isr, RT_NULL, "tuart");
}

static void test_modes(void)
{
    rt_device_t dev = &tu_serial.parent;

    /* DMA is not supported, INT_TX was not registered */
    uassert_int_equal(rt_device_open(dev, RT_DEVICE_OFLAG_RDWR | RT_DEVICE_FLAG_DMA_RX), -RT_EIO);
    uassert_int_equal(rt_device_open(dev, RT_DEVICE_OFLAG_RDWR | RT_DEVICE_FLAG_INT_TX), -RT_EIO);
    uassert_int_equal(rt_device_open(dev, RT_DEVICE_OFLAG_RDWR | RT_DEVICE_FLAG_INT_RX), RT_EOK);
    uassert_int_equal(tu_rx_int, 1);
    uassert_int_equal(tu_configured_baud, BAUD_RATE_115200);
    uassert_int_equal(rt_device_close(dev), RT_EOK);
    uassert_int_equal(tu_rx_int, 0);
}

static void test_int_rx(void)
{
    rt_device_t dev = &tu_serial.parent;
    char buf[16];

    uassert_int_equal(rt_device_open(dev, RT_DEVICE_OFLAG_RDWR | RT_DEVICE_FLAG_INT_RX), RT_EOK);
    rt_device_set_rx_indicate(dev, tu_rx_ind);
    tu_indications = 0;
    tu_receive("abc");
    uassert_int_equal(tu_indications, 1);
    uassert_int_equal(tu_indicated, 3);
    uassert_int_equal(rt_device_read(dev, 0, buf, 2), 2);
    uassert_buf_equal(buf, "ab", 2);
    uassert_int_equal(rt_device_read(dev, 0, buf, sizeof(buf)), 1);
    uassert_int_equal(buf[0], 'c');
    uassert_int_equal(rt_device_read(dev, 0, buf, sizeof(buf)), 0);
    /* 8-byte ring: an overrun keeps the newest bytes */
    tu_receive("0123456789");
    uassert_int_equal(tu_indicated, 8);
    uassert_int_equal(rt_device_read(dev, 0, buf, sizeof(buf)), 8);
    uassert_buf_equal(buf, "23456789", 8);
    rt_device_set_rx_indicate(dev, RT_NULL);
    uassert_int_equal(rt_device_close(dev), RT_EOK);
}

static void test_write_and_control(void)
{
    rt_device_t dev = &tu_serial.parent;
    struct serial_configure cfg = RT_SERIAL_CONFIG_DEFAULT;
    rt_uint32_t oflag = 0;

    uassert_int_equal(rt_device_open(dev, RT_DEVICE_OFLAG_RDWR), RT_EOK);
    tu_tx_len = 0;
    uassert_int_equal(rt_device_write(dev, 0, "a\nb", 3), 3);
    uassert_int_equal(tu_tx_len, 3);
    dev->open_flag |= RT_DEVICE_FLAG_STREAM;
    tu_tx_len = 0;
    rt_device_write(dev, 0, "a\nb", 3);
    uassert_int_equal(tu_tx_len, 4);
    uassert_buf_equal(tu_tx, "a\r\nb", 4);
    dev->open_flag &= ~RT_DEVICE_FLAG_STREAM;

    /* polling read straight from the UART */
    tu_rx = "xy";
    {
        char buf[4];

        uassert_int_equal(rt_device_read(dev, 0, buf, sizeof(buf)), 2);
        uassert_buf_equal(buf, "xy", 2);
    }

    cfg.baud_rate = BAUD_RATE_9600;
    cfg.bufsz = 99; /* ignored while open */
    uassert_int_equal(rt_device_control(dev, RT_DEVICE_CTRL_CONFIG, &cfg), RT_EOK);
    uassert_int_equal(tu_configured_baud, BAUD_RATE_9600);
    uassert_int_equal(tu_serial.config.bufsz, 8);
    uassert_int_equal(rt_device_control(dev, RT_DEVICE_CTRL_CONFIG, RT_NULL), -RT_EINVAL);
    uassert_int_equal(rt_device_control(dev, RT_DEVICE_CTRL_CONSOLE_OFLAG, &oflag), RT_EOK);
    uassert_int_equal(oflag, RT_DEVICE_FLAG_RDWR | RT_DEVICE_FLAG_STREAM | RT_DEVICE_FLAG_INT_RX);
    uassert_int_equal(rt_device_close(dev), RT_EOK);
}

static rt_err_t tu_cleanup(void)
{
    rt_hw_interrupt_install(TU_IRQ, RT_NULL, RT_NULL, RT_NULL);
    if (rt_device_find("tuart") != RT_NULL)
        rt_device_unregister(&tu_serial.parent);
    return RT_EOK;
}

static void sim_serial_testcase(void)
{
    UTEST_UNIT_RUN(test_register);
    UTEST_UNIT_RUN(test_modes);
    UTEST_UNIT_RUN(test_int_rx);
    UTEST_UNIT_RUN(test_write_and_control);
}
UTEST_TC_EXPORT(sim_serial_testcase, "sim.serial", RT_NULL, tu_cleanup, 10);

#endif /* RT_USING_UTEST */
