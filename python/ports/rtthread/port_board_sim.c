/* Board facts of the host simulator for the machine module. */
#include <rtthread.h>

void py_port_unique_id(rt_uint8_t id[12]);
rt_uint32_t py_port_cpu_freq(void);

/* The simulator has no chip ID: a fixed, documented one ("rtlang-sim\0\0"). */
void py_port_unique_id(rt_uint8_t id[12])
{
    rt_memset(id, 0, 12);
    rt_memcpy(id, "rtlang-sim", 10);
}

rt_uint32_t py_port_cpu_freq(void)
{
    return 0; /* a host process has no fixed clock */
}
