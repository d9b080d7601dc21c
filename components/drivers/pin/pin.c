/* Pin framework: the "pin" device and the rt_pin_* calls, forwarding to the board driver. */
#include <rtthread.h>
#include <rtdevice.h>

#ifdef RT_USING_PIN

static struct rt_device_pin pin_dev;
static rt_bool_t pin_registered;

static const struct rt_pin_ops *pin_ops(void)
{
    return pin_registered ? pin_dev.ops : RT_NULL;
}

/* Device interface: read/write take struct rt_device_pin_value, control a pin_mode. */
static rt_ssize_t pin_dev_read(rt_device_t dev, rt_off_t pos, void *buffer, rt_size_t size)
{
    struct rt_device_pin_value *v = (struct rt_device_pin_value *)buffer;
    rt_ssize_t level;

    if (v == RT_NULL || size != sizeof(*v))
        return 0;
    level = pin_dev.ops->pin_read(dev, v->pin);
    if (level < 0)
        return level;
    v->value = (rt_uint8_t)level;
    return (rt_ssize_t)size;
}

static rt_ssize_t pin_dev_write(rt_device_t dev, rt_off_t pos, const void *buffer, rt_size_t size)
{
    const struct rt_device_pin_value *v = (const struct rt_device_pin_value *)buffer;

    if (v == RT_NULL || size != sizeof(*v))
        return 0;
    pin_dev.ops->pin_write(dev, v->pin, v->value);
    return (rt_ssize_t)size;
}

static rt_err_t pin_dev_control(rt_device_t dev, int cmd, void *args)
{
    struct rt_device_pin_mode *m = (struct rt_device_pin_mode *)args;

    if (m == RT_NULL)
        return -RT_EINVAL;
    pin_dev.ops->pin_mode(dev, m->pin, m->mode);
    return RT_EOK;
}

#ifdef RT_USING_DEVICE_OPS
static const struct rt_device_ops pin_dev_ops = {
    RT_NULL, RT_NULL, RT_NULL, pin_dev_read, pin_dev_write, pin_dev_control,
};
#endif

int rt_device_pin_register(const char *name, const struct rt_pin_ops *ops, void *user_data)
{
    rt_err_t err;

    if (name == RT_NULL || ops == RT_NULL || ops->pin_mode == RT_NULL ||
        ops->pin_write == RT_NULL || ops->pin_read == RT_NULL)
        return -RT_EINVAL;
    if (pin_registered)
        return -RT_EBUSY;
    pin_dev.parent.type = RT_Device_Class_Pin;
    pin_dev.parent.rx_indicate = RT_NULL;
    pin_dev.parent.tx_complete = RT_NULL;
#ifdef RT_USING_DEVICE_OPS
    pin_dev.parent.ops = &pin_dev_ops;
#else
    pin_dev.parent.init = RT_NULL;
    pin_dev.parent.open = RT_NULL;
    pin_dev.parent.close = RT_NULL;
    pin_dev.parent.read = pin_dev_read;
    pin_dev.parent.write = pin_dev_write;
    pin_dev.parent.control = pin_dev_control;
#endif
    pin_dev.parent.user_data = user_data;
    pin_dev.ops = ops;
    err = rt_device_register(&pin_dev.parent, name, RT_DEVICE_FLAG_RDWR);
    if (err == RT_EOK)
        pin_registered = RT_TRUE;
    return err;
}

void rt_pin_mode(rt_base_t pin, rt_uint8_t mode)
{
    const struct rt_pin_ops *ops = pin_ops();

    if (ops != RT_NULL)
        ops->pin_mode(&pin_dev.parent, pin, mode);
}

void rt_pin_write(rt_base_t pin, rt_ssize_t value)
{
    const struct rt_pin_ops *ops = pin_ops();

    if (ops != RT_NULL)
        ops->pin_write(&pin_dev.parent, pin, (rt_uint8_t)value);
}

rt_ssize_t rt_pin_read(rt_base_t pin)
{
    const struct rt_pin_ops *ops = pin_ops();

    if (ops == RT_NULL)
        return -RT_ENOSYS;
    return ops->pin_read(&pin_dev.parent, pin);
}

rt_base_t rt_pin_get(const char *name)
{
    const struct rt_pin_ops *ops = pin_ops();

    if (name == RT_NULL || (name[0] != 'P' && name[0] != 'p'))
        return -RT_EINVAL;
    if (ops == RT_NULL || ops->pin_get == RT_NULL)
        return -RT_ENOSYS;
    return ops->pin_get(name);
}

