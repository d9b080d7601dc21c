/* Board-only msh commands used by tests/qemu: fault injection, console RX check, GPIO. */
#include <rthw.h>
#include <rtthread.h>
#include <rtdevice.h>
#include <finsh.h>
#include <stdlib.h>
#include "drv_gpio.h"

/* ---- fault: trigger a CPU fault on purpose so the fault dump can be checked ---- */

static void fault_udf(void)
{
    __asm__ volatile("udf #0x42");
}

static void fault_div0(void)
{
    volatile int zero = 0, x = 42;

    x = x / zero;
}

static void fault_bus(void)
{
    /* Nothing is mapped in the external-RAM window on this board. */
    (void)*(volatile rt_uint32_t *)0x60000000u;
}

/* Raise IRQ 0 (WWDG), which has no handler: the fault dump runs in interrupt context. */
static void fault_irq(void)
{
    rt_hw_interrupt_umask(0);
    *(volatile rt_uint32_t *)0xE000E200u = 1u; /* NVIC_ISPR0: set pending */
    __asm__ volatile("dsb\n isb" ::: "memory");
}

static int cmd_fault(int argc, char **argv)
{
    static const struct {
        const char *name;
        void (*fn)(void);
    } kinds[] = {{"udf", fault_udf}, {"div0", fault_div0}, {"bus", fault_bus}, {"irq", fault_irq}};

    for (rt_size_t i = 0; argc == 2 && i < sizeof(kinds) / sizeof(kinds[0]); i++) {
        if (rt_strcmp(argv[1], kinds[i].name) == 0) {
            kinds[i].fn();
            rt_kprintf("fault: %s did not fault\n", argv[1]);
            return -RT_ERROR;
        }
    }
    rt_kprintf("usage: fault udf|div0|bus|irq   (halts the system with a register dump)\n");
    return -RT_EINVAL;
}
MSH_CMD_EXPORT_ALIAS(cmd_fault, fault, trigger a CPU fault and halt with a dump);

/* ---- rxcheck: read N raw bytes from the console, print their count and CRC-32 ---- */

static struct rt_semaphore rxcheck_sem;

static rt_err_t rxcheck_indicate(rt_device_t dev, rt_size_t size)
{
    rt_sem_release(&rxcheck_sem);
    return RT_EOK;
}

static rt_uint32_t crc32_update(rt_uint32_t crc, const rt_uint8_t *p, rt_size_t n)
{
    crc = ~crc;
    while (n-- > 0) {
        crc ^= *p++;
        for (int k = 0; k < 8; k++) {
            crc = (crc >> 1) ^ (0xEDB88320u & (0u - (crc & 1u)));
        }
    }
    return ~crc;
}

/*
 * Returns the number of bytes received before `total` or a 2 s silence. A reader that sleeps
 * `pause_ms` after each read is slower than the sender: the driver's RX flow control must
 * hold the input back instead of letting the ring buffer overwrite it.
 */
static rt_size_t rxcheck_receive(rt_device_t dev, rt_size_t total, rt_uint32_t *crc,
                                 rt_int32_t pause_ms)
{
    rt_uint8_t buf[64];
    rt_size_t got = 0;

    while (got < total) {
        rt_size_t want = total - got < sizeof(buf) ? total - got : sizeof(buf);
        rt_ssize_t n = rt_device_read(dev, 0, buf, want);

        if (n > 0) {
            *crc = crc32_update(*crc, buf, (rt_size_t)n);
            got += (rt_size_t)n;
            if (pause_ms > 0) {
                rt_thread_mdelay(pause_ms);
            }
        } else if (rt_sem_take(&rxcheck_sem, rt_tick_from_millisecond(2000)) != RT_EOK) {
            break;
        }
    }
    return got;
}

