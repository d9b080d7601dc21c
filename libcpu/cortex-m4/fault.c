/* Cortex-M4 fault reporting: register and stack dump, then halt with a failure status. */
#include <rthw.h>
#include <rtthread.h>
#include "cpuport.h"

#define SCB_CFSR          (*(volatile rt_uint32_t *)0xE000ED28)
#define SCB_HFSR          (*(volatile rt_uint32_t *)0xE000ED2C)
#define SCB_MMFAR         (*(volatile rt_uint32_t *)0xE000ED34)
#define SCB_BFAR          (*(volatile rt_uint32_t *)0xE000ED38)

#define CFSR_MMARVALID    (1u << 7)
#define CFSR_BFARVALID    (1u << 15)
#define CFSR_STKERR       (1u << 12) /* bus fault while stacking the exception frame */
#define CFSR_MSTKERR      (1u << 4)  /* MPU fault while stacking the exception frame */
#define HFSR_DEBUGEVT     (1u << 31)
#define HFSR_FORCED       (1u << 30)
#define BKPT_SEMIHOST     0xBEABu
#define FAULT_STACK_WORDS 32

/* Hardware-stacked part of the exception frame. */
struct cm4_exc_frame {
    rt_uint32_t r0, r1, r2, r3, r12, lr, pc, psr;
};

/* r4-r11 as pushed by the assembly entry (context_gcc.S). */
struct cm4_callee_regs {
    rt_uint32_t r4_r11[8];
};

extern volatile rt_bool_t rt_hw_semihost_absent;

static void fault_printf(const char *fmt, ...)
{
    char line[96];
    va_list ap;

    va_start(ap, fmt);
    rt_vsnprintf(line, sizeof(line), fmt, ap);
    va_end(ap);
    rt_hw_console_output(line);
}

static rt_uint32_t fault_ipsr(void)
{
    rt_uint32_t ipsr;

    __asm__ volatile("mrs %0, ipsr" : "=r"(ipsr));
    return ipsr & 0x1FF;
}

/*
 * A BKPT 0xAB that no debugger answered: emulate "call failed" and resume after it.
 * Without a debugger the BKPT escalates to HardFault (QEMU sets HFSR.FORCED, silicon
 * HFSR.DEBUGEVT) or, with the debug monitor enabled, raises DebugMon.
 */
/* The hardware could not write the frame (stack overflowed into unmapped memory). */
static int fault_frame_lost(void)
{
    return (SCB_CFSR & (CFSR_STKERR | CFSR_MSTKERR)) != 0;
}

static int fault_is_lost_semihost(struct cm4_exc_frame *f)
{
    rt_uint32_t ipsr = fault_ipsr();

    if (fault_frame_lost()) {
        return 0;
    }
    if (ipsr != 3 && ipsr != 12) {
        return 0;
    }
    if (ipsr == 3 && !(SCB_HFSR & (HFSR_DEBUGEVT | HFSR_FORCED))) {
        return 0;
    }
    if (*(volatile rt_uint16_t *)(f->pc & ~1u) != BKPT_SEMIHOST) {
        return 0;
    }
    SCB_HFSR = HFSR_DEBUGEVT | HFSR_FORCED; /* write-one-to-clear */
    f->r0 = (rt_uint32_t)-1;
    f->pc += 2;
    rt_hw_semihost_absent = RT_TRUE;
    return 1;
}

static const char *fault_name(rt_uint32_t ipsr)
{
    switch (ipsr) {
    case 3: return "HardFault";
    case 4: return "MemManage";
    case 5: return "BusFault";
    case 6: return "UsageFault";
    case 12: return "DebugMon";
    default: return RT_NULL;
    }
}

/* Spell out the CFSR bits that are set, so the dump says why without a manual. */
static void fault_print_cause(rt_uint32_t cfsr, rt_uint32_t hfsr)
{
    static const char *const bits[32] = {
        [0] = "IACCVIOL",     [1] = "DACCVIOL",    [3] = "MUNSTKERR",  [4] = "MSTKERR",
        [5] = "MLSPERR",      [7] = "MMARVALID",   [8] = "IBUSERR",    [9] = "PRECISERR",
        [10] = "IMPRECISERR", [11] = "UNSTKERR",   [12] = "STKERR",    [13] = "LSPERR",
        [15] = "BFARVALID",   [16] = "UNDEFINSTR", [17] = "INVSTATE",  [18] = "INVPC",
        [19] = "NOCP",        [24] = "UNALIGNED",  [25] = "DIVBYZERO",
    };

    rt_hw_console_output("cause:");
    for (int i = 0; i < 32; i++) {
        if ((cfsr & (1u << i)) && bits[i] != RT_NULL) {
            fault_printf(" %s", bits[i]);
        }
    }
    if (hfsr & (1u << 30)) {
        rt_hw_console_output(" FORCED");
    }
    if (hfsr & (1u << 1)) {
        rt_hw_console_output(" VECTTBL");
    }
    if (cfsr == 0 && (hfsr & ((1u << 30) | (1u << 1))) == 0) {
        rt_hw_console_output(" none recorded (not a fault: an exception without handler)");
    }
    rt_hw_console_output("\n");
}

