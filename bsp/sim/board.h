/* Sim board internals shared by its files. */
#ifndef SIM_BOARD_H__
#define SIM_BOARD_H__

#include <rtthread.h>

/* Command-line options of rtthread-sim (startup.c). */
struct sim_options {
    const char *gpio_log;  /* --gpio-log FILE */
    const char *gpio_in;   /* --gpio-in FILE */
    const char *utest;     /* --utest[=PATTERN]: pattern, "" for all; RT_NULL if not given */
    rt_bool_t no_eof_exit; /* --no-eof-exit */
    const char *fs;        /* --fs DIR, RT_NULL for the default */
    rt_bool_t no_fs;       /* --no-fs */
};
extern struct sim_options sim_opts;

/* Console host side (drv_uart.c): terminal mode and the stdin reader thread. */
void sim_uart_host_start(void);
/* One byte of console input already received from the host, or -1. Any context. */
int sim_uart_host_getc(void);
/* Write bytes to the host's stdout, retrying partial writes. Any context. */
void sim_uart_host_write(const char *buf, rt_size_t len);

/* rt_hw_console_output: raw bytes, plus "\r" before "\n" on a raw-mode terminal. */
void sim_uart_console_output(const char *str);

/* Virtual GPIO host side (drv_gpio.c): open the --gpio-log file. */
void sim_gpio_host_start(void);
/* --gpio-in: install its interrupt, start the script reader (drv_gpio_in.c). */
void sim_gpio_in_start(void);
/* Queue a pin drive for the SIM_IRQ_GPIO_IN interrupt; host threads only (drv_gpio_in.c). */
rt_err_t sim_gpio_queue_drive(rt_base_t pin, int level);

#endif /* SIM_BOARD_H__ */
