/* Virtual GPIO of the sim board: 64 pins PA0..PD15 (pin = port * 16 + n, as on STM32), seen
 * by the firmware through the pin framework (rt_pin_*) and by tests through this API.
 *
 * A pin's level is what rt_pin_read() returns: for an output the level the firmware wrote;
 * for an input the level a test drives, or when undriven the pull-up (1), pull-down (0) or
 * floating (0) default; for an open-drain output 0 when written low, otherwise the driven
 * level or 1 (external pull-up). Level changes fire attached pin interrupts per their mode:
 * edges on the change, HIGH_LEVEL/LOW_LEVEL when the level is entered or the interrupt is
 * enabled while it holds. Handlers run as the SIM_IRQ_GPIO interrupt in ISR context.
 *
 * Any context: RT threads, ISRs, and host helper threads (a test's own pthread). From a host
 * thread, sim_gpio_drive() is applied asynchronously by interrupt SIM_IRQ_GPIO_IN shortly
 * after the call; the read functions then return a snapshot. */
#ifndef SIM_GPIO_H__
#define SIM_GPIO_H__

#include <rtthread.h>

#define SIM_GPIO_PINS    64
#define SIM_GPIO_RELEASE (-1) /* sim_gpio_drive level: stop driving the pin */

/**
 * Drive the external level of a pin: 0, 1, or SIM_GPIO_RELEASE. A resulting level change
 * raises the pin's interrupt (delivered before this returns when called from an RT thread
 * with interrupts enabled). Returns RT_EOK, -RT_EINVAL for a bad pin or level, -RT_ERROR if
 * the simulator is exiting (host threads).
 */
rt_err_t sim_gpio_drive(rt_base_t pin, int level);

/* Level of the pin as rt_pin_read() sees it (0/1), or -RT_EINVAL for a bad pin. */
int sim_gpio_level(rt_base_t pin);

/* Level the firmware drives: 0/1 for a pin in an output mode (an open-drain pin written high
 * counts as 1), -1 if the pin is not an output; -RT_EINVAL for a bad pin. */
int sim_gpio_output(rt_base_t pin);

/* PIN_MODE_* last set by the firmware, -1 if never configured; -RT_EINVAL for a bad pin. */
int sim_gpio_mode(rt_base_t pin);

/* Number of times the pin's interrupt handler ran since boot; -RT_EINVAL for a bad pin. */
long sim_gpio_irq_count(rt_base_t pin);

/* Pin number of "PA0".."PD15" (case of the port letter ignored), or -RT_EINVAL. */
rt_base_t sim_gpio_pin(const char *name);

#endif /* SIM_GPIO_H__ */
