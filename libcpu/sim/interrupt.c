/* Host simulator CPU port: the interrupt controller, interrupt masking, tick and idle.
 *
 * Interrupt sources (the tick thread, the console reader, the virtual GPIO) set a pending bit
 * and send SIM_IRQ_SIGNAL to the host thread of the running RT thread. Its handler runs the
 * ISRs there, like a CPU taking an interrupt on the current stack, and performs the context
 * switch the ISRs asked for on the way out. Masking is a flag, no system call: a handler that
 * finds interrupts disabled only leaves the bit pending, and rt_hw_interrupt_enable() runs what
 * is pending. Invariant: every transition of the mask from disabled to enabled checks the
 * pending bits, so no interrupt is lost whichever thread the signal reached. See docs/sim.md. */
#include <rthw.h>
#include <rtthread.h>
#include "sim.h"
#include "sim_port.h"
#include <errno.h>
#include <pthread.h>
#include <stdint.h>
#include <string.h>
#include <time.h>
#include <ucontext.h>
#include <unistd.h>

struct sim_vector {
    sim_isr_t handler;
    void *param;
    char name[RT_NAME_MAX];
};

_Atomic(struct sim_thread *) sim_switch_req;

static atomic_int sim_masked = 1;      /* the CPU starts with interrupts disabled */
static atomic_uint sim_pending;        /* raised, not yet serviced */
static atomic_uint sim_unmasked = ~0u; /* per-vector enable (rt_hw_interrupt_umask) */
static atomic_int sim_halted;          /* sim_exit() is underway */
static atomic_int sim_tick_running;
static pthread_t sim_tick_thread;
static struct sim_vector sim_vectors[SIM_IRQ_MAX];
static pid_t sim_pid;
static __thread int sim_host_safe; /* RT thread waits in a host call that may be interrupted */

/* Code outside our executable (libc, the vDSO, sanitizer runtimes) may hold host locks: an
 * interrupt landing there is left pending instead of switching threads under the lock, and
 * taken at the next mask transition or signal (the tick re-signals while anything is pending). */
extern char __executable_start[], __etext[];

static int sim_in_host_code(void *ucontext)
{
#if defined(__x86_64__)
    uintptr_t pc = (uintptr_t)((ucontext_t *)ucontext)->uc_mcontext.gregs[REG_RIP];
#elif defined(__aarch64__)
    uintptr_t pc = (uintptr_t)((ucontext_t *)ucontext)->uc_mcontext.pc;
#else
    uintptr_t pc = (uintptr_t)__executable_start;
#endif
    return pc < (uintptr_t)__executable_start || pc >= (uintptr_t)__etext;
}

static unsigned sim_deliverable(void)
{
    return atomic_load(&sim_pending) & atomic_load(&sim_unmasked);
}

/* Nudge the running thread's host thread. Async-signal-safe. Never ourselves: while we
 * dispatch, sim_current_tid briefly still names us, and a signal to self from the handler
 * would be redelivered before the dispatch could progress (a livelock). Skipping is safe:
 * the thread being dispatched checks the pending bits when it enables interrupts. */
static void sim_kick(void)
{
    static __thread pid_t self;
    pid_t tid = atomic_load(&sim_current_tid);

    if (self == 0)
        self = gettid();
    if (tid != 0 && tid != self)
        tgkill(sim_pid, tid, SIM_IRQ_SIGNAL);
}

static void sim_irq_call(unsigned bits)
{
    for (int v = 0; bits != 0; v++, bits >>= 1) {
        if ((bits & 1u) && sim_vectors[v].handler != RT_NULL)
            sim_vectors[v].handler(v, sim_vectors[v].param);
    }
}

/* Take the deliverable interrupts on the running thread, which has interrupts enabled. */
static void sim_irq_run(void)
{
    unsigned bits;

    while (!atomic_load(&sim_halted) && (bits = sim_deliverable()) != 0) {
        struct sim_thread *to;

        atomic_store(&sim_masked, 1);
        atomic_fetch_and(&sim_pending, ~bits);
        rt_interrupt_enter();
        sim_irq_call(bits);
        rt_interrupt_leave();
        to = atomic_exchange(&sim_switch_req, NULL);
        if (to != NULL)
            sim_switch(to); /* returns when this thread is switched back to */
        atomic_store(&sim_masked, 0);
    }
}

static int sim_is_running(void)
{
    return sim_self != NULL && sim_self == atomic_load(&sim_current);
}

static void sim_irq_signal(int sig, siginfo_t *info, void *ucontext)
{
    int saved_errno = errno;

    if (sim_self == NULL || atomic_load(&sim_halted))
        ;
    else if (!sim_is_running())
        sim_kick(); /* the CPU moved on since the source looked: forward */
    else if (!atomic_load(&sim_masked) && (sim_host_safe || !sim_in_host_code(ucontext)))
        sim_irq_run();
    errno = saved_errno;
}

rt_base_t rt_hw_interrupt_disable(void)
{
    return atomic_exchange(&sim_masked, 1);
}

void rt_hw_interrupt_enable(rt_base_t level)
{
    if (level != 0) {
        atomic_store(&sim_masked, 1);
        return;
    }
    atomic_store(&sim_masked, 0);
    if (sim_deliverable() != 0 && sim_is_running())
        sim_irq_run();
}

void sim_irq_thread_begin(void)
{
    sigset_t set;

    sigemptyset(&set);
    sigaddset(&set, SIM_IRQ_SIGNAL);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
    rt_hw_interrupt_enable(0);
}

void sim_irq_raise(int vector)
{
    if (vector < 0 || vector >= SIM_IRQ_MAX)
        return;
    atomic_fetch_or(&sim_pending, 1u << vector);
    if (!sim_is_running())
        sim_kick();
    else if (!atomic_load(&sim_masked))
        sim_irq_run(); /* a running thread raising an enabled interrupt takes it at once */
}

