/* Cortex-M4F port: thread stack frames, NVIC access and ARM semihosting. */
#include <rthw.h>
#include <rtthread.h>
#include "cpuport.h"

#define SCB_SHCSR           (*(volatile rt_uint32_t *)0xE000ED24)
#define SCB_CCR             (*(volatile rt_uint32_t *)0xE000ED14)
#define NVIC_ISER           ((volatile rt_uint32_t *)0xE000E100)
#define NVIC_ICER           ((volatile rt_uint32_t *)0xE000E180)
#define NVIC_IPR            ((volatile rt_uint8_t *)0xE000E400)

#define SHCSR_FAULT_ENABLES ((1u << 16) | (1u << 17) | (1u << 18))
#define CCR_DIV_0_TRP       (1u << 4)

#define XPSR_THUMB          0x01000000u
#define EXC_RETURN_THREAD   0xFFFFFFFDu /* thread mode, PSP, no FPU state */

/* Switch request, written by rt_hw_context_switch*() and consumed by PendSV_Handler. */
rt_ubase_t rt_interrupt_from_thread;
rt_ubase_t rt_interrupt_to_thread;
rt_ubase_t rt_thread_switch_interrupt_flag;

/* What PendSV_Handler pops for a thread that has never run (see context_gcc.S). */
struct cm4_initial_frame {
    rt_uint32_t r4_r11[8];
    rt_uint32_t exc_return;
    rt_uint32_t r0, r1, r2, r3, r12, lr, pc, psr;
};

rt_uint8_t *rt_hw_stack_init(void *tentry, void *parameter, rt_uint8_t *stack_addr, void *texit)
{
    /* stack_addr is the last word of the stack; the AAPCS wants 8-byte aligned frames. */
    rt_ubase_t top = RT_ALIGN_DOWN((rt_ubase_t)stack_addr + sizeof(rt_ubase_t), 8);
    struct cm4_initial_frame *f = (struct cm4_initial_frame *)top - 1;

    rt_memset(f, 0, sizeof(*f));
    f->exc_return = EXC_RETURN_THREAD;
    f->r0 = (rt_uint32_t)parameter;
    f->lr = (rt_uint32_t)texit;
    f->pc = (rt_uint32_t)tentry & ~1u; /* the hardware sets the Thumb bit from xPSR */
    f->psr = XPSR_THUMB;
    return (rt_uint8_t *)f;
}

void rt_hw_interrupt_init(void)
{
    for (int i = 0; i < 8; i++) {
        NVIC_ICER[i] = 0xFFFFFFFFu;
    }
}

void rt_hw_interrupt_mask(int vector)
{
    if (vector >= 0 && vector < 240) {
        NVIC_ICER[vector >> 5] = 1u << (vector & 31);
    }
}

void rt_hw_interrupt_umask(int vector)
{
    if (vector >= 0 && vector < 240) {
        NVIC_ISER[vector >> 5] = 1u << (vector & 31);
    }
}

void rt_hw_interrupt_set_priority(int vector, rt_uint8_t priority)
{
    /* The STM32F4 implements the top 4 priority bits. */
    if (vector >= 0 && vector < 240) {
        NVIC_IPR[vector] = (rt_uint8_t)(priority << 4);
    }
}

void rt_hw_fault_init(void)
{
    SCB_SHCSR |= SHCSR_FAULT_ENABLES;
    SCB_CCR |= CCR_DIV_0_TRP;
}

/* Set by the fault handler when it answers a semihosting BKPT because no host did. */
volatile rt_bool_t rt_hw_semihost_absent;

rt_uint32_t rt_hw_semihost_call(rt_uint32_t op, void *arg)
{
    register rt_uint32_t r0 __asm__("r0") = op;
    register void *r1 __asm__("r1") = arg;

    __asm__ volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
    return r0;
}

rt_bool_t rt_hw_semihost_present(void)
{
    static rt_bool_t probed;

    if (!probed) {
        rt_hw_semihost_call(SEMIHOST_SYS_ERRNO, RT_NULL);
        probed = RT_TRUE;
    }
    return !rt_hw_semihost_absent;
}

void rt_hw_semihost_exit(int status)
{
    /* ADP_Stopped_ApplicationExit with a subcode: the emulator exits with `status`. */
    rt_uint32_t block[2] = {0x20026u, (rt_uint32_t)status};

    if (rt_hw_semihost_present()) {
        rt_hw_semihost_call(SEMIHOST_SYS_EXIT_EXTENDED, block);
        /* A host without SYS_EXIT_EXTENDED: plain SYS_EXIT still tells pass from fail. */
        rt_hw_semihost_call(SEMIHOST_SYS_EXIT, (void *)(status == 0 ? 0x20026u : 0x20023u));
    }
}

int rt_hw_semihost_cmdline(char *buf, rt_size_t size)
{
    rt_uint32_t block[2] = {(rt_uint32_t)buf, (rt_uint32_t)size};

    if (size == 0 || !rt_hw_semihost_present()) {
        return -RT_ERROR;
    }
    if (rt_hw_semihost_call(SEMIHOST_SYS_GET_CMDLINE, block) != 0) {
        return -RT_ERROR;
    }
    buf[block[1] < size ? block[1] : size - 1] = '\0';
    return (int)block[1];
}
