/* Cortex-M4F context switch: PendSV does the switch, PRIMASK guards critical sections. */
    .syntax unified
    .cpu cortex-m4
    .fpu fpv4-sp-d16
    .thumb

    .equ SCB_ICSR,      0xE000ED04
    .equ SCB_VTOR,      0xE000ED08
    .equ SCB_SHPR3,     0xE000ED20
    .equ ICSR_PENDSVSET, 0x10000000

/* rt_base_t rt_hw_interrupt_disable(void): returns the previous PRIMASK. */
    .section .text.rt_hw_interrupt_disable, "ax", %progbits
    .global rt_hw_interrupt_disable
    .type rt_hw_interrupt_disable, %function
rt_hw_interrupt_disable:
    mrs     r0, primask
    cpsid   i
    bx      lr
    .size rt_hw_interrupt_disable, . - rt_hw_interrupt_disable

/* void rt_hw_interrupt_enable(rt_base_t level): restores PRIMASK. */
    .section .text.rt_hw_interrupt_enable, "ax", %progbits
    .global rt_hw_interrupt_enable
    .type rt_hw_interrupt_enable, %function
rt_hw_interrupt_enable:
    msr     primask, r0
    bx      lr
    .size rt_hw_interrupt_enable, . - rt_hw_interrupt_enable

/*
 * void rt_hw_context_switch_interrupt(rt_ubase_t from, rt_ubase_t to, from_thread, to_thread);
 * Record the request and pend PendSV (lowest priority): the switch happens when the
 * outermost handler returns. If a switch is already pending, the original "from" is kept
 * so the thread that is really running gets saved; the last "to" wins.
 */
    .section .text.rt_hw_context_switch_interrupt, "ax", %progbits
    .global rt_hw_context_switch_interrupt
    .type rt_hw_context_switch_interrupt, %function
rt_hw_context_switch_interrupt:
    ldr     r2, =rt_thread_switch_interrupt_flag
    ldr     r3, [r2]
    cmp     r3, #1
    beq     1f
    movs    r3, #1
    str     r3, [r2]
    ldr     r2, =rt_interrupt_from_thread
    str     r0, [r2]
1:
    ldr     r2, =rt_interrupt_to_thread
    str     r1, [r2]
    ldr     r2, =SCB_ICSR
    ldr     r3, =ICSR_PENDSVSET
    str     r3, [r2]
    dsb
    bx      lr
    .size rt_hw_context_switch_interrupt, . - rt_hw_context_switch_interrupt

/*
 * void rt_hw_context_switch(rt_ubase_t from, rt_ubase_t to): from thread context, with
 * interrupts disabled. The kernel expects the switch to be done when this returns (a thread
 * exiting itself is never resumed), so after pending PendSV, interrupts are opened briefly:
 * PendSV (and any interrupt already pending) runs right here, and the thread resumes at
 * this point, with its PRIMASK restored, when it is switched back to.
 */
    .section .text.rt_hw_context_switch, "ax", %progbits
    .global rt_hw_context_switch
    .type rt_hw_context_switch, %function
rt_hw_context_switch:
    push    {r4, lr}
    mrs     r4, primask
    bl      rt_hw_context_switch_interrupt
    cpsie   i
    isb
    msr     primask, r4
    pop     {r4, pc}
    .size rt_hw_context_switch, . - rt_hw_context_switch

/*
 * void rt_hw_context_switch_to(rt_ubase_t to): start the first thread.
 * The main stack is reset to its top so the startup code's stack is
 * reused for interrupts; the call never returns.
 */
    .section .text.rt_hw_context_switch_to, "ax", %progbits
    .global rt_hw_context_switch_to
    .type rt_hw_context_switch_to, %function
