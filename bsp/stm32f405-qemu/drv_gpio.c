/* STM32F4 GPIO pin driver: RT-Thread pin numbering (GET_PIN), EXTI edge interrupts. */
#include <rthw.h>
#include <rtthread.h>
#include <rtdevice.h>
#include "board.h"
#include "drv_gpio.h"
#include "cpuport.h"

#define EXTI_BASE            0x40013C00u
#define EXTI_IMR             REG32(EXTI_BASE + 0x00)
#define EXTI_RTSR            REG32(EXTI_BASE + 0x08)
#define EXTI_FTSR            REG32(EXTI_BASE + 0x0C)
#define EXTI_PR              REG32(EXTI_BASE + 0x14)
#define SYSCFG_EXTICR(i)     REG32(0x40013808u + 4u * (i))
#define RCC_APB2ENR_SYSCFGEN (1u << 14)

#define PIN_PORT(pin)        ((rt_uint32_t)(pin) >> 4)
#define PIN_NO(pin)          ((rt_uint32_t)(pin)&0xFu)
#define PIN_VALID(pin)       ((pin) >= 0 && PIN_PORT(pin) < GPIO_PORT_COUNT)
#define EXTI_PRIORITY        10

struct gpio_irq {
    rt_base_t pin; /* -1: line free */
    rt_uint8_t mode;
    void (*hdr)(void *args);
    void *args;
};

static struct gpio_irq gpio_irqs[16];

static const rt_uint8_t gpio_exti_irqn[16] = {6,  7,  8,  9,  10, 23, 23, 23,
                                              23, 23, 40, 40, 40, 40, 40, 40};

/* Replace the `width`-bit field of pin `no` in a register, preserving the other pins. */
static void gpio_field(volatile rt_uint32_t *reg, rt_uint32_t no, rt_uint32_t width,
                       rt_uint32_t value)
{
    rt_uint32_t shift = no * width, mask = ((1u << width) - 1) << shift;

    *reg = (*reg & ~mask) | (value << shift);
}

static void gpio_pin_mode(struct rt_device *dev, rt_base_t pin, rt_uint8_t mode)
{
    rt_uint32_t port = PIN_PORT(pin), no = PIN_NO(pin);
    rt_uint32_t moder = 0, otype = 0, pupd = 0;
    rt_base_t level;

    if (!PIN_VALID(pin)) {
        return;
    }
    switch (mode) {
    case PIN_MODE_OUTPUT: moder = 1; break;
    case PIN_MODE_OUTPUT_OD: moder = 1, otype = 1; break;
    case PIN_MODE_INPUT: break;
    case PIN_MODE_INPUT_PULLUP: pupd = 1; break;
    case PIN_MODE_INPUT_PULLDOWN: pupd = 2; break;
    default: return;
    }
    level = rt_hw_interrupt_disable();
    RCC_AHB1ENR |= 1u << port;
    gpio_field(&GPIO_OTYPER(port), no, 1, otype);
    gpio_field(&GPIO_PUPDR(port), no, 2, pupd);
    gpio_field(&GPIO_MODER(port), no, 2, moder);
    rt_hw_interrupt_enable(level);
}

static void gpio_pin_write(struct rt_device *dev, rt_base_t pin, rt_uint8_t value)
{
    if (!PIN_VALID(pin)) {
        return;
    }
    /* BSRR sets (low half) or resets (high half) atomically: no read-modify-write. */
    GPIO_BSRR(PIN_PORT(pin)) = value ? 1u << PIN_NO(pin) : 1u << (PIN_NO(pin) + 16);
}

static rt_ssize_t gpio_pin_read(struct rt_device *dev, rt_base_t pin)
{
    if (!PIN_VALID(pin)) {
        return -RT_EINVAL;
    }
    return (GPIO_IDR(PIN_PORT(pin)) >> PIN_NO(pin)) & 1u ? PIN_HIGH : PIN_LOW;
}

rt_base_t stm32_pin_parse(const char *name)
{
    rt_uint32_t port, no = 0;
    const char *p;

    if (name == RT_NULL || (name[0] != 'P' && name[0] != 'p')) {
        return -RT_EINVAL;
    }
    port = (rt_uint32_t)((name[1] | 0x20) - 'a');
    if (name[1] == '\0' || port >= GPIO_PORT_COUNT) {
        return -RT_EINVAL;
    }
    p = name[2] == '.' ? name + 3 : name + 2; /* "PA5" and RT-Thread's "PA.5" */
    if (*p == '\0' || rt_strlen(p) > 2) {
        return -RT_EINVAL;
    }
    for (; *p != '\0'; p++) {
        if (*p < '0' || *p > '9') {
            return -RT_EINVAL;
        }
        no = no * 10 + (rt_uint32_t)(*p - '0');
    }
    return no < 16 ? (rt_base_t)GET_PIN_NO(port, no) : -RT_EINVAL;
}

