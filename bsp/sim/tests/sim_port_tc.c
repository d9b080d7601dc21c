/* Smoke test of the host simulator CPU port: preemption, masking, ISR switches, thread churn. */
#include <rthw.h>
#include <rtthread.h>
#include "sim.h"
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <time.h>

#ifdef RT_USING_UTEST
#include <utest.h>

#define PORT_TEST_STACK 4096

static volatile int port_woke;
static volatile rt_tick_t port_woke_tick;
static struct rt_semaphore port_done;

static void port_high_entry(void *arg)
{
    rt_thread_mdelay(10);
    port_woke_tick = rt_tick_get();
    port_woke = 1;
}

/* Never blocks: only a tick-driven preemption lets the high thread run meanwhile. */
static void port_busy_entry(void *arg)
{
    rt_tick_t start = rt_tick_get();

    while (!port_woke && rt_tick_get() - start < 3 * RT_TICK_PER_SECOND)
        ;
    rt_sem_release(&port_done);
}

static void test_preempt_busy_thread(void)
{
    rt_thread_t high, busy;
    rt_tick_t start = rt_tick_get();

    port_woke = 0;
    high = rt_thread_create("p_high", port_high_entry, RT_NULL, PORT_TEST_STACK, 5, 10);
    busy = rt_thread_create("p_busy", port_busy_entry, RT_NULL, PORT_TEST_STACK, 8, 10);
    uassert_not_null(high);
    uassert_not_null(busy);
    if (high == RT_NULL || busy == RT_NULL)
        return;
    rt_thread_startup(high);
    rt_thread_startup(busy); /* higher than us: runs now, until the high thread preempts it */
    uassert_int_equal(rt_sem_take(&port_done, 5 * RT_TICK_PER_SECOND), RT_EOK);
    uassert_int_equal(port_woke, 1);
    /* 10 ms sleep; allow slow hosts (valgrind) some slack but not a timed-out busy loop */
    uassert_value_less(port_woke_tick - start, RT_TICK_PER_SECOND);
}

static void test_masking_holds_tick(void)
{
    rt_base_t level;
    rt_tick_t before, during, after;

    rt_thread_mdelay(1);
    level = rt_hw_interrupt_disable();
    before = rt_tick_get();
    rt_hw_us_delay(30000);
    during = rt_tick_get();
    rt_hw_interrupt_enable(level);
    after = rt_tick_get();
    uassert_int_equal(during, before);
    /* the ticks that elapsed while masked coalesce into one, delivered at the enable */
    uassert_value_greater_equal(after - before, 1);
    uassert_value_less_equal(after - before, 3);
    uassert_int_equal(rt_interrupt_get_nest(), 0);
}

static struct rt_semaphore port_isr_sem;
static volatile int port_order[3], port_order_n;

static void port_isr(int vector, void *param)
{
    uassert_int_equal(rt_interrupt_get_nest(), 1);
    port_order[port_order_n++] = 1;
    rt_sem_release(&port_isr_sem);
}

static void port_waiter_entry(void *arg)
{
    if (rt_sem_take(&port_isr_sem, RT_WAITING_FOREVER) == RT_EOK)
        port_order[port_order_n++] = 2;
}

/* An ISR waking a higher-priority thread switches to it on interrupt exit. */
static void test_isr_switch(void)
{
    rt_thread_t waiter;

    port_order_n = 0;
    rt_sem_init(&port_isr_sem, "p_isr", 0, RT_IPC_FLAG_PRIO);
    rt_hw_interrupt_install(SIM_IRQ_USER, port_isr, RT_NULL, "p_isr");
    waiter = rt_thread_create("p_wait", port_waiter_entry, RT_NULL, PORT_TEST_STACK, 5, 10);
    uassert_not_null(waiter);
    if (waiter == RT_NULL)
        return;
    rt_thread_startup(waiter); /* runs and blocks on the semaphore */
    sim_irq_raise(SIM_IRQ_USER);
    port_order[port_order_n++] = 3;
    uassert_int_equal(port_order_n, 3);
    uassert_int_equal(port_order[0], 1);
    uassert_int_equal(port_order[1], 2);
    uassert_int_equal(port_order[2], 3);
    /* a raised vector is ignored while masked and delivered on enable */
    {
        rt_base_t level = rt_hw_interrupt_disable();

        port_order_n = 0;
        sim_irq_raise(SIM_IRQ_USER);
        uassert_int_equal(port_order_n, 0);
        rt_hw_interrupt_enable(level);
        uassert_int_equal(port_order_n, 1);
    }
    rt_hw_interrupt_install(SIM_IRQ_USER, RT_NULL, RT_NULL, RT_NULL);
    rt_sem_detach(&port_isr_sem);
}

static volatile int port_ran;

static void port_short_entry(void *arg)
{
    port_ran++;
}

/* Host threads of threads that ended just before are released asynchronously: wait until
 * the count stops moving (or reaches `target`). */
static int port_settle(int target)
{
    int last = -1;

    for (int i = 0; i < 300; i++) {
        int now = sim_host_thread_count();

        if (now <= target || now == last)
            return now;
        last = now;
        rt_thread_mdelay(20);
    }
    return sim_host_thread_count();
}

