/* Reset entry: enable the FPU, set up .data/.bss, then run the C start-up. */
    .syntax unified
    .cpu cortex-m4
    .fpu fpv4-sp-d16
    .thumb

    .equ SCB_CPACR, 0xE000ED88

    .section .text.Reset_Handler, "ax", %progbits
    .global Reset_Handler
    .type Reset_Handler, %function
Reset_Handler:
    cpsid   i
    /* Full access to CP10/CP11 before any compiled code may use the FPU. */
    ldr     r0, =SCB_CPACR
    ldr     r1, [r0]
    orr     r1, r1, #(0xF << 20)
    str     r1, [r0]
    dsb
    isb

    ldr     r0, =_sdata
    ldr     r1, =_edata
    ldr     r2, =_sidata
1:  cmp     r0, r1
    bhs     2f
    ldr     r3, [r2], #4
    str     r3, [r0], #4
    b       1b

2:  movs    r2, #0
    ldr     r0, =_sbss
    ldr     r1, =_ebss
3:  cmp     r0, r1
    bhs     4f
    str     r2, [r0], #4
    b       3b


4:  bl      board_startup
5:  b       5b
    .size Reset_Handler, . - Reset_Handler
