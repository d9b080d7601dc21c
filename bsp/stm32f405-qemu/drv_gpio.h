/* STM32F4 pin numbering, as RT-Thread's STM32 BSPs define it: pin = port * 16 + number. */
#ifndef DRV_GPIO_H__
#define DRV_GPIO_H__

#include <rtdef.h>

#define GET_PIN_NO(port_index, no) ((rt_base_t)(16 * (port_index) + (no)))
/* GET_PIN(A, 5) == 5, GET_PIN(C, 13) == 45 */
#define GET_PIN(PORTx, no) GET_PIN_NO(#PORTx[0] - 'A', no)

/**
 * Parse a pin name: "PA5", "PA.5" (RT-Thread's STM32 form) or lowercase "pa5".
 * Returns the pin number, or -RT_EINVAL for a malformed name or a port/pin that does not
 * exist (ports A..I, pins 0..15). Any context.
 */
rt_base_t stm32_pin_parse(const char *name);

#endif /* DRV_GPIO_H__ */
