/* USART1 console on RT-Thread's serial device model: interrupt-driven receive, polled send. */
#include <rthw.h>
#include <rtthread.h>
#include <rtdevice.h>
#include "board.h"
#include "cpuport.h"

#define USART_SR           REG32(USART1_BASE + 0x00)
#define USART_DR           REG32(USART1_BASE + 0x04)
#define USART_BRR          REG32(USART1_BASE + 0x08)
#define USART_CR1          REG32(USART1_BASE + 0x0C)
#define USART_CR2          REG32(USART1_BASE + 0x10)
#define USART_CR3          REG32(USART1_BASE + 0x14)

#define SR_ORE             (1u << 3)
#define SR_RXNE            (1u << 5)
#define SR_TXE             (1u << 7)
#define CR1_RE             (1u << 2)
#define CR1_TE             (1u << 3)
#define CR1_PCE            (1u << 10)
#define CR1_M              (1u << 12)
#define CR1_UE             (1u << 13)
#define CR1_RXNEIE         (1u << 5)
#define CR2_STOP_2         (2u << 12)
#define CR1_PS             (1u << 9)

#define GPIOA              0
#define USART_IRQ_PRIORITY 8

static struct rt_serial_device usart1_serial;
static rt_ssize_t (*usart_framework_read)(rt_device_t dev, rt_off_t pos, void *buffer,
                                          rt_size_t size);
/* The RX ring was full: the USART interrupt is masked and a byte waits in DR. */
static volatile rt_bool_t usart_rx_held;

/* PA9 (TX) and PA10 (RX) in alternate function 7, the USART1 pins of the Netduino Plus 2. */
static void usart_pins_init(void)
{
    RCC_AHB1ENR |= 1u << 0; /* GPIOAEN */
    GPIO_AFRH(GPIOA) = (GPIO_AFRH(GPIOA) & ~(0xFFu << 4)) | (7u << 4) | (7u << 8);
    GPIO_MODER(GPIOA) = (GPIO_MODER(GPIOA) & ~(0xFu << 18)) | (2u << 18) | (2u << 20);
    GPIO_PUPDR(GPIOA) = (GPIO_PUPDR(GPIOA) & ~(0xFu << 18)) | (1u << 20); /* pull-up on RX */
}

static void usart_set_baud(rt_uint32_t baud)
{
    /* Oversampling by 16: BRR = fPCLK / baud, rounded, as mantissa.fraction in 1/16. */
    USART_BRR = (BOARD_PCLK2_HZ + baud / 2) / baud;
}

void board_uart_early_init(void)
{
    RCC_APB2ENR |= 1u << 4; /* USART1EN */
    usart_pins_init();
    usart_set_baud(115200);
    USART_CR2 = 0;
    USART_CR3 = 0;
    USART_CR1 = CR1_UE | CR1_TE | CR1_RE;
}

void board_uart_putc(char c)
{
    while (!(USART_SR & SR_TXE)) {
    }
    USART_DR = (rt_uint8_t)c;
}

int rt_hw_console_getchar(void)
{
    if (USART_SR & SR_RXNE) {
        return (int)(USART_DR & 0xFF);
    }
    return -1;
}

static rt_err_t usart_configure(struct rt_serial_device *serial, struct serial_configure *cfg)
{
    rt_uint32_t cr1 = CR1_UE | CR1_TE | CR1_RE | (USART_CR1 & CR1_RXNEIE);
    rt_uint32_t cr2 = 0;

    if (cfg->baud_rate == 0 || cfg->data_bits < DATA_BITS_7 || cfg->data_bits > DATA_BITS_8) {
        return -RT_EINVAL;
    }
    /* The parity bit is counted in the word length (M): 8 data bits + parity need M=1. */
    if (cfg->parity != PARITY_NONE) {
        cr1 |= CR1_PCE | (cfg->parity == PARITY_ODD ? CR1_PS : 0);
        if (cfg->data_bits == DATA_BITS_8) {
            cr1 |= CR1_M;
        }
    } else if (cfg->data_bits == DATA_BITS_7) {
        return -RT_EINVAL; /* 7 data bits without parity is not a hardware frame format */
    }
    if (cfg->stop_bits == STOP_BITS_2) {
        cr2 |= CR2_STOP_2;
    } else if (cfg->stop_bits != STOP_BITS_1) {
        return -RT_EINVAL;
    }
    USART_CR1 = 0;
    usart_set_baud(cfg->baud_rate);
    USART_CR2 = cr2;
    USART_CR1 = cr1;
    return RT_EOK;
}

