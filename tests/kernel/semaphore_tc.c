/* Semaphore tests: counting, timeouts, wake order, reset, release from interrupt context. */
#include "ktest.h"

static struct rt_semaphore s_sem;

static void test_sem_static_counting(void)
{
    uassert_int_equal(rt_sem_init(&s_sem, "ksem", 2, RT_IPC_FLAG_PRIO), RT_EOK);
    uassert_int_equal(s_sem.value, 2);
    uassert_int_equal(rt_object_get_type(&s_sem.parent.parent), RT_Object_Class_Semaphore);
    uassert_true(rt_object_is_systemobject(&s_sem.parent.parent));
    uassert_int_equal(rt_sem_take(&s_sem, RT_WAITING_FOREVER), RT_EOK);
    uassert_int_equal(rt_sem_trytake(&s_sem), RT_EOK);
    uassert_int_equal(s_sem.value, 0);
    uassert_int_equal(rt_sem_trytake(&s_sem), -RT_ETIMEOUT);
    uassert_int_equal(rt_sem_take(&s_sem, RT_WAITING_NO), -RT_ETIMEOUT);
    uassert_int_equal(rt_sem_release(&s_sem), RT_EOK);
    uassert_int_equal(s_sem.value, 1);
    uassert_int_equal(rt_sem_take(&s_sem, 10), RT_EOK);
    uassert_int_equal(rt_sem_detach(&s_sem), RT_EOK);
}

static void test_sem_value_limit(void)
{
    uassert_int_equal(rt_sem_init(&s_sem, "ksem", RT_SEM_VALUE_MAX, RT_IPC_FLAG_FIFO), RT_EOK);
    uassert_int_equal(rt_sem_release(&s_sem), -RT_EFULL);
    uassert_int_equal(s_sem.value, RT_SEM_VALUE_MAX);
    uassert_int_equal(rt_sem_detach(&s_sem), RT_EOK);
}

static void test_sem_timeout_ticks(void)
{
    static const rt_int32_t waits[] = {1, 3, 7};
    rt_sem_t sem = rt_sem_create("ksemd", 0, RT_IPC_FLAG_FIFO);
    rt_size_t i;

    uassert_not_null(sem);
    if (sem == RT_NULL)
        return;
    for (i = 0; i < RT_ARRAY_SIZE(waits); i++) {
        rt_tick_t t0 = rt_tick_get();
        rt_err_t err = rt_sem_take(sem, waits[i]);
        rt_tick_t dt = kt_elapsed(t0);

        uassert_int_equal(err, -RT_ETIMEOUT);
        uassert_in_range(dt, waits[i], waits[i] + 1);
    }
    uassert_int_equal(rt_sem_delete(sem), RT_EOK);
}

/* --- wake order: waiters start in one order with priorities in another --- */
#define KSEM_WAITERS 3
static rt_sem_t s_order_sem;
static volatile int s_order[KSEM_WAITERS];
static volatile int s_order_n;
static struct kt_worker s_waiter[KSEM_WAITERS];

static void sem_order_waiter(void *arg)
{
    if (rt_sem_take(s_order_sem, RT_WAITING_FOREVER) == RT_EOK)
        s_order[s_order_n++] = (int)(rt_ubase_t)arg;
}

/* Waiter i has priority self-1-prio_rank[i]; they are started (and block) in index order. */
static void sem_wake_order(rt_uint8_t flag, const int *expect)
{
    static const int prio_rank[KSEM_WAITERS] = {2, 0, 1}; /* 0 = most urgent */
    int i;

    s_order_sem = rt_sem_create("ksemo", 0, flag);
    uassert_not_null(s_order_sem);
    if (s_order_sem == RT_NULL)
        return;
    s_order_n = 0;
    for (i = 0; i < KSEM_WAITERS; i++)
        uassert_int_equal(kt_worker_start(&s_waiter[i], "ksemw", sem_order_waiter,
                                          (void *)(rt_ubase_t)i, kt_prio(-3 + prio_rank[i]), 10),
                          RT_EOK);
    /* Every waiter is more urgent than us, so each has blocked by now; wake one at a time. */
    for (i = 0; i < KSEM_WAITERS; i++) {
        uassert_int_equal(rt_sem_release(s_order_sem), RT_EOK);
        uassert_int_equal(s_order_n, i + 1);
    }
    for (i = 0; i < KSEM_WAITERS; i++) {
        uassert_true(kt_worker_join(&s_waiter[i], 50));
        uassert_int_equal(s_order[i], expect[i]);
    }
    uassert_int_equal(rt_sem_delete(s_order_sem), RT_EOK);
}

