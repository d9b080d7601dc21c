/* STM32F405 vector table: core exceptions, then the 82 peripheral interrupts. */
#include <rtthread.h>

typedef void (*vector_fn)(void);

extern char _estack[];
void Reset_Handler(void);
void HardFault_Handler(void);
void MemManage_Handler(void);
void BusFault_Handler(void);
void UsageFault_Handler(void);
void DebugMon_Handler(void);
void PendSV_Handler(void);
void SysTick_Handler(void);
void USART1_IRQHandler(void);
void EXTI_IRQHandler(void);

/* Unexpected exceptions and interrupts go to the fault dump, which names their number. */
#define UNEXPECTED   HardFault_Handler
#define IRQ(n)       (16 + (n))
#define VECTOR_COUNT IRQ(82)

RT_USED const vector_fn __isr_vector_start[VECTOR_COUNT] RT_SECTION(".isr_vector") = {
    [0] = (vector_fn)_estack,
    [1] = Reset_Handler,
    [2] = UNEXPECTED, /* NMI */
    [3] = HardFault_Handler,
    [4] = MemManage_Handler,
    [5] = BusFault_Handler,
    [6] = UsageFault_Handler,
    [7 ... 11] = UNEXPECTED, /* reserved, SVCall (unused by this port) */
    [12] = DebugMon_Handler,
    [13] = UNEXPECTED,
    [14] = PendSV_Handler,
    [15] = SysTick_Handler,
    [IRQ(0)... IRQ(5)] = UNEXPECTED,
    [IRQ(6)... IRQ(10)] = EXTI_IRQHandler, /* EXTI0..EXTI4 */
    [IRQ(11)... IRQ(22)] = UNEXPECTED,
    [IRQ(23)] = EXTI_IRQHandler, /* EXTI9_5 */
    [IRQ(24)... IRQ(36)] = UNEXPECTED,
    [IRQ(37)] = USART1_IRQHandler,
    [IRQ(38)... IRQ(39)] = UNEXPECTED,
    [IRQ(40)] = EXTI_IRQHandler, /* EXTI15_10 */
    [IRQ(41)... IRQ(81)] = UNEXPECTED,
};
