/* Sim board virtual GPIO: 64 pins behind the pin framework, driven by tests (sim_gpio.h,
 * the `simpin` command) and logged for host-side tests (--gpio-log). */
#include <rthw.h>
#include <rtthread.h>
#include <rtdevice.h>
#include "board.h"
#include "sim.h"
#include "sim_gpio.h"
#include <fcntl.h>
#include <stdatomic.h>
#include <unistd.h>
#ifdef RT_USING_FINSH
#include <finsh.h>
#endif

struct sim_pin {
    int mode;            /* PIN_MODE_*, -1 until configured (reset state: floating input) */
    int drive;           /* external level: 0, 1 or SIM_GPIO_RELEASE */
    rt_uint8_t latch;    /* output data the firmware wrote */
    rt_uint8_t irq_mode; /* PIN_IRQ_MODE_* */
    rt_uint8_t irq_on;   /* PIN_IRQ_ENABLE'd */
    void (*hdr)(void *args);
    void *args;
    long irq_count;
};

static struct sim_pin sim_pins[SIM_GPIO_PINS];
static atomic_ullong sim_gpio_pending; /* pins whose interrupt condition happened */
static int sim_gpio_log_fd = -1;

static int sim_pin_ok(rt_base_t pin)
{
    return pin >= 0 && pin < SIM_GPIO_PINS;
}

static int sim_pin_is_output(const struct sim_pin *p)
{
    return p->mode == PIN_MODE_OUTPUT || p->mode == PIN_MODE_OUTPUT_OD;
}

static int sim_pin_level(const struct sim_pin *p)
{
    switch (p->mode) {
    case PIN_MODE_OUTPUT: return p->latch;
    case PIN_MODE_OUTPUT_OD:
        if (p->latch == PIN_LOW)
            return PIN_LOW;
        return p->drive == SIM_GPIO_RELEASE ? PIN_HIGH : p->drive;
    case PIN_MODE_INPUT_PULLUP: return p->drive == SIM_GPIO_RELEASE ? PIN_HIGH : p->drive;
    default: return p->drive == SIM_GPIO_RELEASE ? PIN_LOW : p->drive;
    }
}

static int sim_pin_output(const struct sim_pin *p)
{
    return sim_pin_is_output(p) ? p->latch : -1;
}

static void sim_pin_format(rt_base_t pin, char *buf)
{
    buf[0] = 'P';
    buf[1] = (char)('A' + pin / 16);
    if (pin % 16 >= 10) {
        buf[2] = '1';
        buf[3] = (char)('0' + pin % 16 - 10);
        buf[4] = '\0';
    } else {
        buf[2] = (char)('0' + pin % 16);
        buf[3] = '\0';
    }
}

/* "<tick> <pin> <level>\n", formatted by hand: this may run in an ISR (signal handler). */
static void sim_gpio_log(rt_base_t pin, int level)
{
    char line[40], digits[24];
    int n = 0, d = 0;
    rt_tick_t tick = rt_tick_get();

    if (sim_gpio_log_fd < 0)
        return;
    do {
        digits[d++] = (char)('0' + tick % 10);
        tick /= 10;
    } while (tick != 0);
    while (d > 0)
        line[n++] = digits[--d];
    line[n++] = ' ';
    sim_pin_format(pin, line + n);
    while (line[n] != '\0')
        n++;
    line[n++] = ' ';
    line[n++] = (char)('0' + level);
    line[n++] = '\n';
    if (write(sim_gpio_log_fd, line, (size_t)n) != n)
        sim_gpio_log_fd = -1; /* the log file failed: stop logging rather than spin */
}

static int sim_irq_condition(rt_uint8_t mode, int old, int now)
{
    switch (mode) {
    case PIN_IRQ_MODE_RISING: return old == PIN_LOW && now == PIN_HIGH;
    case PIN_IRQ_MODE_FALLING: return old == PIN_HIGH && now == PIN_LOW;
    case PIN_IRQ_MODE_RISING_FALLING: return old != now;
    case PIN_IRQ_MODE_HIGH_LEVEL: return old != now && now == PIN_HIGH;
    case PIN_IRQ_MODE_LOW_LEVEL: return old != now && now == PIN_LOW;
    default: return 0;
    }
}

