/* Stack overflow detection: corrupt the guard byte at the bottom of a blocked test thread's
 * stack and check that the kernel's detector reports exactly that thread (through the
 * stack-overflow hook, which returns RT_EOK so that the system goes on). */
#include "ktest.h"

#if defined(RT_USING_OVERFLOW_CHECK) && defined(RT_USING_HOOK)

static rt_thread_t volatile s_victim;
static volatile int s_reports, s_wrong;
static volatile rt_uint8_t s_saved;

static rt_err_t overflow_hook(struct rt_thread *thread)
{
    if (thread == s_victim) {
        s_reports++;
        /* repair the guard so later switches of the thread stay quiet */
        *(volatile rt_uint8_t *)thread->stack_addr = s_saved;
    } else {
        s_wrong++;
    }
    return RT_EOK;
}

static struct rt_semaphore s_sem;
static volatile int s_woken;

static void victim_entry(void *arg)
{
    while (rt_sem_take(&s_sem, RT_WAITING_FOREVER) == RT_EOK && s_woken >= 0)
        s_woken++;
}

static void corrupt_guard(rt_thread_t t)
{
    rt_uint8_t *guard = t->stack_addr; /* stacks grow down: the guard is the lowest byte */

    s_saved = *guard;
    *(volatile rt_uint8_t *)guard = (rt_uint8_t)~s_saved;
}

static void test_overflow_guard_intact(void)
{
    rt_thread_t self = rt_thread_self();

    /* the kernel fills fresh stacks with '#': the lowest byte is the guard */
    uassert_int_equal(*(rt_uint8_t *)self->stack_addr, '#');
    s_victim = RT_NULL;
    s_reports = s_wrong = 0;
    rt_scheduler_stack_overflow_sethook(overflow_hook);
    rt_scheduler_stack_check(self);
    rt_thread_delay(3); /* a few switches with healthy stacks */
    rt_scheduler_stack_overflow_sethook(RT_NULL);
    uassert_int_equal(s_reports, 0);
    uassert_int_equal(s_wrong, 0);
}

static void test_overflow_detected_on_switch(void)
{
    struct kt_worker w;

    rt_sem_init(&s_sem, "kovf", 0, RT_IPC_FLAG_FIFO);
    s_woken = 0;
    uassert_int_equal(kt_worker_start(&w, "kovfv", victim_entry, RT_NULL, kt_prio(-1), 10), RT_EOK);
    uassert_int_equal(s_woken, 0); /* blocked on the semaphore */
    s_victim = w.tid;
    s_reports = s_wrong = 0;
    rt_scheduler_stack_overflow_sethook(overflow_hook);
    uassert_int_equal(*(rt_uint8_t *)w.tid->stack_addr, '#');
    corrupt_guard(w.tid);
    rt_sem_release(&s_sem); /* switching to the victim runs the check */
    uassert_int_equal(s_woken, 1);
    uassert_int_equal(s_reports, 1);
    uassert_int_equal(s_wrong, 0);
    uassert_int_equal(*(rt_uint8_t *)w.tid->stack_addr, '#');

    /* a direct check reports too, and only a corrupted stack */
    corrupt_guard(w.tid);
    rt_scheduler_stack_check(w.tid);
    uassert_int_equal(s_reports, 2);
    rt_scheduler_stack_check(w.tid);
    uassert_int_equal(s_reports, 2);
    rt_scheduler_stack_overflow_sethook(RT_NULL);

    s_woken = -1; /* let the victim leave its loop */
    rt_sem_release(&s_sem);
    uassert_true(kt_worker_join(&w, 20));
    rt_sem_detach(&s_sem);
    uassert_int_equal(s_wrong, 0);
}

static void testcase(void)
{
    UTEST_UNIT_RUN(test_overflow_guard_intact);
    UTEST_UNIT_RUN(test_overflow_detected_on_switch);
}
UTEST_TC_EXPORT(testcase, "testcases.kernel.overflow_tc", RT_NULL, RT_NULL, 10);

#endif /* RT_USING_OVERFLOW_CHECK && RT_USING_HOOK */
