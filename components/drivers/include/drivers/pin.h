/* Pin framework (RT-Thread's PIN device): one board GPIO driver registers rt_pin_ops, the
 * application uses rt_pin_* with pin numbers from rt_pin_get("PA5") or the board's macros. */
#ifndef PIN_H__
#define PIN_H__

#include <rtthread.h>

#define PIN_NONE                    (-1)

#define PIN_LOW                     0x00
#define PIN_HIGH                    0x01

#define PIN_MODE_OUTPUT             0x00
#define PIN_MODE_INPUT              0x01
#define PIN_MODE_INPUT_PULLUP       0x02
#define PIN_MODE_INPUT_PULLDOWN     0x03
#define PIN_MODE_OUTPUT_OD          0x04

#define PIN_IRQ_MODE_RISING         0x00
#define PIN_IRQ_MODE_FALLING        0x01
#define PIN_IRQ_MODE_RISING_FALLING 0x02
#define PIN_IRQ_MODE_HIGH_LEVEL     0x03
#define PIN_IRQ_MODE_LOW_LEVEL      0x04

#define PIN_IRQ_DISABLE             0x00
#define PIN_IRQ_ENABLE              0x01

#define PIN_IRQ_PIN_NONE            PIN_NONE

struct rt_device_pin {
    struct rt_device parent;
    const struct rt_pin_ops *ops;
};

/* Arguments of the pin device's control (mode) and read/write (value) calls */
struct rt_device_pin_mode {
    rt_base_t pin;
    rt_uint8_t mode;
};

struct rt_device_pin_value {
    rt_base_t pin;
    rt_uint8_t value;
};

struct rt_pin_irq_hdr {
    rt_base_t pin;
    rt_uint8_t mode;
    void (*hdr)(void *args);
    void *args;
};

/* What a GPIO driver implements. pin_read returns PIN_LOW/PIN_HIGH or a negative error;
 * pin_get maps a name to a pin number or returns a negative error. */
struct rt_pin_ops {
    void (*pin_mode)(struct rt_device *device, rt_base_t pin, rt_uint8_t mode);
    void (*pin_write)(struct rt_device *device, rt_base_t pin, rt_uint8_t value);
    rt_ssize_t (*pin_read)(struct rt_device *device, rt_base_t pin);
    rt_err_t (*pin_attach_irq)(struct rt_device *device, rt_base_t pin, rt_uint8_t mode,
                               void (*hdr)(void *args), void *args);
    rt_err_t (*pin_detach_irq)(struct rt_device *device, rt_base_t pin);
    rt_err_t (*pin_irq_enable)(struct rt_device *device, rt_base_t pin, rt_uint8_t enabled);
    rt_base_t (*pin_get)(const char *name);
};

/**
 * Register the board's GPIO driver as device `name` (usually "pin"). Only one pin device
 * exists. Returns 0 (RT_EOK), -RT_EINVAL for a NULL name/ops, -RT_EBUSY if one is already
 * registered, or the device registration error. ISR: no.
 */
int rt_device_pin_register(const char *name, const struct rt_pin_ops *ops, void *user_data);

/* Set a pin's mode (PIN_MODE_*). Ignored without a pin driver. Thread context. */
void rt_pin_mode(rt_base_t pin, rt_uint8_t mode);
/* Set an output pin's level (PIN_LOW/PIN_HIGH). Ignored without a pin driver. ISR: yes. */
void rt_pin_write(rt_base_t pin, rt_ssize_t value);
/* Level of a pin: PIN_LOW/PIN_HIGH, or -RT_ENOSYS without a pin driver, or the driver's
 * negative error for a bad pin. ISR: yes. */
rt_ssize_t rt_pin_read(rt_base_t pin);
/* Pin number of a name such as "PA5"; -RT_EINVAL for a malformed or unknown name,
 * -RT_ENOSYS if the driver has no names or there is no pin driver. Thread context. */
rt_base_t rt_pin_get(const char *name);
/**
 * Attach `hdr(args)` to a pin interrupt with mode PIN_IRQ_MODE_*; the handler runs in ISR
 * context once enabled with rt_pin_irq_enable(). Returns RT_EOK, -RT_EINVAL (bad pin, mode or
 * NULL hdr), -RT_EBUSY (another handler attached), -RT_ENOSYS (no driver or no IRQ support).
 * Thread context.
 */
rt_err_t rt_pin_attach_irq(rt_base_t pin, rt_uint8_t mode, void (*hdr)(void *args), void *args);
/* Detach the pin's handler (disables it). RT_EOK, -RT_EINVAL, -RT_ENOSYS. Thread context. */
rt_err_t rt_pin_detach_irq(rt_base_t pin);
/* PIN_IRQ_ENABLE / PIN_IRQ_DISABLE the attached handler. RT_EOK, -RT_EINVAL (bad pin or
 * nothing attached), -RT_ENOSYS. ISR: yes. */
rt_err_t rt_pin_irq_enable(rt_base_t pin, rt_uint8_t enabled);

#endif /* PIN_H__ */