/* Thousands of threads created, run or not, deleted or exited: no host thread remains. */
static void test_thread_churn(void)
{
    int baseline = port_settle(0);
    int created = 0;

    port_ran = 0;
    for (int i = 0; i < 3000; i++) {
        rt_thread_t t =
            rt_thread_create("p_churn", port_short_entry, RT_NULL, PORT_TEST_STACK, 5, 10);

        if (t == RT_NULL)
            break;
        created++;
        if (i % 3 == 2)
            rt_thread_delete(t); /* never started */
        else
            rt_thread_startup(t); /* runs to its end at once (higher priority) */
        if (i % 100 == 99)
            rt_thread_mdelay(1); /* let idle free the defunct ones */
    }
    uassert_int_equal(created, 3000);
    uassert_int_equal(port_ran, 2000);
    uassert_value_less_equal(port_settle(baseline), baseline);
}

/* ---- interrupt storm: a host source raising an interrupt every few microseconds while
 * threads ping-pong and the ISR wakes a third, higher-priority thread ---- */

#define STORM_ROUNDS 2000
#define STORM_IRQ    (SIM_IRQ_USER + 1)

static struct rt_semaphore storm_ping, storm_pong, storm_isr_sem, storm_done;
static atomic_int storm_stop;
static volatile long storm_irqs, storm_wakes, storm_isr_posts;

static void storm_isr(int vector, void *param)
{
    storm_irqs++;
    if (storm_irqs % 8 == 0) {
        storm_isr_posts++;
        rt_sem_release(&storm_isr_sem);
    }
}

static void *storm_source(void *arg)
{
    struct timespec gap = {0, 20000};
    sigset_t set;

    sigemptyset(&set);
    sigaddset(&set, SIGUSR2); /* a host helper: never the target of interrupt signals */
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    while (!atomic_load(&storm_stop)) {
        sim_irq_raise(STORM_IRQ);
        nanosleep(&gap, NULL);
    }
    return NULL;
}

static void storm_ping_entry(void *arg)
{
    for (int i = 0; i < STORM_ROUNDS; i++) {
        rt_sem_release(&storm_ping);
        rt_sem_take(&storm_pong, RT_WAITING_FOREVER);
    }
    rt_sem_release(&storm_done);
}

static void storm_pong_entry(void *arg)
{
    for (int i = 0; i < STORM_ROUNDS; i++) {
        rt_sem_take(&storm_ping, RT_WAITING_FOREVER);
        rt_sem_release(&storm_pong);
    }
    rt_sem_release(&storm_done);
}

static void storm_waker_entry(void *arg)
{
    while (rt_sem_take(&storm_isr_sem, RT_WAITING_FOREVER) == RT_EOK && !atomic_load(&storm_stop))
        storm_wakes++;
}

static void test_irq_storm(void)
{
    rt_thread_t ping, pong, waker;
    pthread_t source;
    rt_err_t a, b;

    storm_irqs = storm_wakes = storm_isr_posts = 0;
    atomic_store(&storm_stop, 0);
    rt_sem_init(&storm_ping, "s_ping", 0, RT_IPC_FLAG_PRIO);
    rt_sem_init(&storm_pong, "s_pong", 0, RT_IPC_FLAG_PRIO);
    rt_sem_init(&storm_isr_sem, "s_isr", 0, RT_IPC_FLAG_PRIO);
    rt_sem_init(&storm_done, "s_done", 0, RT_IPC_FLAG_PRIO);
    rt_hw_interrupt_install(STORM_IRQ, storm_isr, RT_NULL, "storm");
    waker = rt_thread_create("s_wake", storm_waker_entry, RT_NULL, PORT_TEST_STACK, 9, 10);
    ping = rt_thread_create("s_ping", storm_ping_entry, RT_NULL, PORT_TEST_STACK, 11, 10);
    pong = rt_thread_create("s_pong", storm_pong_entry, RT_NULL, PORT_TEST_STACK, 12, 10);
    uassert_true(waker != RT_NULL && ping != RT_NULL && pong != RT_NULL);
    uassert_int_equal(pthread_create(&source, NULL, storm_source, NULL), 0);
    rt_thread_startup(waker);
    rt_thread_startup(pong);
    rt_thread_startup(ping);
    a = rt_sem_take(&storm_done, 20 * RT_TICK_PER_SECOND);
    b = rt_sem_take(&storm_done, 20 * RT_TICK_PER_SECOND);
    atomic_store(&storm_stop, 1);
    pthread_join(source, NULL);
    rt_thread_mdelay(5);            /* the last raised interrupt is serviced and consumed */
    rt_sem_release(&storm_isr_sem); /* let the waker see the stop flag */
    rt_thread_mdelay(20);
    uassert_int_equal(a, RT_EOK);
    uassert_int_equal(b, RT_EOK);
    uassert_value_greater(storm_irqs, 0);
    /* every ISR post was taken by the waker (its last take is the stop post) */
    uassert_int_equal(storm_wakes, storm_isr_posts);
    rt_hw_interrupt_install(STORM_IRQ, RT_NULL, RT_NULL, RT_NULL);
    rt_sem_detach(&storm_ping);
    rt_sem_detach(&storm_pong);
    rt_sem_detach(&storm_isr_sem);
    rt_sem_detach(&storm_done);
}

static rt_err_t port_init(void)
{
    return rt_sem_init(&port_done, "p_done", 0, RT_IPC_FLAG_PRIO);
}

static rt_err_t port_cleanup(void)
{
    return rt_sem_detach(&port_done);
}

static void sim_port_testcase(void)
{
    UTEST_UNIT_RUN(test_preempt_busy_thread);
    UTEST_UNIT_RUN(test_masking_holds_tick);
    UTEST_UNIT_RUN(test_isr_switch);
    UTEST_UNIT_RUN(test_thread_churn);
    UTEST_UNIT_RUN(test_irq_storm);
}
UTEST_TC_EXPORT(sim_port_testcase, "sim.port", port_init, port_cleanup, 60);

#endif /* RT_USING_UTEST */
