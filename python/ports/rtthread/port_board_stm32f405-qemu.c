/* Board facts of the STM32F405 for the machine module. */
#include <rtthread.h>

void py_port_unique_id(rt_uint8_t id[12]);
rt_uint32_t py_port_cpu_freq(void);

#define STM32F4_CPU_HZ 168000000u /* SYSCLK the board configures */

/* The 96-bit unique device ID lives at 0x1FFF7A10 in system memory; QEMU's netduinoplus2
 * does not map that region (a read would fault), so the emulated board reports a fixed ID
 * built from the chip name. */
void py_port_unique_id(rt_uint8_t id[12])
{
    rt_memset(id, 0, 12);
    rt_memcpy(id, "STM32F405QEM", 12);
}

rt_uint32_t py_port_cpu_freq(void)
{
    return STM32F4_CPU_HZ;
}