static void test_sem_fifo_order(void)
{
    static const int expect[KSEM_WAITERS] = {0, 1, 2}; /* arrival order */
    sem_wake_order(RT_IPC_FLAG_FIFO, expect);
}

static void test_sem_prio_order(void)
{
    static const int expect[KSEM_WAITERS] = {1, 2, 0}; /* most urgent first */
    sem_wake_order(RT_IPC_FLAG_PRIO, expect);
}

/* --- a blocked taker is woken by a release from another thread / an interrupt --- */
static volatile rt_err_t s_take_err;
static volatile rt_tick_t s_take_ticks;

static void sem_taker(void *arg)
{
    rt_tick_t t0 = rt_tick_get();

    s_take_err = rt_sem_take((rt_sem_t)arg, RT_WAITING_FOREVER);
    s_take_ticks = kt_elapsed(t0);
}

static void test_sem_release_wakes_waiter(void)
{
    struct kt_worker w;

    uassert_int_equal(rt_sem_init(&s_sem, "ksem", 0, RT_IPC_FLAG_PRIO), RT_EOK);
    s_take_err = 1;
    uassert_int_equal(kt_worker_start(&w, "ksemt", sem_taker, &s_sem, kt_prio(-1), 10), RT_EOK);
    uassert_int_equal(s_take_err, 1); /* blocked */
    rt_thread_delay(3);
    uassert_int_equal(s_take_err, 1);
    uassert_int_equal(rt_sem_release(&s_sem), RT_EOK);
    /* the waiter is more urgent: it ran before rt_sem_release returned */
    uassert_int_equal(s_take_err, RT_EOK);
    uassert_int_equal(s_sem.value, 0);
    uassert_true(kt_worker_join(&w, 50));
    uassert_int_equal(rt_sem_detach(&s_sem), RT_EOK);
}

static void sem_release_isr(void *p)
{
    /* hard timer: runs in the tick interrupt */
    if (rt_interrupt_get_nest() > 0)
        rt_sem_release((rt_sem_t)p);
}

static void test_sem_release_from_isr(void)
{
    struct rt_timer tm;
    rt_tick_t t0;
    rt_err_t err;

    uassert_int_equal(rt_sem_init(&s_sem, "ksemi", 0, RT_IPC_FLAG_FIFO), RT_EOK);
    rt_timer_init(&tm, "ksemtm", sem_release_isr, &s_sem, 4,
                  RT_TIMER_FLAG_ONE_SHOT | RT_TIMER_FLAG_HARD_TIMER);
    t0 = rt_tick_get();
    uassert_int_equal(rt_timer_start(&tm), RT_EOK);
    err = rt_sem_take(&s_sem, 50);
    uassert_int_equal(err, RT_EOK);
    uassert_in_range(kt_elapsed(t0), 4, 5);
    rt_timer_stop(&tm);
    uassert_int_equal(rt_timer_detach(&tm), RT_EOK);
    uassert_int_equal(rt_sem_detach(&s_sem), RT_EOK);
}

/* --- control(RESET) and delete resume waiters with -RT_ERROR --- */
static void test_sem_reset(void)
{
    struct kt_worker w;

    uassert_int_equal(rt_sem_init(&s_sem, "ksemr", 5, RT_IPC_FLAG_FIFO), RT_EOK);
    uassert_int_equal(rt_sem_control(&s_sem, RT_IPC_CMD_RESET, (void *)(rt_ubase_t)0), RT_EOK);
    uassert_int_equal(s_sem.value, 0);
    s_take_err = 1;
    uassert_int_equal(kt_worker_start(&w, "ksemt", sem_taker, &s_sem, kt_prio(-1), 10), RT_EOK);
    uassert_int_equal(s_take_err, 1);
    uassert_int_equal(rt_sem_control(&s_sem, RT_IPC_CMD_RESET, (void *)(rt_ubase_t)3), RT_EOK);
    uassert_int_equal(s_take_err, -RT_ERROR);
    uassert_int_equal(s_sem.value, 3);
    uassert_int_equal(rt_sem_control(&s_sem, RT_IPC_CMD_UNKNOWN, RT_NULL), -RT_ERROR);
    uassert_true(kt_worker_join(&w, 50));
    uassert_int_equal(rt_sem_detach(&s_sem), RT_EOK);
}

