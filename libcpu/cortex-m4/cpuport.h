/* Cortex-M4 port services used by the board: semihosting, fault reporting, NVIC. */
#ifndef CPUPORT_H__
#define CPUPORT_H__

#include <rtdef.h>

/* ARM semihosting operation numbers (ARM "Semihosting for AArch32 and AArch64"). */
#define SEMIHOST_SYS_WRITE0        0x04
#define SEMIHOST_SYS_ERRNO         0x13
#define SEMIHOST_SYS_GET_CMDLINE   0x15
#define SEMIHOST_SYS_EXIT          0x18
#define SEMIHOST_SYS_EXIT_EXTENDED 0x20

/* Exit status used when the fault handler halts the system under QEMU. */
#define RT_HW_FAULT_EXIT_STATUS 3

/**
 * Issue a semihosting call (BKPT 0xAB). Returns the host's result in r0. With no debugger or
 * emulator attached the call is answered by the fault handler, which returns -1 and marks
 * semihosting as absent (see rt_hw_semihost_present()). Any context.
 */
rt_uint32_t rt_hw_semihost_call(rt_uint32_t op, void *arg);

/**
 * Tell whether a semihosting host answers calls (probes once with SYS_ERRNO). Any context.
 */
rt_bool_t rt_hw_semihost_present(void);

/**
 * End the emulation with `status` (SYS_EXIT_EXTENDED, so the emulator's exit status is
 * `status`). Returns only when no semihosting host is present. Any context.
 */
void rt_hw_semihost_exit(int status);

/**
 * Copy the semihosting command line (QEMU: -semihosting-config arg=...) into buf.
 * Returns its length, or -RT_ERROR when there is no host or no command line. Thread context.
 */
int rt_hw_semihost_cmdline(char *buf, rt_size_t size);

/**
 * Enable the MemManage, BusFault and UsageFault exceptions and divide-by-zero trapping, so
 * faults are reported with their precise cause. Called by the board at start-up.
 */
void rt_hw_fault_init(void);

/* Set an interrupt's NVIC priority (0 highest .. 15 lowest). Any context. */
void rt_hw_interrupt_set_priority(int vector, rt_uint8_t priority);

#endif /* CPUPORT_H__ */
