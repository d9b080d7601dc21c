/* Internal interface between the two halves of the simulator CPU port. */
#ifndef SIM_PORT_H__
#define SIM_PORT_H__

#include <rtthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <sys/types.h>

/* The signal that plays the interrupt line of the simulated CPU. */
#define SIM_IRQ_SIGNAL SIGUSR2

struct sim_thread;

/* The RT thread whose host thread holds the CPU (exactly one once the scheduler runs). */
extern _Atomic(struct sim_thread *) sim_current;
/* Kernel thread id of sim_current's host thread, 0 while it is being created. Interrupt
 * sources signal this id and never dereference sim_current (it may be freed under them). */
extern atomic_int sim_current_tid;
/* Target of a context switch requested from an ISR, done when the interrupt returns. */
extern _Atomic(struct sim_thread *) sim_switch_req;
/* The RT thread this host thread runs (NULL on host helper threads). */
extern __thread struct sim_thread *sim_self;

/* Hand the CPU to `to` and wait until it comes back; interrupts are disabled (cpuport.c). */
void sim_switch(struct sim_thread *to);
/* Resolve the `sp` member address the kernel passes into our thread record (cpuport.c). */
struct sim_thread *sim_thread_of(rt_ubase_t sp_member);
/* First code of a new RT thread: accept interrupts (interrupt.c). */
void sim_irq_thread_begin(void);
/* Start the tick source (interrupt.c), at scheduler start. */
void sim_tick_start(void);
/* Stop the tick thread and wait for it to end (final exit, on the keeper). */
void sim_tick_stop(void);
/* Stop all interrupt delivery for good (interrupt.c). */
void sim_irq_halt(void);
/* Report a fatal port error and end the process (cpuport.c). */
void sim_fatal(const char *fmt, ...) __attribute__((noreturn, format(printf, 1, 2)));

#endif /* SIM_PORT_H__ */