/* After a pin changed (interrupts disabled): log a new output level, flag its interrupt.
 * Returns whether the interrupt must be raised. */
static int sim_pin_changed(rt_base_t pin, int old_level, int old_output)
{
    struct sim_pin *p = &sim_pins[pin];
    int level = sim_pin_level(p), output = sim_pin_output(p);

    if (output != old_output && output >= 0)
        sim_gpio_log(pin, output);
    if (p->hdr == RT_NULL || !p->irq_on || !sim_irq_condition(p->irq_mode, old_level, level))
        return 0;
    atomic_fetch_or(&sim_gpio_pending, 1ull << pin);
    return 1;
}

static void sim_gpio_isr(int vector, void *param)
{
    unsigned long long bits = atomic_exchange(&sim_gpio_pending, 0);

    for (rt_base_t pin = 0; bits != 0; pin++, bits >>= 1) {
        struct sim_pin *p = &sim_pins[pin];

        if ((bits & 1ull) && p->hdr != RT_NULL && p->irq_on) {
            p->irq_count++;
            p->hdr(p->args);
        }
    }
}

/* Apply a change to a pin under the interrupt lock, then deliver its interrupt if due. */
enum sim_pin_field { SIM_SET_MODE, SIM_SET_LATCH, SIM_SET_DRIVE };

static void sim_pin_update(rt_base_t pin, enum sim_pin_field field, int value)
{
    struct sim_pin *p = &sim_pins[pin];
    rt_base_t level = rt_hw_interrupt_disable();
    int old_level = sim_pin_level(p), old_output = sim_pin_output(p), fire;

    if (field == SIM_SET_MODE)
        p->mode = value;
    else if (field == SIM_SET_LATCH)
        p->latch = (rt_uint8_t)value;
    else
        p->drive = value;
    fire = sim_pin_changed(pin, old_level, old_output);
    rt_hw_interrupt_enable(level);
    if (fire)
        sim_irq_raise(SIM_IRQ_GPIO);
}

/* ---- pin framework operations ---- */

static void sim_gpio_op_mode(struct rt_device *dev, rt_base_t pin, rt_uint8_t mode)
{
    if (sim_pin_ok(pin) && mode <= PIN_MODE_OUTPUT_OD)
        sim_pin_update(pin, SIM_SET_MODE, mode);
}

static void sim_gpio_op_write(struct rt_device *dev, rt_base_t pin, rt_uint8_t value)
{
    if (sim_pin_ok(pin))
        sim_pin_update(pin, SIM_SET_LATCH, value != PIN_LOW);
}

static rt_ssize_t sim_gpio_op_read(struct rt_device *dev, rt_base_t pin)
{
    return sim_gpio_level(pin);
}

static rt_err_t sim_gpio_attach_irq(struct rt_device *dev, rt_base_t pin, rt_uint8_t mode,
                                    void (*hdr)(void *args), void *args)
{
    rt_base_t level;
    rt_err_t err = RT_EOK;

    if (!sim_pin_ok(pin) || mode > PIN_IRQ_MODE_LOW_LEVEL)
        return -RT_EINVAL;
    level = rt_hw_interrupt_disable();
    if (sim_pins[pin].hdr != RT_NULL && (sim_pins[pin].hdr != hdr || sim_pins[pin].args != args ||
                                         sim_pins[pin].irq_mode != mode)) {
        err = -RT_EBUSY;
    } else {
        sim_pins[pin].hdr = hdr;
        sim_pins[pin].args = args;
        sim_pins[pin].irq_mode = mode;
    }
    rt_hw_interrupt_enable(level);
    return err;
}

static rt_err_t sim_gpio_detach_irq(struct rt_device *dev, rt_base_t pin)
{
    rt_base_t level;

    if (!sim_pin_ok(pin))
        return -RT_EINVAL;
    level = rt_hw_interrupt_disable();
    sim_pins[pin].hdr = RT_NULL;
    sim_pins[pin].args = RT_NULL;
    sim_pins[pin].irq_on = 0;
    atomic_fetch_and(&sim_gpio_pending, ~(1ull << pin));
    rt_hw_interrupt_enable(level);
    return RT_EOK;
}

