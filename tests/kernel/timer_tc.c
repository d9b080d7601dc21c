/* Timer tests: hard / soft, one-shot / periodic, control commands, stop / restart. */
#include "ktest.h"

#define KTM_MAX_FIRES 16
struct ktm_log {
    volatile int count;
    volatile rt_tick_t at[KTM_MAX_FIRES];
    volatile int in_isr;    /* fires that saw rt_interrupt_get_nest() > 0 */
    volatile int in_thread; /* fires that ran in a thread other than ours */
    rt_thread_t tester;
};

static struct rt_timer s_tm;
static struct ktm_log s_log;

static void ktm_cb(void *p)
{
    struct ktm_log *log = p;

    if (log->count < KTM_MAX_FIRES)
        log->at[log->count] = rt_tick_get();
    if (rt_interrupt_get_nest() > 0)
        log->in_isr++;
    else if (rt_thread_self() != RT_NULL && rt_thread_self() != log->tester)
        log->in_thread++;
    log->count++;
}

static void ktm_log_reset(void)
{
    rt_memset((void *)&s_log, 0, sizeof(s_log));
    s_log.tester = rt_thread_self();
}

static void oneshot(rt_uint8_t kind)
{
    rt_tick_t t0;
    rt_uint32_t state = 0xff;

    ktm_log_reset();
    rt_timer_init(&s_tm, "ktm1", ktm_cb, &s_log, 5, RT_TIMER_FLAG_ONE_SHOT | kind);
    uassert_int_equal(rt_object_get_type(&s_tm.parent), RT_Object_Class_Timer);
    uassert_true(rt_object_is_systemobject(&s_tm.parent));
    uassert_int_equal(rt_timer_control(&s_tm, RT_TIMER_CTRL_GET_STATE, &state), RT_EOK);
    uassert_int_equal(state, RT_TIMER_FLAG_DEACTIVATED);
    t0 = rt_tick_get();
    uassert_int_equal(rt_timer_start(&s_tm), RT_EOK);
    rt_timer_control(&s_tm, RT_TIMER_CTRL_GET_STATE, &state);
    uassert_int_equal(state, RT_TIMER_FLAG_ACTIVATED);
    rt_thread_delay(12);
    uassert_int_equal(s_log.count, 1);
    uassert_in_range(s_log.at[0] - t0, 5, 6);
    rt_timer_control(&s_tm, RT_TIMER_CTRL_GET_STATE, &state);
    uassert_int_equal(state, RT_TIMER_FLAG_DEACTIVATED); /* a one-shot stops itself */
    if (kind == RT_TIMER_FLAG_HARD_TIMER) {
        uassert_int_equal(s_log.in_isr, 1);
    } else {
        uassert_int_equal(s_log.in_isr, 0);
        uassert_int_equal(s_log.in_thread, 1); /* the "timer" thread */
    }
    uassert_int_equal(rt_timer_detach(&s_tm), RT_EOK);
}

static void test_timer_hard_oneshot(void)
{
    oneshot(RT_TIMER_FLAG_HARD_TIMER);
}

#ifdef RT_USING_TIMER_SOFT
static void test_timer_soft_oneshot(void)
{
    oneshot(RT_TIMER_FLAG_SOFT_TIMER);
}
#endif

static void periodic(rt_uint8_t kind)
{
    rt_timer_t tm;
    int i, n;

    ktm_log_reset();
    tm = rt_timer_create("ktmp", ktm_cb, &s_log, 3, RT_TIMER_FLAG_PERIODIC | kind);
    uassert_not_null(tm);
    if (tm == RT_NULL)
        return;
    uassert_int_equal(rt_object_get_type(&tm->parent), RT_Object_Class_Timer);
    uassert_int_equal(rt_timer_start(tm), RT_EOK);
    rt_thread_delay(3 * 6 + 1);
    uassert_int_equal(rt_timer_stop(tm), RT_EOK);
    n = s_log.count;
    uassert_in_range(n, 5, 7);
    for (i = 1; i < n && i < KTM_MAX_FIRES; i++) {
        rt_tick_t gap = s_log.at[i] - s_log.at[i - 1];

        if (kind == RT_TIMER_FLAG_HARD_TIMER)
            uassert_int_equal(gap, 3);
        else
            uassert_in_range(gap, 3, 4);
    }
    rt_thread_delay(7);
    uassert_int_equal(s_log.count, n);               /* stopped: no more fires */
    uassert_int_equal(rt_timer_stop(tm), -RT_ERROR); /* already stopped */
    uassert_int_equal(rt_timer_delete(tm), RT_EOK);
}