static void test_sem_delete_wakes_waiter(void)
{
    struct kt_worker w;
    rt_sem_t sem = rt_sem_create("ksemx", 0, RT_IPC_FLAG_PRIO);

    uassert_not_null(sem);
    if (sem == RT_NULL)
        return;
    s_take_err = 1;
    uassert_int_equal(kt_worker_start(&w, "ksemt", sem_taker, sem, kt_prio(-1), 10), RT_EOK);
    uassert_int_equal(s_take_err, 1);
    uassert_int_equal(rt_sem_delete(sem), RT_EOK);
    uassert_int_equal(s_take_err, -RT_ERROR);
    uassert_true(kt_worker_join(&w, 50));
}

/* rt_thread_resume() of a thread blocked in rt_sem_take() ends the wait with -RT_EINTR; the
 * count is not consumed. */
static void test_sem_resume_interrupts_take(void)
{
    struct kt_worker w;

    uassert_int_equal(rt_sem_init(&s_sem, "ksemn", 0, RT_IPC_FLAG_FIFO), RT_EOK);
    s_take_err = 1;
    uassert_int_equal(kt_worker_start(&w, "ksemt", sem_taker, &s_sem, kt_prio(-1), 10), RT_EOK);
    uassert_int_equal(s_take_err, 1);
    uassert_int_equal(rt_thread_resume(w.tid), RT_EOK);
    uassert_int_equal(s_take_err, -RT_EINTR);
    uassert_true(kt_worker_join(&w, 20));
    uassert_int_equal(rt_sem_release(&s_sem), RT_EOK);
    uassert_int_equal(s_sem.value, 1);
    uassert_int_equal(rt_sem_detach(&s_sem), RT_EOK);
}

/* A waiter deleted while blocked leaves the wait queue: a later release is not lost on it. */
static void test_sem_deleted_waiter(void)
{
    struct kt_worker gone, next;

    uassert_int_equal(rt_sem_init(&s_sem, "ksemg", 0, RT_IPC_FLAG_FIFO), RT_EOK);
    s_take_err = 1;
    kt_worker_start(&gone, "ksemg", sem_taker, &s_sem, kt_prio(-1), 10);
    uassert_int_equal(rt_thread_delete(gone.tid), RT_EOK);
    gone.tid = RT_NULL;
    uassert_true(rt_list_isempty(&s_sem.parent.suspend_thread));
    uassert_int_equal(rt_sem_release(&s_sem), RT_EOK);
    uassert_int_equal(s_sem.value, 1); /* nobody took it */
    kt_worker_start(&next, "ksemn", sem_taker, &s_sem, kt_prio(-1), 10);
    uassert_int_equal(s_take_err, RT_EOK); /* the next taker gets it at once */
    uassert_int_equal(s_sem.value, 0);
    uassert_true(kt_worker_join(&next, 20));
    uassert_int_equal(rt_sem_detach(&s_sem), RT_EOK);
}

static void testcase(void)
{
    UTEST_UNIT_RUN(test_sem_static_counting);
    UTEST_UNIT_RUN(test_sem_value_limit);
    UTEST_UNIT_RUN(test_sem_timeout_ticks);
    UTEST_UNIT_RUN(test_sem_fifo_order);
    UTEST_UNIT_RUN(test_sem_prio_order);
    UTEST_UNIT_RUN(test_sem_release_wakes_waiter);
    UTEST_UNIT_RUN(test_sem_release_from_isr);
    UTEST_UNIT_RUN(test_sem_reset);
    UTEST_UNIT_RUN(test_sem_delete_wakes_waiter);
    UTEST_UNIT_RUN(test_sem_resume_interrupts_take);
    UTEST_UNIT_RUN(test_sem_deleted_waiter);
}
UTEST_TC_EXPORT(testcase, "testcases.kernel.semaphore_tc", RT_NULL, RT_NULL, 30);