static rt_err_t usart_control(struct rt_serial_device *serial, int cmd, void *arg)
{
    switch (cmd) {
    case RT_DEVICE_CTRL_SET_INT:
        rt_hw_interrupt_set_priority(USART1_IRQn, USART_IRQ_PRIORITY);
        USART_CR1 |= CR1_RXNEIE;
        usart_rx_held = RT_FALSE;
        rt_hw_interrupt_umask(USART1_IRQn);
        return RT_EOK;
    case RT_DEVICE_CTRL_CLR_INT:
        rt_hw_interrupt_mask(USART1_IRQn);
        USART_CR1 &= ~CR1_RXNEIE;
        return RT_EOK;
    default: return -RT_EINVAL;
    }
}

static int usart_putc(struct rt_serial_device *serial, char c)
{
    board_uart_putc(c);
    return 1;
}

/*
 * RX flow control. The serial framework overwrites the oldest byte when its ring is full;
 * instead, leave the byte in DR and mask the interrupt until a reader makes room. QEMU does
 * not deliver the next byte while RXNE is set, so a fast paste loses nothing (real silicon
 * would see an overrun, there is no RTS line on this board).
 */
static rt_bool_t usart_rx_ring_full(struct rt_serial_device *serial)
{
    struct rt_serial_rx_fifo *fifo = serial->serial_rx;

    return fifo != RT_NULL && fifo->is_full;
}

static rt_ssize_t usart_read(rt_device_t dev, rt_off_t pos, void *buffer, rt_size_t size)
{
    rt_ssize_t n = usart_framework_read(dev, pos, buffer, size);
    rt_base_t level = rt_hw_interrupt_disable();

    if (usart_rx_held && n > 0) {
        usart_rx_held = RT_FALSE;
        rt_hw_interrupt_umask(USART1_IRQn); /* the waiting byte is taken at once */
    }
    rt_hw_interrupt_enable(level);
    return n;
}

static int usart_getc(struct rt_serial_device *serial)
{
    rt_uint32_t sr = USART_SR;

    if ((sr & SR_RXNE) && usart_rx_ring_full(serial)) {
        usart_rx_held = RT_TRUE;
        rt_hw_interrupt_mask(USART1_IRQn);
        return -1;
    }

    if (sr & (SR_RXNE | SR_ORE)) {
        /* Reading DR after SR also clears an overrun. */
        rt_uint32_t data = USART_DR & 0xFF;

        if (sr & SR_RXNE) {
            return (int)data;
        }
    }
    return -1;
}

static const struct rt_uart_ops usart_ops = {
    .configure = usart_configure,
    .control = usart_control,
    .putc = usart_putc,
    .getc = usart_getc,
};

void USART1_IRQHandler(void)
{
    rt_interrupt_enter();
    if (USART_SR & (SR_RXNE | SR_ORE)) {
        rt_hw_serial_isr(&usart1_serial, RT_SERIAL_EVENT_RX_IND);
    }
    rt_interrupt_leave();
}

/* Interpose usart_read() on the framework's read, so reads can release held input. */
static void usart_wrap_read(rt_device_t dev)
{
#ifdef RT_USING_DEVICE_OPS
    static struct rt_device_ops ops;

    ops = *dev->ops;
    usart_framework_read = ops.read;
    ops.read = usart_read;
    dev->ops = &ops;
#else
    usart_framework_read = dev->read;
    dev->read = usart_read;
#endif
}

static int rt_hw_usart_init(void)
{
    struct serial_configure cfg = RT_SERIAL_CONFIG_DEFAULT;

    rt_err_t err;

    usart1_serial.ops = &usart_ops;
    usart1_serial.config = cfg;
    err = rt_hw_serial_register(&usart1_serial, "uart1",
                                RT_DEVICE_FLAG_RDWR | RT_DEVICE_FLAG_INT_RX, RT_NULL);
    if (err == RT_EOK) {
        usart_wrap_read(&usart1_serial.parent);
    }
    return err;
}
INIT_BOARD_EXPORT(rt_hw_usart_init);