static rt_base_t gpio_pin_get(const char *name)
{
    return stm32_pin_parse(name);
}

static rt_err_t gpio_attach_irq(struct rt_device *dev, rt_base_t pin, rt_uint8_t mode,
                                void (*hdr)(void *args), void *args)
{
    struct gpio_irq *irq;
    rt_base_t level;
    rt_err_t err = RT_EOK;

    if (!PIN_VALID(pin) || hdr == RT_NULL) {
        return -RT_EINVAL;
    }
    /* EXTI only detects edges. */
    if (mode != PIN_IRQ_MODE_RISING && mode != PIN_IRQ_MODE_FALLING &&
        mode != PIN_IRQ_MODE_RISING_FALLING) {
        return -RT_EINVAL;
    }
    irq = &gpio_irqs[PIN_NO(pin)];
    level = rt_hw_interrupt_disable();
    if (irq->hdr != RT_NULL && irq->pin != pin) {
        err = -RT_EBUSY; /* one EXTI line per pin number, shared by all ports */
    } else {
        irq->pin = pin;
        irq->mode = mode;
        irq->hdr = hdr;
        irq->args = args;
    }
    rt_hw_interrupt_enable(level);
    return err;
}

static rt_err_t gpio_detach_irq(struct rt_device *dev, rt_base_t pin)
{
    struct gpio_irq *irq;
    rt_base_t level;

    if (!PIN_VALID(pin)) {
        return -RT_EINVAL;
    }
    irq = &gpio_irqs[PIN_NO(pin)];
    level = rt_hw_interrupt_disable();
    if (irq->pin == pin) {
        EXTI_IMR &= ~(1u << PIN_NO(pin));
        irq->hdr = RT_NULL;
        irq->pin = -1;
    }
    rt_hw_interrupt_enable(level);
    return RT_EOK;
}

static void gpio_exti_enable(rt_base_t pin, rt_uint8_t mode)
{
    rt_uint32_t no = PIN_NO(pin), bit = 1u << no;

    RCC_APB2ENR |= RCC_APB2ENR_SYSCFGEN;
    gpio_field(&SYSCFG_EXTICR(no / 4), no % 4, 4, PIN_PORT(pin));
    EXTI_RTSR = mode != PIN_IRQ_MODE_FALLING ? EXTI_RTSR | bit : EXTI_RTSR & ~bit;
    EXTI_FTSR = mode != PIN_IRQ_MODE_RISING ? EXTI_FTSR | bit : EXTI_FTSR & ~bit;
    EXTI_PR = bit;
    EXTI_IMR |= bit;
    rt_hw_interrupt_set_priority(gpio_exti_irqn[no], EXTI_PRIORITY);
    rt_hw_interrupt_umask(gpio_exti_irqn[no]);
}

static rt_err_t gpio_irq_enable(struct rt_device *dev, rt_base_t pin, rt_uint8_t enabled)
{
    struct gpio_irq *irq;
    rt_base_t level;
    rt_err_t err = RT_EOK;

    if (!PIN_VALID(pin)) {
        return -RT_EINVAL;
    }
    irq = &gpio_irqs[PIN_NO(pin)];
    level = rt_hw_interrupt_disable();
    if (irq->pin != pin || irq->hdr == RT_NULL) {
        err = -RT_ENOSYS; /* RT-Thread's answer for "no handler attached" */
    } else if (enabled == PIN_IRQ_ENABLE) {
        gpio_pin_mode(dev, pin, PIN_MODE_INPUT);
        gpio_exti_enable(pin, irq->mode);
    } else {
        EXTI_IMR &= ~(1u << PIN_NO(pin));
    }
    rt_hw_interrupt_enable(level);
    return err;
}

/* One handler for all EXTI vectors: serve every pending, unmasked line. */
void EXTI_IRQHandler(void)
{
    rt_uint32_t pending;

    rt_interrupt_enter();
    pending = EXTI_PR & EXTI_IMR;
    EXTI_PR = pending;
    for (rt_uint32_t no = 0; no < 16; no++) {
        if ((pending & (1u << no)) && gpio_irqs[no].hdr != RT_NULL) {
            gpio_irqs[no].hdr(gpio_irqs[no].args);
        }
    }
    rt_interrupt_leave();
}

static const struct rt_pin_ops gpio_ops = {
    .pin_mode = gpio_pin_mode,
    .pin_write = gpio_pin_write,
    .pin_read = gpio_pin_read,
    .pin_attach_irq = gpio_attach_irq,
    .pin_detach_irq = gpio_detach_irq,
    .pin_irq_enable = gpio_irq_enable,
    .pin_get = gpio_pin_get,
};

static int rt_hw_pin_init(void)
{
    for (int i = 0; i < 16; i++) {
        gpio_irqs[i].pin = -1;
    }
    return rt_device_pin_register("pin", &gpio_ops, RT_NULL);
}
INIT_BOARD_EXPORT(rt_hw_pin_init);