static void fault_print_regs(const struct cm4_exc_frame *f, const struct cm4_callee_regs *c,
                             rt_uint32_t exc_return)
{
    fault_printf("r0 : 0x%08x  r1 : 0x%08x  r2 : 0x%08x  r3 : 0x%08x\n", f->r0, f->r1, f->r2,
                 f->r3);
    fault_printf("r4 : 0x%08x  r5 : 0x%08x  r6 : 0x%08x  r7 : 0x%08x\n", c->r4_r11[0], c->r4_r11[1],
                 c->r4_r11[2], c->r4_r11[3]);
    fault_printf("r8 : 0x%08x  r9 : 0x%08x  r10: 0x%08x  r11: 0x%08x\n", c->r4_r11[4], c->r4_r11[5],
                 c->r4_r11[6], c->r4_r11[7]);
    fault_printf("r12: 0x%08x  lr : 0x%08x  pc : 0x%08x  psr: 0x%08x\n", f->r12, f->lr, f->pc,
                 f->psr);
    fault_printf("exc_return: 0x%08x (%s stack%s)\n", exc_return,
                 (exc_return & 4) ? "process" : "main", (exc_return & 0x10) ? "" : ", FPU frame");
}

static void fault_print_status(void)
{
    rt_uint32_t cfsr = SCB_CFSR, hfsr = SCB_HFSR;

    fault_printf("CFSR: 0x%08x  HFSR: 0x%08x", cfsr, hfsr);
    if (cfsr & CFSR_MMARVALID) {
        fault_printf("  MMFAR: 0x%08x", SCB_MMFAR);
    }
    if (cfsr & CFSR_BFARVALID) {
        fault_printf("  BFAR: 0x%08x", SCB_BFAR);
    }
    rt_hw_console_output("\n");
    fault_print_cause(cfsr, hfsr);
}

/* Dump the faulting thread's stack from the fault SP, only inside its own stack. */
static void fault_print_stack(rt_thread_t t, rt_uint32_t sp)
{
    rt_uint32_t lo = (rt_uint32_t)t->stack_addr, hi = lo + t->stack_size;

    fault_printf("thread '%s' stack 0x%08x..0x%08x, sp 0x%08x\n", t->parent.name, lo, hi, sp);
    if (sp < lo || sp >= hi || (sp & 3) != 0) {
        rt_hw_console_output("sp outside the thread's stack (overflow?): no dump\n");
        return;
    }
    for (int i = 0; i < FAULT_STACK_WORDS && sp < hi; i++, sp += 4) {
        if (i % 4 == 0) {
            fault_printf("%s0x%08x:", i ? "\n" : "", sp);
        }
        fault_printf(" %08x", *(volatile rt_uint32_t *)sp);
    }
    rt_hw_console_output("\n");
}

static void fault_halt(void)
{
    rt_hw_console_output("system halted\n");
    rt_hw_semihost_exit(RT_HW_FAULT_EXIT_STATUS);
    for (;;) {
        __asm__ volatile("wfi"); /* no host: stay here for a debugger */
    }
}

/* Called from the fault vectors in context_gcc.S. Returns only for a lost semihosting call. */
void rt_hw_fault_entry(struct cm4_exc_frame *f, rt_uint32_t exc_return, struct cm4_callee_regs *c)
{
    rt_uint32_t ipsr = fault_ipsr();
    rt_thread_t t = rt_thread_self();
    int from_thread = (exc_return & 4) != 0;

    if (fault_is_lost_semihost(f)) {
        return;
    }
    __asm__ volatile("cpsid i");
    if (fault_name(ipsr) != RT_NULL) {
        fault_printf("\n*** %s", fault_name(ipsr));
    } else {
        /* NMI, SVCall or an interrupt nobody installed a handler for (vectors.c) */
        fault_printf("\n*** unexpected exception %u (IRQ %d)", ipsr, (int)ipsr - 16);
    }
    fault_printf(" in %s", from_thread ? "thread" : "interrupt");
    fault_printf(" '%s' ***\n", t != RT_NULL ? t->parent.name : "(none)");
    if (fault_frame_lost()) {
        fault_printf("exception frame not stacked (stack overflow?), sp 0x%08x\n", (rt_uint32_t)f);
    } else {
        fault_print_regs(f, c, exc_return);
    }
    fault_print_status();
    if (t != RT_NULL && from_thread) {
        /* Dump from the hardware-stacked frame up: the frame itself, then the caller's data. */
        fault_print_stack(t, (rt_uint32_t)f);
    }
    fault_halt();
}