rt_err_t rt_pin_attach_irq(rt_base_t pin, rt_uint8_t mode, void (*hdr)(void *args), void *args)
{
    const struct rt_pin_ops *ops = pin_ops();

    if (hdr == RT_NULL)
        return -RT_EINVAL;
    if (ops == RT_NULL || ops->pin_attach_irq == RT_NULL)
        return -RT_ENOSYS;
    return ops->pin_attach_irq(&pin_dev.parent, pin, mode, hdr, args);
}

rt_err_t rt_pin_detach_irq(rt_base_t pin)
{
    const struct rt_pin_ops *ops = pin_ops();

    if (ops == RT_NULL || ops->pin_detach_irq == RT_NULL)
        return -RT_ENOSYS;
    return ops->pin_detach_irq(&pin_dev.parent, pin);
}

rt_err_t rt_pin_irq_enable(rt_base_t pin, rt_uint8_t enabled)
{
    const struct rt_pin_ops *ops = pin_ops();

    if (ops == RT_NULL || ops->pin_irq_enable == RT_NULL)
        return -RT_ENOSYS;
    return ops->pin_irq_enable(&pin_dev.parent, pin, enabled);
}

#endif /* RT_USING_PIN */

#if defined(RT_USING_PIN) && defined(RT_USING_FINSH)
#include <finsh.h>

/* `pin` shell command, as in RT-Thread 5.1: pin num|mode|read|write. */
static const char *const pin_cmd_modes[] = {"output", "input", "input_pullup", "input_pulldown",
                                            "output_od"};

static rt_base_t pin_cmd_parse(const char *arg)
{
    rt_base_t pin = 0;

    if (arg[0] >= '0' && arg[0] <= '9') {
        for (; *arg >= '0' && *arg <= '9'; arg++)
            pin = pin * 10 + (*arg - '0');
        return *arg == '\0' ? pin : -RT_EINVAL;
    }
    return rt_pin_get(arg);
}

static int pin_cmd_usage(void)
{
    rt_kprintf("usage: pin num <name>            pin number of a name, e.g. PA5\n"
               "       pin mode <pin> <mode>     output, input, input_pullup, input_pulldown,"
               " output_od\n"
               "       pin read <pin>\n"
               "       pin write <pin> <level>   high/low or 1/0\n");
    return -RT_EINVAL;
}

static int pin_cmd_mode(rt_base_t pin, const char *mode)
{
    for (rt_uint8_t m = 0; m < sizeof(pin_cmd_modes) / sizeof(pin_cmd_modes[0]); m++) {
        if (rt_strcmp(mode, pin_cmd_modes[m]) == 0) {
            rt_pin_mode(pin, m);
            return 0;
        }
    }
    rt_kprintf("pin: unknown mode '%s'\n", mode);
    return -RT_EINVAL;
}

static int pin_cmd_write(rt_base_t pin, const char *level)
{
    if (rt_strcmp(level, "high") == 0 || rt_strcmp(level, "1") == 0)
        rt_pin_write(pin, PIN_HIGH);
    else if (rt_strcmp(level, "low") == 0 || rt_strcmp(level, "0") == 0)
        rt_pin_write(pin, PIN_LOW);
    else
        return pin_cmd_usage();
    return 0;
}

static int pin(int argc, char **argv)
{
    rt_base_t p;
    rt_ssize_t level;

    if (argc < 3)
        return pin_cmd_usage();
    p = pin_cmd_parse(argv[2]);
    if (p < 0) {
        rt_kprintf("pin: bad pin '%s'\n", argv[2]);
        return -RT_EINVAL;
    }
    if (argc == 3 && rt_strcmp(argv[1], "num") == 0) {
        rt_kprintf("%d\n", (int)p);
        return 0;
    }
    if (argc == 3 && rt_strcmp(argv[1], "read") == 0) {
        level = rt_pin_read(p);
        if (level < 0) {
            rt_kprintf("pin: cannot read '%s' (%d)\n", argv[2], (int)level);
            return (int)level;
        }
        rt_kprintf("%s = %s\n", argv[2], level == PIN_HIGH ? "high" : "low");
        return 0;
    }
    if (argc == 4 && rt_strcmp(argv[1], "mode") == 0)
        return pin_cmd_mode(p, argv[3]);
    if (argc == 4 && rt_strcmp(argv[1], "write") == 0)
        return pin_cmd_write(p, argv[3]);
    return pin_cmd_usage();
}
MSH_CMD_EXPORT(pin, pin[num | mode | read | write] operate GPIO pins);

#endif
