/* Serial framework, RT-Thread's v1 model: a UART driver supplies rt_uart_ops and reports
 * received bytes with rt_hw_serial_isr(); the framework is the rt_device the application uses.
 *
 * Supported open modes: polling TX, polling RX, and interrupt-driven RX into a ring buffer
 * (RT_DEVICE_FLAG_INT_RX). INT_TX and the DMA modes fall back to polling TX / are refused
 * (rt_device_open returns -RT_EIO for DMA_RX). */
#ifndef SERIAL_H__
#define SERIAL_H__

#include <rtthread.h>

#define BAUD_RATE_2400    2400
#define BAUD_RATE_4800    4800
#define BAUD_RATE_9600    9600
#define BAUD_RATE_19200   19200
#define BAUD_RATE_38400   38400
#define BAUD_RATE_57600   57600
#define BAUD_RATE_115200  115200
#define BAUD_RATE_230400  230400
#define BAUD_RATE_460800  460800
#define BAUD_RATE_500000  500000
#define BAUD_RATE_921600  921600
#define BAUD_RATE_2000000 2000000
#define BAUD_RATE_2500000 2500000
#define BAUD_RATE_3000000 3000000

#define DATA_BITS_5       5
#define DATA_BITS_6       6
#define DATA_BITS_7       7
#define DATA_BITS_8       8
#define DATA_BITS_9       9

#define STOP_BITS_1       0
#define STOP_BITS_2       1
#define STOP_BITS_3       2
#define STOP_BITS_4       3

#define PARITY_NONE       0
#define PARITY_ODD        1
#define PARITY_EVEN       2

#define BIT_ORDER_LSB     0
#define BIT_ORDER_MSB     1

#define NRZ_NORMAL        0 /* non-return-to-zero, normal mode */
#define NRZ_INVERTED      1 /* inverted mode */

#ifndef RT_SERIAL_RB_BUFSZ
#define RT_SERIAL_RB_BUFSZ 64
#endif

/* Events a driver reports with rt_hw_serial_isr() */
#define RT_SERIAL_EVENT_RX_IND       0x01 /* bytes can be read with ops->getc */
#define RT_SERIAL_EVENT_TX_DONE      0x02
#define RT_SERIAL_EVENT_RX_DMADONE   0x03
#define RT_SERIAL_EVENT_TX_DMADONE   0x04
#define RT_SERIAL_EVENT_RX_TIMEOUT   0x05

#define RT_SERIAL_DMA_RX             0x01
#define RT_SERIAL_DMA_TX             0x02

#define RT_SERIAL_RX_INT             0x01
#define RT_SERIAL_TX_INT             0x02

#define RT_SERIAL_ERR_OVERRUN        0x01
#define RT_SERIAL_ERR_FRAMING        0x02
#define RT_SERIAL_ERR_PARITY         0x03

#define RT_SERIAL_TX_DATAQUEUE_SIZE  2048
#define RT_SERIAL_TX_DATAQUEUE_LWM   30

#define RT_SERIAL_FLOWCONTROL_CTSRTS 1
#define RT_SERIAL_FLOWCONTROL_NONE   0

/* Default config: 115200 8N1, LSB first, normal mode, RT_SERIAL_RB_BUFSZ receive buffer */
#define RT_SERIAL_CONFIG_DEFAULT                                                            \
    {                                                                                       \
        BAUD_RATE_115200, DATA_BITS_8, STOP_BITS_1, PARITY_NONE, BIT_ORDER_LSB, NRZ_NORMAL, \
            RT_SERIAL_RB_BUFSZ, RT_SERIAL_FLOWCONTROL_NONE, 0                               \
    }

struct serial_configure {
    rt_uint32_t baud_rate;
    rt_uint32_t data_bits : 4;
    rt_uint32_t stop_bits : 2;
    rt_uint32_t parity : 2;
    rt_uint32_t bit_order : 1;
    rt_uint32_t invert : 1;
    rt_uint32_t bufsz : 16;
    rt_uint32_t flowcontrol : 1;
    rt_uint32_t reserved : 5;
};

/* Receive ring of the INT_RX mode (allocated at open, `bufsz` bytes). */
struct rt_serial_rx_fifo {
    rt_uint8_t *buffer;
    rt_uint16_t put_index, get_index;
    rt_bool_t is_full;
};

struct rt_serial_device {
    struct rt_device parent;

    const struct rt_uart_ops *ops;
    struct serial_configure config;

    void *serial_rx; /* struct rt_serial_rx_fifo * while open in INT_RX mode */
    void *serial_tx;

    struct rt_device_notify rx_notify;
};
typedef struct rt_serial_device rt_serial_t;

/* What a UART driver implements. configure: apply cfg (baud, framing); control:
 * RT_DEVICE_CTRL_SET_INT / RT_DEVICE_CTRL_CLR_INT with arg RT_DEVICE_FLAG_INT_RX switch the
 * receive interrupt, other commands are driver specific; putc: send one byte, waiting while
 * the transmitter is busy, returns 1; getc: one received byte (0..255) or -1 when none. */
struct rt_uart_ops {
    rt_err_t (*configure)(struct rt_serial_device *serial, struct serial_configure *cfg);
    rt_err_t (*control)(struct rt_serial_device *serial, int cmd, void *arg);

    int (*putc)(struct rt_serial_device *serial, char c);
    int (*getc)(struct rt_serial_device *serial);

    rt_ssize_t (*dma_transmit)(struct rt_serial_device *serial, rt_uint8_t *buf, rt_size_t size,
                               int direction);
};

/**
 * Report a UART event from the driver's interrupt handler. RT_SERIAL_EVENT_RX_IND drains
 * ops->getc into the receive ring (dropping the oldest bytes when it is full) and then calls
 * the device's rx_indicate with the number of bytes waiting. Other events are accepted and
 * ignored (no INT_TX/DMA support). ISR: yes (that is its purpose); also thread context.
 */
void rt_hw_serial_isr(struct rt_serial_device *serial, int event);

/**
 * Register a UART as device `name`. `flag` is the RT_DEVICE_FLAG_* set the hardware supports
 * (e.g. RT_DEVICE_FLAG_RDWR | RT_DEVICE_FLAG_INT_RX); `data` becomes parent.user_data. The
 * driver must have set serial->ops and serial->config. Returns RT_EOK, -RT_EINVAL for missing
 * arguments or ops, -RT_ERROR if the name is taken. ISR: no.
 */
rt_err_t rt_hw_serial_register(struct rt_serial_device *serial, const char *name, rt_uint32_t flag,
                               void *data);

#endif /* SERIAL_H__ */
