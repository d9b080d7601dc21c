/* Sim board: memory, init order, raw console and reset. */
#include <rthw.h>
#include <rtthread.h>
#include "board.h"
#include "sim.h"

#ifndef RT_SIM_HEAP_SIZE
#define RT_SIM_HEAP_SIZE (1024 * 1024)
#endif

#ifdef RT_USING_HEAP
static rt_uint8_t sim_heap[RT_SIM_HEAP_SIZE] __attribute__((aligned(16)));
#endif

void rt_hw_board_init(void)
{
    sim_cpu_init(); /* first: helper threads must inherit its signal mask */
    sim_uart_host_start();
    sim_gpio_host_start();
    sim_gpio_in_start();
#ifdef RT_USING_HEAP
    rt_system_heap_init(sim_heap, sim_heap + sizeof(sim_heap));
#endif
#ifdef RT_USING_COMPONENTS_INIT
    rt_components_board_init();
#endif
#ifdef RT_USING_CONSOLE
    rt_console_set_device(RT_CONSOLE_DEVICE_NAME);
#endif
}

void rt_hw_console_output(const char *str)
{
    sim_uart_console_output(str);
}

int rt_hw_console_getchar(void)
{
    /* the UART interrupt consumes the same host ring: keep it out meanwhile */
    rt_base_t level = rt_hw_interrupt_disable();
    int ch = sim_uart_host_getc();

    rt_hw_interrupt_enable(level);
    return ch;
}

void rt_hw_cpu_reset(void)
{
    sim_exit(0);
}

void rt_hw_cpu_shutdown(void)
{
    sim_exit(1);
}
