/* STM32F405 (QEMU netduinoplus2) board: clocks, tick, heap, console, reset. */
#include <rthw.h>
#include <rtthread.h>
#include "board.h"
#include "cpuport.h"

#define SCB_VTOR           REG32(0xE000ED08u)
#define SCB_AIRCR          REG32(0xE000ED0Cu)
#define AIRCR_SYSRESETREQ  (0x05FA0000u | (1u << 2))

#define SYST_CSR_ENABLE    (1u << 0)
#define SYST_CSR_TICKINT   (1u << 1)
#define SYST_CSR_CLKSOURCE (1u << 2)

extern const rt_uint32_t __isr_vector_start[];
extern char __heap_start[], __heap_end[];

/*
 * HSE 25 MHz -> PLL (M=25, N=336, P=2, Q=7) -> 168 MHz SYSCLK; AHB /1, APB1 /4, APB2 /2.
 * Real silicon would wait for HSERDY/PLLRDY here; QEMU 7.2 does not model the RCC (its
 * registers read as zero), so the ready bits are not polled and the switch is unconditional.
 */
static void board_clock_init(void)
{
    FLASH_ACR = 5u | (1u << 8) | (1u << 9) | (1u << 10); /* 5 wait states, prefetch, I/D cache */
    RCC_CR |= 1u << 16;                                  /* HSEON */
    RCC_PLLCFGR = 25u | (336u << 6) | (0u << 16) | (1u << 22) | (7u << 24);
    RCC_CFGR = (5u << 10) | (4u << 13); /* PPRE1 /4, PPRE2 /2 */
    RCC_CR |= 1u << 24;                 /* PLLON */
    RCC_CFGR |= 2u;                     /* SW = PLL */
}

/* Called by Reset_Handler once .data and .bss are set up; never returns. */
void board_startup(void)
{
    SCB_VTOR = (rt_uint32_t)__isr_vector_start;
    board_clock_init();
    rt_hw_fault_init();
    rt_hw_semihost_present(); /* probe now: probing from a fault handler would lock up */
    rtthread_startup();
}

void SysTick_Handler(void)
{
    rt_interrupt_enter();
    rt_tick_increase();
    rt_interrupt_leave();
}

static void board_tick_init(void)
{
    SYST_RVR = BOARD_SYSCLK_HZ / RT_TICK_PER_SECOND - 1;
    SYST_CVR = 0;
    SYST_CSR = SYST_CSR_CLKSOURCE | SYST_CSR_TICKINT | SYST_CSR_ENABLE;
}

void rt_hw_board_init(void)
{
    rt_hw_interrupt_init();
    board_uart_early_init();
    board_tick_init();
#ifdef RT_USING_HEAP
    rt_system_heap_init(__heap_start, __heap_end);
#endif
#ifdef RT_USING_COMPONENTS_INIT
    rt_components_board_init();
#endif
#ifdef RT_USING_CONSOLE
    rt_console_set_device(RT_CONSOLE_DEVICE_NAME);
#endif
}

/* Raw console: polled USART1; "\n" becomes "\r\n" so a terminal shows lines correctly. */
void rt_hw_console_output(const char *str)
{
    for (; *str != '\0'; str++) {
        if (*str == '\n') {
            board_uart_putc('\r');
        }
        board_uart_putc(*str);
    }
}

/* Busy-wait up to 1 ms on the SysTick down-counter (QEMU does not model the DWT counter). */
static void board_delay_chunk(rt_uint32_t us)
{
    rt_uint32_t reload = SYST_RVR + 1, last = SYST_CVR, elapsed = 0;
    rt_uint32_t target = us * (BOARD_SYSCLK_HZ / 1000000u);

    while (elapsed < target) {
        rt_uint32_t now = SYST_CVR;

        elapsed += (now <= last) ? last - now : last + reload - now;
        last = now;
    }
}

void rt_hw_us_delay(rt_uint32_t us)
{
    if (!(SYST_CSR & SYST_CSR_ENABLE)) {
        /* Before the tick runs: a rough loop is good enough for start-up delays. */
        for (volatile rt_uint32_t i = 0; i < us * 20u; i++) {
        }
        return;
    }
    for (; us > 1000; us -= 1000) {
        board_delay_chunk(1000); /* keeps us * cycles-per-us far from overflowing */
    }
    board_delay_chunk(us);
}

/* System reset; QEMU started with -no-reboot then exits with status 0. */
void rt_hw_cpu_reset(void)
{
    __asm__ volatile("dsb");
    SCB_AIRCR = AIRCR_SYSRESETREQ;
    __asm__ volatile("dsb");
    for (;;) {
    }
}

/* Fatal halt: under QEMU end the emulation with a failure status, else wait for a debugger. */
void rt_hw_cpu_shutdown(void)
{
    rt_hw_interrupt_disable();
    rt_hw_semihost_exit(1);
    for (;;) {
        __asm__ volatile("wfi");
    }
}

/* Sleep the core between interrupts, so an idle QEMU does not burn a host CPU. */
static void board_idle_wfi(void)
{
    __asm__ volatile("wfi");
}

static int board_idle_init(void)
{
    rt_thread_idle_sethook(board_idle_wfi);
    return 0;
}
INIT_PREV_EXPORT(board_idle_init);