static rt_err_t sim_gpio_irq_enable(struct rt_device *dev, rt_base_t pin, rt_uint8_t enabled)
{
    struct sim_pin *p;
    rt_base_t level;
    int fire = 0;

    if (!sim_pin_ok(pin) || enabled > PIN_IRQ_ENABLE)
        return -RT_EINVAL;
    p = &sim_pins[pin];
    level = rt_hw_interrupt_disable();
    if (p->hdr == RT_NULL) {
        rt_hw_interrupt_enable(level);
        return -RT_EINVAL;
    }
    p->irq_on = enabled;
    /* A level interrupt enabled while its level holds fires at once, as on hardware. */
    if (enabled && ((p->irq_mode == PIN_IRQ_MODE_HIGH_LEVEL && sim_pin_level(p) == PIN_HIGH) ||
                    (p->irq_mode == PIN_IRQ_MODE_LOW_LEVEL && sim_pin_level(p) == PIN_LOW))) {
        atomic_fetch_or(&sim_gpio_pending, 1ull << pin);
        fire = 1;
    }
    rt_hw_interrupt_enable(level);
    if (fire)
        sim_irq_raise(SIM_IRQ_GPIO);
    return RT_EOK;
}

rt_base_t sim_gpio_pin(const char *name)
{
    int port, n = 0;

    if (name == RT_NULL || (name[0] != 'P' && name[0] != 'p'))
        return -RT_EINVAL;
    port = (name[1] >= 'a' && name[1] <= 'z') ? name[1] - 'a' : name[1] - 'A';
    if (port < 0 || port >= SIM_GPIO_PINS / 16)
        return -RT_EINVAL;
    name += 2;
    if (*name < '0' || *name > '9')
        return -RT_EINVAL;
    while (*name >= '0' && *name <= '9' && n < 16)
        n = n * 10 + (*name++ - '0');
    if (*name != '\0' || n >= 16)
        return -RT_EINVAL;
    return port * 16 + n;
}

static const struct rt_pin_ops sim_gpio_ops = {
    sim_gpio_op_mode,    sim_gpio_op_write,   sim_gpio_op_read, sim_gpio_attach_irq,
    sim_gpio_detach_irq, sim_gpio_irq_enable, sim_gpio_pin,
};

/* ---- test API (sim_gpio.h) ---- */

rt_err_t sim_gpio_drive(rt_base_t pin, int level)
{
    if (!sim_pin_ok(pin) || level < SIM_GPIO_RELEASE || level > PIN_HIGH)
        return -RT_EINVAL;
    /* A host thread must not touch the simulated CPU's interrupt mask: hand the drive to
     * an interrupt instead. */
    if (!sim_is_rt_thread())
        return sim_gpio_queue_drive(pin, level);
    sim_pin_update(pin, SIM_SET_DRIVE, level);
    return RT_EOK;
}

int sim_gpio_level(rt_base_t pin)
{
    return sim_pin_ok(pin) ? sim_pin_level(&sim_pins[pin]) : -RT_EINVAL;
}

int sim_gpio_output(rt_base_t pin)
{
    return sim_pin_ok(pin) ? sim_pin_output(&sim_pins[pin]) : -RT_EINVAL;
}

int sim_gpio_mode(rt_base_t pin)
{
    return sim_pin_ok(pin) ? sim_pins[pin].mode : -RT_EINVAL;
}

long sim_gpio_irq_count(rt_base_t pin)
{
    return sim_pin_ok(pin) ? sim_pins[pin].irq_count : -RT_EINVAL;
}