static void test_timer_hard_periodic(void)
{
    periodic(RT_TIMER_FLAG_HARD_TIMER);
}

#ifdef RT_USING_TIMER_SOFT
static void test_timer_soft_periodic(void)
{
    periodic(RT_TIMER_FLAG_SOFT_TIMER);
}
#endif

static void dummy_cb(void *p)
{
}

/* SET/GET_TIME, SET_ONESHOT/PERIODIC, GET/SET_FUNC and GET/SET_PARM on a stopped timer. */
static void timer_control_settings(void)
{
    rt_tick_t t = 0;
    void *ptr = RT_NULL;

    uassert_int_equal(rt_timer_control(&s_tm, RT_TIMER_CTRL_GET_TIME, &t), RT_EOK);
    uassert_int_equal(t, 50);
    t = 7;
    uassert_int_equal(rt_timer_control(&s_tm, RT_TIMER_CTRL_SET_TIME, &t), RT_EOK);
    t = 0;
    rt_timer_control(&s_tm, RT_TIMER_CTRL_GET_TIME, &t);
    uassert_int_equal(t, 7);
    uassert_int_equal(s_tm.init_tick, 7);

    uassert_int_equal(rt_timer_control(&s_tm, RT_TIMER_CTRL_SET_PERIODIC, RT_NULL), RT_EOK);
    uassert_true(s_tm.parent.flag & RT_TIMER_FLAG_PERIODIC);
    uassert_int_equal(rt_timer_control(&s_tm, RT_TIMER_CTRL_SET_ONESHOT, RT_NULL), RT_EOK);
    uassert_false(s_tm.parent.flag & RT_TIMER_FLAG_PERIODIC);

    uassert_int_equal(rt_timer_control(&s_tm, RT_TIMER_CTRL_GET_FUNC, &ptr), RT_EOK);
    uassert_true(ptr == (void *)ktm_cb);
    uassert_int_equal(rt_timer_control(&s_tm, RT_TIMER_CTRL_GET_PARM, &ptr), RT_EOK);
    uassert_true(ptr == (void *)&s_log);
    uassert_int_equal(rt_timer_control(&s_tm, RT_TIMER_CTRL_SET_FUNC, (void *)dummy_cb), RT_EOK);
    uassert_true(s_tm.timeout_func == dummy_cb);
    uassert_int_equal(rt_timer_control(&s_tm, RT_TIMER_CTRL_SET_PARM, RT_NULL), RT_EOK);
    uassert_null(s_tm.parameter);
    rt_timer_control(&s_tm, RT_TIMER_CTRL_SET_FUNC, (void *)ktm_cb);
    rt_timer_control(&s_tm, RT_TIMER_CTRL_SET_PARM, &s_log);
}

static void test_timer_control(void)
{
    rt_tick_t t, t0, t1;
    rt_uint32_t state;

    ktm_log_reset();
    rt_timer_init(&s_tm, "ktmc", ktm_cb, &s_log, 50, RT_TIMER_FLAG_ONE_SHOT);
    timer_control_settings();
    /* GET_REMAIN_TIME reports the absolute tick the timer fires at (RT-Thread semantics) */
    t0 = rt_tick_get();
    rt_timer_start(&s_tm);
    t1 = rt_tick_get();
    t = 0;
    uassert_int_equal(rt_timer_control(&s_tm, RT_TIMER_CTRL_GET_REMAIN_TIME, &t), RT_EOK);
    uassert_in_range(t - t0, 7, 7 + (t1 - t0));
    state = 0;
    rt_timer_control(&s_tm, RT_TIMER_CTRL_GET_STATE, &state);
    uassert_int_equal(state, RT_TIMER_FLAG_ACTIVATED);
    rt_thread_delay(10);
    uassert_int_equal(s_log.count, 1);
    uassert_in_range(s_log.at[0] - t0, 7, 8);
    uassert_int_equal(rt_timer_detach(&s_tm), RT_EOK);
}