sim_isr_t rt_hw_interrupt_install(int vector, sim_isr_t handler, void *param, const char *name)
{
    sim_isr_t old;
    rt_base_t level;

    if (vector < 0 || vector >= SIM_IRQ_MAX)
        return RT_NULL;
    level = rt_hw_interrupt_disable();
    old = sim_vectors[vector].handler;
    sim_vectors[vector].handler = handler;
    sim_vectors[vector].param = param;
    strncpy(sim_vectors[vector].name, name != RT_NULL ? name : "", RT_NAME_MAX - 1);
    rt_hw_interrupt_enable(level);
    return old;
}

void rt_hw_interrupt_init(void)
{
}

void rt_hw_interrupt_mask(int vector)
{
    if (vector >= 0 && vector < SIM_IRQ_MAX)
        atomic_fetch_and(&sim_unmasked, ~(1u << vector));
}

void rt_hw_interrupt_umask(int vector)
{
    if (vector < 0 || vector >= SIM_IRQ_MAX)
        return;
    atomic_fetch_or(&sim_unmasked, 1u << vector);
    if (atomic_load(&sim_pending) & (1u << vector))
        sim_irq_raise(vector);
}

void sim_irq_halt(void)
{
    atomic_store(&sim_halted, 1);
    atomic_store(&sim_masked, 1);
}

/* ---- tick ---- */

/* One tick per interrupt. Ticks coalesce in the pending bit like on hardware: periods that
 * pass while interrupts are masked, or while the host does not run us, are not replayed as
 * a burst (a burst would charge whole time slices to threads that never ran). */
static void sim_tick_isr(int vector, void *param)
{
    rt_tick_increase();
}

static void sim_timespec_add_ns(struct timespec *t, long ns)
{
    t->tv_nsec += ns;
    while (t->tv_nsec >= 1000000000L) {
        t->tv_nsec -= 1000000000L;
        t->tv_sec++;
    }
}

/* Periodic source on absolute deadlines, so the tick rate does not drift. A late wake-up
 * (host load, debugger, SIGSTOP) skips the missed periods instead of catching up. */
static void *sim_tick_main(void *arg)
{
    const long period = 1000000000L / RT_TICK_PER_SECOND;
    struct timespec next, now;

    clock_gettime(CLOCK_MONOTONIC, &next);
    while (atomic_load(&sim_tick_running)) {
        sim_timespec_add_ns(&next, period);
        while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &next, NULL) == EINTR)
            ;
        clock_gettime(CLOCK_MONOTONIC, &now);
        if (now.tv_sec > next.tv_sec ||
            (now.tv_sec == next.tv_sec && now.tv_nsec - next.tv_nsec >= period))
            next = now;
        sim_irq_raise(SIM_IRQ_TICK);
    }
    return NULL;
}

void sim_tick_start(void)
{
    int err;

    atomic_store(&sim_tick_running, 1);
    err = pthread_create(&sim_tick_thread, NULL, sim_tick_main, NULL);
    if (err != 0) {
        atomic_store(&sim_tick_running, 0);
        sim_fatal("cannot start the tick thread: %s", strerror(err));
    }
}

void sim_tick_stop(void)
{
    if (atomic_exchange(&sim_tick_running, 0))
        pthread_join(sim_tick_thread, NULL);
}

/* ---- idle and delays ---- */

#ifdef RT_USING_IDLE_HOOK
/* Idle hook: sleep the host until the next interrupt instead of spinning. The signal is
 * blocked while checking, and sigsuspend unblocks it atomically, so no wake-up is lost. */
static void sim_idle_wait(void)
{
    sigset_t irq, old;

    if (atomic_load(&sim_masked) || !sim_is_running())
        return;
    if (sim_deliverable() != 0) {
        sim_irq_run();
        return;
    }
    sigemptyset(&irq);
    sigaddset(&irq, SIM_IRQ_SIGNAL);
    pthread_sigmask(SIG_BLOCK, &irq, &old);
    if (sim_deliverable() == 0) {
        sim_host_safe = 1;
        sigsuspend(&old);
        sim_host_safe = 0;
    }
    pthread_sigmask(SIG_SETMASK, &old, NULL);
}
#endif

void rt_hw_us_delay(rt_uint32_t us)
{
    struct timespec until;
    int saved = sim_host_safe;

    clock_gettime(CLOCK_MONOTONIC, &until);
    sim_timespec_add_ns(&until, (long)us * 1000L);
    sim_host_safe = 1; /* a busy-wait can be interrupted like any code */
    while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &until, NULL) == EINTR)
        ;
    sim_host_safe = saved;
}

void sim_cpu_init(void)
{
    struct sigaction sa;
    sigset_t set;

    sim_pid = getpid();
    memset(&sa, 0, sizeof(sa));
    sa.sa_sigaction = sim_irq_signal;
    sa.sa_flags = SA_SIGINFO | SA_RESTART;
    sigemptyset(&sa.sa_mask);
    sigaction(SIM_IRQ_SIGNAL, &sa, NULL);

    /* Only RT threads take the interrupt signal: block it here so that every host helper
     * thread created from now on inherits the block; RT threads unblock it themselves. */
    sigemptyset(&set);
    sigaddset(&set, SIM_IRQ_SIGNAL);
    pthread_sigmask(SIG_BLOCK, &set, NULL);

    rt_hw_interrupt_install(SIM_IRQ_TICK, sim_tick_isr, RT_NULL, "tick");
#ifdef RT_USING_IDLE_HOOK
    rt_thread_idle_sethook(sim_idle_wait);
#endif
}
