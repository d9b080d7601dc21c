/* Simulator interrupt tests: a user interrupt vector runs its handler in interrupt context,
 * masking defers and coalesces it, and deleted threads release their host threads. Sim only. */
#include "ktest.h"
#include "sim.h"

#define KIRQ_VEC (SIM_IRQ_USER + 3)

static volatile int s_calls;
static volatile int s_nest;
static volatile int s_vector;
static void *volatile s_param;
static struct rt_semaphore s_sem;
static int s_token; /* handler parameter */

static void user_isr(int vector, void *param)
{
    s_calls++;
    s_nest = rt_interrupt_get_nest();
    s_vector = vector;
    s_param = param;
    rt_sem_release(&s_sem);
}

static void test_simirq_handler_context(void)
{
    sim_isr_t old;
    rt_base_t level;
    int masked_calls;

    rt_sem_init(&s_sem, "kirq", 0, RT_IPC_FLAG_FIFO);
    s_calls = 0;
    old = rt_hw_interrupt_install(KIRQ_VEC, user_isr, &s_token, "ktest");
    sim_irq_raise(KIRQ_VEC);
    uassert_int_equal(s_calls, 1); /* ran before sim_irq_raise returned */
    uassert_int_equal(s_nest, 1);
    uassert_int_equal(s_vector, KIRQ_VEC);
    uassert_true(s_param == &s_token);
    uassert_int_equal(rt_sem_trytake(&s_sem), RT_EOK);

    /* masked: the interrupt waits, and two raises make one call */
    level = rt_hw_interrupt_disable();
    sim_irq_raise(KIRQ_VEC);
    sim_irq_raise(KIRQ_VEC);
    masked_calls = s_calls;
    rt_hw_interrupt_enable(level);
    uassert_int_equal(masked_calls, 1);
    uassert_int_equal(s_calls, 2);
    uassert_int_equal(rt_sem_trytake(&s_sem), RT_EOK);
    uassert_int_equal(rt_sem_trytake(&s_sem), -RT_ETIMEOUT);

    rt_hw_interrupt_install(KIRQ_VEC, old, RT_NULL, "ktest");
    sim_irq_raise(SIM_IRQ_MAX + 5); /* out of range: ignored */
    rt_sem_detach(&s_sem);
}

static void sleeper(void *arg)
{
    rt_thread_delay(100000);
}

static void test_simirq_host_threads_released(void)
{
    int base, i, now = 0;
    rt_tick_t t0;

    /* threads closed before (the previous test case's) release their host threads lazily:
     * take the baseline once the count has not moved for a while */
    base = sim_host_thread_count();
    for (i = 0, t0 = rt_tick_get(); i < 5 && kt_elapsed(t0) < 200; i++) {
        rt_thread_delay(2);
        now = sim_host_thread_count();
        if (now != base)
            i = -1;
        base = now;
    }

    for (i = 0; i < 50; i++) {
        rt_thread_t t = rt_thread_create("khost", sleeper, RT_NULL, KT_STACK_SIZE, kt_prio(-1), 5);

        if (t == RT_NULL)
            break;
        rt_thread_startup(t);
        rt_thread_delete(t);
    }
    uassert_int_equal(i, 50);
    t0 = rt_tick_get();
    while ((now = sim_host_thread_count()) > base && kt_elapsed(t0) < 500)
        rt_thread_delay(2);
    uassert_value_less_equal(now, base); /* fewer is fine: older threads finished releasing */
}

static void testcase(void)
{
    UTEST_UNIT_RUN(test_simirq_handler_context);
    UTEST_UNIT_RUN(test_simirq_host_threads_released);
}
UTEST_TC_EXPORT(testcase, "testcases.kernel.simirq_tc", RT_NULL, RT_NULL, 30);
