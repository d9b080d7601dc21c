/* STM32F405 board support: register map of the peripherals the drivers use. */
#ifndef BOARD_H__
#define BOARD_H__

#include <rtthread.h>

#define BOARD_SYSCLK_HZ 168000000u /* PLL from the 25 MHz crystal of the Netduino Plus 2 */
#define BOARD_PCLK2_HZ  84000000u  /* APB2: USART1 */

#define REG32(addr)     (*(volatile rt_uint32_t *)(addr))

/* RCC */
#define RCC_BASE    0x40023800u
#define RCC_CR      REG32(RCC_BASE + 0x00)
#define RCC_PLLCFGR REG32(RCC_BASE + 0x04)
#define RCC_CFGR    REG32(RCC_BASE + 0x08)
#define RCC_AHB1ENR REG32(RCC_BASE + 0x30)
#define RCC_APB2ENR REG32(RCC_BASE + 0x44)
#define FLASH_ACR   REG32(0x40023C00u)

/* GPIO ports A..I, 0x400 apart */
#define GPIO_BASE(port)    (0x40020000u + 0x400u * (rt_uint32_t)(port))
#define GPIO_MODER(port)   REG32(GPIO_BASE(port) + 0x00)
#define GPIO_OTYPER(port)  REG32(GPIO_BASE(port) + 0x04)
#define GPIO_OSPEEDR(port) REG32(GPIO_BASE(port) + 0x08)
#define GPIO_PUPDR(port)   REG32(GPIO_BASE(port) + 0x0C)
#define GPIO_IDR(port)     REG32(GPIO_BASE(port) + 0x10)
#define GPIO_ODR(port)     REG32(GPIO_BASE(port) + 0x14)
#define GPIO_BSRR(port)    REG32(GPIO_BASE(port) + 0x18)
#define GPIO_AFRL(port)    REG32(GPIO_BASE(port) + 0x20)
#define GPIO_AFRH(port)    REG32(GPIO_BASE(port) + 0x24)
#define GPIO_PORT_COUNT    9 /* A..I */

/* USART1 */
#define USART1_BASE 0x40011000u
#define USART1_IRQn 37

/* SysTick */
#define SYST_CSR REG32(0xE000E010u)
#define SYST_RVR REG32(0xE000E014u)
#define SYST_CVR REG32(0xE000E018u)

/* Set up USART1 for polled output (before the serial device exists). */
void board_uart_early_init(void);
/* Polled transmit of one byte on USART1. Any context. */
void board_uart_putc(char c);

#endif /* BOARD_H__ */