static int cmd_rxcheck(int argc, char **argv)
{
    rt_device_t dev = rt_console_get_device();
    rt_err_t (*saved)(rt_device_t dev, rt_size_t size);
    rt_uint32_t crc = 0;
    long total = argc >= 2 && argc <= 3 ? atol(argv[1]) : 0;
    long pause_ms = argc == 3 ? atol(argv[2]) : 0;
    rt_size_t got;

    if (total <= 0 || total > 1024 * 1024 || pause_ms < 0 || pause_ms > 1000) {
        rt_kprintf("usage: rxcheck BYTES [PAUSE_MS]   (BYTES 1..1048576, then send exactly BYTES"
                   " bytes;\n       PAUSE_MS 0..1000: sleep after each read of up to 64 bytes)\n");
        return -RT_EINVAL;
    }
    if (dev == RT_NULL) {
        rt_kprintf("rxcheck: no console device\n");
        return -RT_ERROR;
    }
    rt_sem_init(&rxcheck_sem, "rxchk", 0, RT_IPC_FLAG_FIFO);
    saved = dev->rx_indicate;
    rt_device_set_rx_indicate(dev, rxcheck_indicate);
    rt_kprintf("rxcheck: send %ld bytes\n", total);
    got = rxcheck_receive(dev, (rt_size_t)total, &crc, (rt_int32_t)pause_ms);
    rt_device_set_rx_indicate(dev, saved);
    rt_sem_detach(&rxcheck_sem);
    rt_kprintf("rxcheck: %u bytes, crc32 0x%08x%s\n", (unsigned)got, (unsigned)crc,
               got == (rt_size_t)total ? "" : " (timed out)");
    return got == (rt_size_t)total ? 0 : -RT_ETIMEOUT;
}
MSH_CMD_EXPORT_ALIAS(cmd_rxcheck, rxcheck, read N console bytes and print their CRC32);

/* ---- gpio: drive the pin framework from the shell ---- */

static const struct {
    const char *name;
    rt_uint8_t mode;
} gpio_modes[] = {
    {"output", PIN_MODE_OUTPUT},
    {"output_od", PIN_MODE_OUTPUT_OD},
    {"input", PIN_MODE_INPUT},
    {"input_pullup", PIN_MODE_INPUT_PULLUP},
    {"input_pulldown", PIN_MODE_INPUT_PULLDOWN},
};

static int gpio_usage(void)
{
    rt_kprintf("usage: gpio PIN mode output|output_od|input|input_pullup|input_pulldown\n"
               "       gpio PIN write 0|1\n"
               "       gpio PIN read          (PIN: PA5, PC.13, ...)\n");
    return -RT_EINVAL;
}

static int gpio_set_mode(rt_base_t pin, const char *mode)
{
    for (rt_size_t i = 0; i < sizeof(gpio_modes) / sizeof(gpio_modes[0]); i++) {
        if (rt_strcmp(mode, gpio_modes[i].name) == 0) {
            rt_pin_mode(pin, gpio_modes[i].mode);
            return 0;
        }
    }
    return gpio_usage();
}

static int cmd_gpio(int argc, char **argv)
{
    rt_base_t pin;

    if (argc < 3) {
        return gpio_usage();
    }
    pin = rt_pin_get(argv[1]);
    if (pin < 0) {
        rt_kprintf("gpio: bad pin name '%s'\n", argv[1]);
        return -RT_EINVAL;
    }
    if (argc == 4 && rt_strcmp(argv[2], "mode") == 0) {
        return gpio_set_mode(pin, argv[3]);
    }
    if (argc == 4 && rt_strcmp(argv[2], "write") == 0 &&
        (rt_strcmp(argv[3], "0") == 0 || rt_strcmp(argv[3], "1") == 0)) {
        rt_pin_write(pin, argv[3][0] == '1' ? PIN_HIGH : PIN_LOW);
        return 0;
    }
    if (argc == 3 && rt_strcmp(argv[2], "read") == 0) {
        rt_kprintf("%s (pin %ld) = %d\n", argv[1], (long)pin, (int)rt_pin_read(pin));
        return 0;
    }
    return gpio_usage();
}
MSH_CMD_EXPORT_ALIAS(cmd_gpio, gpio, set up or write or read a GPIO pin by name);
