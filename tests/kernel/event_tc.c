/* Event tests: AND / OR / CLEAR semantics, blocking receive, timeouts, reset. */
#include "ktest.h"

static struct rt_event s_evt;
static volatile rt_err_t s_err;
static volatile rt_uint32_t s_recved;

static void test_event_or_and_clear(void)
{
    rt_uint32_t got = 0;

    uassert_int_equal(rt_event_init(&s_evt, "kevt", RT_IPC_FLAG_PRIO), RT_EOK);
    uassert_int_equal(rt_event_send(&s_evt, 0x05), RT_EOK);
    uassert_int_equal(s_evt.set, 0x05);
    /* OR without CLEAR: reports the matching bits, leaves them set */
    uassert_int_equal(rt_event_recv(&s_evt, 0x0c, RT_EVENT_FLAG_OR, RT_WAITING_NO, &got), RT_EOK);
    uassert_int_equal(got, 0x04);
    uassert_int_equal(s_evt.set, 0x05);
    /* AND with CLEAR: needs all, clears exactly those */
    got = 0;
    uassert_int_equal(rt_event_send(&s_evt, 0x80), RT_EOK);
    uassert_int_equal(
        rt_event_recv(&s_evt, 0x81, RT_EVENT_FLAG_AND | RT_EVENT_FLAG_CLEAR, RT_WAITING_NO, &got),
        RT_EOK);
    uassert_int_equal(got, 0x81);
    uassert_int_equal(s_evt.set, 0x04);
    /* AND with a missing bit fails at once with timeout 0 and leaves set untouched */
    uassert_int_equal(rt_event_recv(&s_evt, 0x06, RT_EVENT_FLAG_AND, RT_WAITING_NO, &got),
                      -RT_ETIMEOUT);
    uassert_int_equal(s_evt.set, 0x04);
    /* OR with CLEAR clears only what matched */
    uassert_int_equal(rt_event_send(&s_evt, 0x30), RT_EOK);
    uassert_int_equal(
        rt_event_recv(&s_evt, 0x14, RT_EVENT_FLAG_OR | RT_EVENT_FLAG_CLEAR, RT_WAITING_NO, &got),
        RT_EOK);
    uassert_int_equal(got, 0x14);
    uassert_int_equal(s_evt.set, 0x20);
    /* recv with a NULL result pointer is allowed */
    uassert_int_equal(
        rt_event_recv(&s_evt, 0x20, RT_EVENT_FLAG_OR | RT_EVENT_FLAG_CLEAR, RT_WAITING_NO, RT_NULL),
        RT_EOK);
    uassert_int_equal(s_evt.set, 0);
    uassert_int_equal(rt_event_detach(&s_evt), RT_EOK);
}

static void test_event_timeout(void)
{
    static const rt_int32_t waits[] = {1, 4};
    rt_event_t e = rt_event_create("kevtt", RT_IPC_FLAG_FIFO);
    rt_uint32_t got = 0xdead;
    rt_size_t i;

    uassert_not_null(e);
    if (e == RT_NULL)
        return;
    rt_event_send(e, 0x1);
    for (i = 0; i < RT_ARRAY_SIZE(waits); i++) {
        rt_tick_t t0 = rt_tick_get();

        uassert_int_equal(rt_event_recv(e, 0x3, RT_EVENT_FLAG_AND, waits[i], &got), -RT_ETIMEOUT);
        uassert_in_range(kt_elapsed(t0), waits[i], waits[i] + 1);
    }
    uassert_int_equal(rt_event_delete(e), RT_EOK);
}

static void evt_waiter(void *arg)
{
    rt_uint32_t got = 0;

    s_err = rt_event_recv(&s_evt, 0x3, (rt_uint8_t)(rt_ubase_t)arg, RT_WAITING_FOREVER, &got);
    s_recved = got;
}

static void test_event_blocking_and(void)
{
    struct kt_worker w;

    uassert_int_equal(rt_event_init(&s_evt, "kevtb", RT_IPC_FLAG_FIFO), RT_EOK);
    s_err = 1;
    s_recved = 0;
    uassert_int_equal(kt_worker_start(&w, "kevw", evt_waiter,
                                      (void *)(rt_ubase_t)(RT_EVENT_FLAG_AND | RT_EVENT_FLAG_CLEAR),
                                      kt_prio(-1), 10),
                      RT_EOK);
    uassert_int_equal(rt_event_send(&s_evt, 0x1), RT_EOK);
    uassert_int_equal(s_err, 1); /* still waiting for 0x2 */
    uassert_int_equal(rt_event_send(&s_evt, 0x6), RT_EOK);
    uassert_int_equal(s_err, RT_EOK);
    uassert_int_equal(s_recved, 0x3);
    uassert_int_equal(s_evt.set, 0x4); /* 0x4 was not asked for and stays */
    uassert_true(kt_worker_join(&w, 50));
    uassert_int_equal(rt_event_detach(&s_evt), RT_EOK);
}