rt_hw_context_switch_to:
    cpsid   i
    ldr     r1, =rt_interrupt_to_thread
    str     r0, [r1]
    ldr     r1, =rt_interrupt_from_thread
    movs    r0, #0
    str     r0, [r1]
    ldr     r1, =rt_thread_switch_interrupt_flag
    movs    r0, #1
    str     r0, [r1]
    /* Startup code may have touched the FPU: do not stack its state. */
    mrs     r0, control
    bic     r0, r0, #0x04
    msr     control, r0
    isb
    ldr     r0, =SCB_SHPR3          /* PendSV and SysTick at the lowest priority */
    ldr     r1, [r0]
    orr     r1, r1, #0xFF000000
    orr     r1, r1, #0x00FF0000
    str     r1, [r0]
    ldr     r0, =SCB_VTOR
    ldr     r0, [r0]
    ldr     r0, [r0]
    msr     msp, r0
    ldr     r0, =SCB_ICSR
    ldr     r1, =ICSR_PENDSVSET
    str     r1, [r0]
    dsb
    isb
    cpsie   f
    cpsie   i
2:  b       2b                      /* PendSV is taken before this */
    .size rt_hw_context_switch_to, . - rt_hw_context_switch_to

/*
 * PendSV: save r4-r11, EXC_RETURN and (if the thread used the FPU, EXC_RETURN
 * bit 4 clear) s16-s31 on the outgoing thread's stack; s0-s15 are handled by
 * the hardware's lazy stacking. Then restore the incoming thread the same way.
 * Frame, from low to high: r4-r11, EXC_RETURN, [s16-s31], hardware frame.
 */
    .section .text.PendSV_Handler, "ax", %progbits
    .global PendSV_Handler
    .type PendSV_Handler, %function
PendSV_Handler:
    mrs     r3, primask
    cpsid   i
    ldr     r0, =rt_thread_switch_interrupt_flag
    ldr     r1, [r0]
    cbz     r1, .Lpendsv_exit
    movs    r1, #0
    str     r1, [r0]

    ldr     r0, =rt_interrupt_from_thread
    ldr     r0, [r0]
    cbz     r0, .Lpendsv_restore    /* first switch: nothing to save */
    mrs     r1, psp
    tst     lr, #0x10
    it      eq
    vstmdbeq r1!, {s16-s31}
    stmdb   r1!, {r4-r11, lr}
    str     r1, [r0]

.Lpendsv_restore:
    ldr     r1, =rt_interrupt_to_thread
    ldr     r1, [r1]
    ldr     r1, [r1]
    ldmia   r1!, {r4-r11, lr}
    tst     lr, #0x10
    it      eq
    vldmiaeq r1!, {s16-s31}
    msr     psp, r1

.Lpendsv_exit:
    msr     primask, r3
    bx      lr
    .size PendSV_Handler, . - PendSV_Handler

/*
 * HardFault, MemManage, BusFault, UsageFault and DebugMon: hand the
 * exception frame, EXC_RETURN and the saved r4-r11 to rt_hw_fault_entry().
 * It returns only when it emulated a semihosting BKPT with no debugger.
 */
    .section .text.HardFault_Handler, "ax", %progbits
    .global HardFault_Handler
    .global MemManage_Handler
    .global BusFault_Handler
    .global UsageFault_Handler
    .global DebugMon_Handler
    .type HardFault_Handler, %function
    .type MemManage_Handler, %function
    .type BusFault_Handler, %function
    .type UsageFault_Handler, %function
    .type DebugMon_Handler, %function
HardFault_Handler:
MemManage_Handler:
BusFault_Handler:
UsageFault_Handler:
DebugMon_Handler:
    tst     lr, #0x04
    ite     eq
    mrseq   r0, msp
    mrsne   r0, psp
    mov     r1, lr
    push    {r3-r11, lr}            /* r3 keeps the stack 8-byte aligned */
    add     r2, sp, #4
    bl      rt_hw_fault_entry
    pop     {r3-r11, lr}
    bx      lr
    .size HardFault_Handler, . - HardFault_Handler