static void test_timer_stop_restart(void)
{
    rt_tick_t t1;

    ktm_log_reset();
    rt_timer_init(&s_tm, "ktms", ktm_cb, &s_log, 6, RT_TIMER_FLAG_ONE_SHOT);
    /* stopped before it expires: never fires */
    rt_timer_start(&s_tm);
    rt_thread_delay(2);
    uassert_int_equal(rt_timer_stop(&s_tm), RT_EOK);
    rt_thread_delay(8);
    uassert_int_equal(s_log.count, 0);
    /* starting a running timer restarts its countdown */
    rt_timer_start(&s_tm);
    rt_thread_delay(3);
    t1 = rt_tick_get();
    uassert_int_equal(rt_timer_start(&s_tm), RT_EOK);
    rt_thread_delay(4);
    uassert_int_equal(s_log.count, 0); /* would have fired by now without the restart */
    rt_thread_delay(6);
    uassert_int_equal(s_log.count, 1);
    uassert_in_range(s_log.at[0] - t1, 6, 7);
    /* a stopped timer can be started again */
    rt_timer_start(&s_tm);
    rt_thread_delay(9);
    uassert_int_equal(s_log.count, 2);
    uassert_int_equal(rt_timer_detach(&s_tm), RT_EOK);
}

/* Many timers with different delays fire in order of their expiry. */
#define KTM_N 6
static volatile int s_order[KTM_N];
static volatile int s_order_n;

static void order_cb(void *p)
{
    if (s_order_n < KTM_N)
        s_order[s_order_n++] = (int)(rt_ubase_t)p;
}

static void test_timer_many_order(void)
{
    static const rt_tick_t delays[KTM_N] = {9, 2, 7, 4, 11, 5};
    static const int expect[KTM_N] = {1, 3, 5, 2, 0, 4};
    rt_timer_t tm[KTM_N];
    int i;

    s_order_n = 0;
    for (i = 0; i < KTM_N; i++) {
        tm[i] = rt_timer_create("ktmo", order_cb, (void *)(rt_ubase_t)i, delays[i],
                                RT_TIMER_FLAG_ONE_SHOT | RT_TIMER_FLAG_HARD_TIMER);
        uassert_not_null(tm[i]);
        if (tm[i] == RT_NULL)
            return;
    }
    rt_enter_critical(); /* start them all within the same tick as far as possible */
    for (i = 0; i < KTM_N; i++)
        rt_timer_start(tm[i]);
    rt_exit_critical();
    rt_thread_delay(15);
    uassert_int_equal(s_order_n, KTM_N);
    for (i = 0; i < KTM_N; i++)
        uassert_int_equal(s_order[i], expect[i]);
    for (i = 0; i < KTM_N; i++)
        uassert_int_equal(rt_timer_delete(tm[i]), RT_EOK);
}

/* Callbacks may restart a one-shot timer (three times) or stop their own periodic timer. */
static struct rt_timer s_tm2;

static void restart_cb(void *p)
{
    ktm_cb(p);
    if (s_log.count < 3)
        rt_timer_start(&s_tm);
}

static void self_stop_cb(void *p)
{
    struct ktm_log *log = p;

    if (++log->count == 3)
        rt_timer_stop(&s_tm2);
}

static void test_timer_callback_control(void)
{
    struct ktm_log log2;
    rt_tick_t t0;
    int i;

    ktm_log_reset();
    rt_memset(&log2, 0, sizeof(log2));
    rt_timer_init(&s_tm, "ktmr", restart_cb, &s_log, 3, RT_TIMER_FLAG_ONE_SHOT);
    rt_timer_init(&s_tm2, "ktms2", self_stop_cb, &log2, 2, RT_TIMER_FLAG_PERIODIC);
    t0 = rt_tick_get();
    rt_timer_start(&s_tm);
    rt_timer_start(&s_tm2);
    rt_thread_delay(15);
    uassert_int_equal(s_log.count, 3);
    uassert_in_range(s_log.at[0] - t0, 3, 4);
    for (i = 1; i < 3; i++)
        uassert_int_equal(s_log.at[i] - s_log.at[i - 1], 3);
    uassert_int_equal(log2.count, 3); /* stopped itself at the third fire */
    uassert_int_equal(rt_timer_detach(&s_tm), RT_EOK);
    uassert_int_equal(rt_timer_detach(&s_tm2), RT_EOK);
}

static void testcase(void)
{
    UTEST_UNIT_RUN(test_timer_hard_oneshot);
#ifdef RT_USING_TIMER_SOFT
    UTEST_UNIT_RUN(test_timer_soft_oneshot);
#endif
    UTEST_UNIT_RUN(test_timer_hard_periodic);
#ifdef RT_USING_TIMER_SOFT
    UTEST_UNIT_RUN(test_timer_soft_periodic);
#endif
    UTEST_UNIT_RUN(test_timer_control);
    UTEST_UNIT_RUN(test_timer_stop_restart);
    UTEST_UNIT_RUN(test_timer_many_order);
    UTEST_UNIT_RUN(test_timer_callback_control);
}
UTEST_TC_EXPORT(testcase, "testcases.kernel.timer_tc", RT_NULL, RT_NULL, 30);