static void test_event_blocking_or(void)
{
    struct kt_worker w;

    uassert_int_equal(rt_event_init(&s_evt, "kevtb", RT_IPC_FLAG_PRIO), RT_EOK);
    s_err = 1;
    s_recved = 0;
    uassert_int_equal(kt_worker_start(&w, "kevw", evt_waiter, (void *)(rt_ubase_t)RT_EVENT_FLAG_OR,
                                      kt_prio(-1), 10),
                      RT_EOK);
    uassert_int_equal(rt_event_send(&s_evt, 0x8), RT_EOK);
    uassert_int_equal(s_err, 1);
    uassert_int_equal(rt_event_send(&s_evt, 0x2), RT_EOK);
    uassert_int_equal(s_err, RT_EOK);
    uassert_int_equal(s_recved, 0x2);
    uassert_int_equal(s_evt.set, 0xa); /* no CLEAR */
    uassert_true(kt_worker_join(&w, 50));
    uassert_int_equal(rt_event_control(&s_evt, RT_IPC_CMD_RESET, RT_NULL), RT_EOK);
    uassert_int_equal(s_evt.set, 0);
    uassert_int_equal(rt_event_detach(&s_evt), RT_EOK);
}

static void test_event_delete_wakes_waiter(void)
{
    struct kt_worker w;

    uassert_int_equal(rt_event_init(&s_evt, "kevtd", RT_IPC_FLAG_PRIO), RT_EOK);
    s_err = 1;
    uassert_int_equal(kt_worker_start(&w, "kevw", evt_waiter, (void *)(rt_ubase_t)RT_EVENT_FLAG_OR,
                                      kt_prio(-1), 10),
                      RT_EOK);
    uassert_int_equal(s_err, 1);
    uassert_int_equal(rt_event_detach(&s_evt), RT_EOK);
    uassert_int_equal(s_err, -RT_ERROR);
    uassert_true(kt_worker_join(&w, 50));
}

/* One send wakes every waiter whose condition it satisfies, CLEAR or not (RT-Thread clears
 * the union of the bits of all CLEAR waiters after resuming them). */
static volatile int s_woken_n;

static void evt_clear_waiter(void *arg)
{
    rt_uint32_t got = 0;

    if (rt_event_recv(&s_evt, 0x1, RT_EVENT_FLAG_OR | RT_EVENT_FLAG_CLEAR, 50, &got) == RT_EOK &&
        got == 0x1)
        s_woken_n++;
}

static void test_event_broadcast(void)
{
    struct kt_worker w1, w2;

    uassert_int_equal(rt_event_init(&s_evt, "kevtbc", RT_IPC_FLAG_PRIO), RT_EOK);
    s_woken_n = 0;
    kt_worker_start(&w1, "kevw1", evt_clear_waiter, RT_NULL, kt_prio(-1), 10);
    kt_worker_start(&w2, "kevw2", evt_clear_waiter, RT_NULL, kt_prio(-2), 10);
    uassert_int_equal(s_woken_n, 0);
    uassert_int_equal(rt_event_send(&s_evt, 0x3), RT_EOK);
    uassert_int_equal(s_woken_n, 2);
    uassert_int_equal(s_evt.set, 0x2); /* 0x1 cleared once both got it */
    uassert_true(kt_worker_join(&w1, 20));
    uassert_true(kt_worker_join(&w2, 20));
    uassert_int_equal(rt_event_detach(&s_evt), RT_EOK);
}

static void testcase(void)
{
    UTEST_UNIT_RUN(test_event_or_and_clear);
    UTEST_UNIT_RUN(test_event_timeout);
    UTEST_UNIT_RUN(test_event_blocking_and);
    UTEST_UNIT_RUN(test_event_blocking_or);
    UTEST_UNIT_RUN(test_event_delete_wakes_waiter);
    UTEST_UNIT_RUN(test_event_broadcast);
}
UTEST_TC_EXPORT(testcase, "testcases.kernel.event_tc", RT_NULL, RT_NULL, 30);