void sim_gpio_host_start(void)
{
    if (sim_opts.gpio_log == RT_NULL)
        return;
    sim_gpio_log_fd = open(sim_opts.gpio_log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    if (sim_gpio_log_fd < 0)
        rt_kprintf("rtthread-sim: cannot open GPIO log '%s'\n", sim_opts.gpio_log);
}

static int sim_gpio_init(void)
{
    for (int i = 0; i < SIM_GPIO_PINS; i++) {
        sim_pins[i].mode = -1;
        sim_pins[i].drive = SIM_GPIO_RELEASE;
    }
    rt_hw_interrupt_install(SIM_IRQ_GPIO, sim_gpio_isr, RT_NULL, "gpio");
    return rt_device_pin_register("pin", &sim_gpio_ops, RT_NULL);
}
INIT_BOARD_EXPORT(sim_gpio_init);

/* ---- msh command ---- */
#ifdef RT_USING_FINSH

static const char *const sim_mode_names[] = {"output", "input", "input_pullup", "input_pulldown",
                                             "output_od"};
static const char *const sim_irq_names[] = {"rising", "falling", "both", "high", "low"};

static void simpin_show_pin(rt_base_t pin)
{
    const struct sim_pin *p = &sim_pins[pin];
    char name[8], out = '-', drv = 'z';

    sim_pin_format(pin, name);
    if (sim_pin_output(p) >= 0)
        out = (char)('0' + sim_pin_output(p));
    if (p->drive != SIM_GPIO_RELEASE)
        drv = (char)('0' + p->drive);
    rt_kprintf("%-5s %-14s %d     %c      %c     ", name,
               p->mode >= 0 ? sim_mode_names[p->mode] : "-", sim_pin_level(p), out, drv);
    if (p->hdr != RT_NULL)
        rt_kprintf("%s %s %ld\n", sim_irq_names[p->irq_mode], p->irq_on ? "on" : "off",
                   p->irq_count);
    else
        rt_kprintf("-\n");
}

static void simpin_show(void)
{
    rt_kprintf("pin   mode           level output drive irq\n");
    for (rt_base_t pin = 0; pin < SIM_GPIO_PINS; pin++) {
        const struct sim_pin *p = &sim_pins[pin];

        if (p->mode >= 0 || p->drive != SIM_GPIO_RELEASE || p->hdr != RT_NULL)
            simpin_show_pin(pin);
    }
}

static int simpin_usage(void)
{
    rt_kprintf("usage: simpin drive <pin> <0|1|z>   drive an input (z: release)\n"
               "       simpin get <pin>             print the pin level\n"
               "       simpin show                  list configured pins\n"
               "pins: PA0..PD15\n");
    return -RT_EINVAL;
}

static int simpin_drive(const char *name, const char *value)
{
    rt_base_t pin = sim_gpio_pin(name);
    int level;

    if (pin < 0) {
        rt_kprintf("simpin: bad pin '%s' (PA0..PD15)\n", name);
        return -RT_EINVAL;
    }
    if (rt_strcmp(value, "0") == 0)
        level = PIN_LOW;
    else if (rt_strcmp(value, "1") == 0)
        level = PIN_HIGH;
    else if (rt_strcmp(value, "z") == 0 || rt_strcmp(value, "Z") == 0)
        level = SIM_GPIO_RELEASE;
    else
        return simpin_usage();
    return sim_gpio_drive(pin, level);
}

static int simpin(int argc, char **argv)
{
    rt_base_t pin;

    if (argc == 2 && rt_strcmp(argv[1], "show") == 0) {
        simpin_show();
        return 0;
    }
    if (argc == 4 && rt_strcmp(argv[1], "drive") == 0)
        return simpin_drive(argv[2], argv[3]);
    if (argc != 3 || rt_strcmp(argv[1], "get") != 0)
        return simpin_usage();
    pin = sim_gpio_pin(argv[2]);
    if (pin < 0) {
        rt_kprintf("simpin: bad pin '%s' (PA0..PD15)\n", argv[2]);
        return -RT_EINVAL;
    }
    rt_kprintf("%s = %d\n", argv[2], sim_gpio_level(pin));
    return 0;
}
MSH_CMD_EXPORT(simpin, drive and inspect the virtual GPIO pins of the sim board);

#endif /* RT_USING_FINSH */
