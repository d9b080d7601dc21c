/* Mailbox tests: order, urgent mails, full / empty errors, timeouts, blocking both ways. */
#include "ktest.h"

#define KMB_SIZE 4
static struct rt_mailbox s_mb;
static rt_ubase_t s_pool[KMB_SIZE];
static volatile rt_err_t s_err;
static volatile rt_ubase_t s_val;

static void test_mb_order_full_empty(void)
{
    rt_ubase_t v = 0;
    int i;

    uassert_int_equal(rt_mb_init(&s_mb, "kmb", s_pool, KMB_SIZE, RT_IPC_FLAG_FIFO), RT_EOK);
    uassert_int_equal(s_mb.size, KMB_SIZE);
    uassert_int_equal(rt_mb_recv(&s_mb, &v, RT_WAITING_NO), -RT_ETIMEOUT);
    for (i = 0; i < KMB_SIZE; i++)
        uassert_int_equal(rt_mb_send(&s_mb, 100 + i), RT_EOK);
    uassert_int_equal(s_mb.entry, KMB_SIZE);
    uassert_int_equal(rt_mb_send(&s_mb, 999), -RT_EFULL);
    uassert_int_equal(rt_mb_urgent(&s_mb, 999), -RT_EFULL);
    for (i = 0; i < KMB_SIZE; i++) {
        uassert_int_equal(rt_mb_recv(&s_mb, &v, RT_WAITING_NO), RT_EOK);
        uassert_int_equal(v, 100 + i);
    }
    uassert_int_equal(s_mb.entry, 0);
    uassert_int_equal(rt_mb_recv(&s_mb, &v, RT_WAITING_NO), -RT_ETIMEOUT);
    uassert_int_equal(rt_mb_detach(&s_mb), RT_EOK);
}

static void test_mb_urgent_wraps(void)
{
    static const rt_ubase_t expect[] = {3, 2, 10, 11};
    rt_mailbox_t mb = rt_mb_create("kmbu", KMB_SIZE, RT_IPC_FLAG_PRIO);
    rt_ubase_t v = 0;
    rt_size_t i;
    int round;

    uassert_not_null(mb);
    if (mb == RT_NULL)
        return;
    /* several rounds so that the ring indexes wrap around */
    for (round = 0; round < 3; round++) {
        uassert_int_equal(rt_mb_send(mb, 10), RT_EOK);
        uassert_int_equal(rt_mb_send(mb, 11), RT_EOK);
        uassert_int_equal(rt_mb_urgent(mb, 2), RT_EOK);
        uassert_int_equal(rt_mb_urgent(mb, 3), RT_EOK);
        for (i = 0; i < RT_ARRAY_SIZE(expect); i++) {
            uassert_int_equal(rt_mb_recv(mb, &v, RT_WAITING_NO), RT_EOK);
            uassert_int_equal(v, expect[i]);
        }
        uassert_int_equal(rt_mb_send(mb, 7), RT_EOK); /* shift the ring by one */
        uassert_int_equal(rt_mb_recv(mb, &v, RT_WAITING_NO), RT_EOK);
        uassert_int_equal(v, 7);
    }
    uassert_int_equal(rt_mb_delete(mb), RT_EOK);
}

static void test_mb_timeouts(void)
{
    rt_ubase_t v;
    rt_tick_t t0;
    int i;

    uassert_int_equal(rt_mb_init(&s_mb, "kmbt", s_pool, KMB_SIZE, RT_IPC_FLAG_FIFO), RT_EOK);
    t0 = rt_tick_get();
    uassert_int_equal(rt_mb_recv(&s_mb, &v, 3), -RT_ETIMEOUT);
    uassert_in_range(kt_elapsed(t0), 3, 4);
    for (i = 0; i < KMB_SIZE; i++)
        rt_mb_send(&s_mb, i);
    t0 = rt_tick_get();
    uassert_int_equal(rt_mb_send_wait(&s_mb, 42, 3), -RT_ETIMEOUT);
    uassert_in_range(kt_elapsed(t0), 3, 4);
    uassert_int_equal(rt_mb_send_wait(&s_mb, 42, RT_WAITING_NO), -RT_EFULL);
    uassert_int_equal(s_mb.entry, KMB_SIZE);
    uassert_int_equal(rt_mb_control(&s_mb, RT_IPC_CMD_RESET, RT_NULL), RT_EOK);
    uassert_int_equal(s_mb.entry, 0);
    uassert_int_equal(rt_mb_send_wait(&s_mb, 42, 3), RT_EOK);
    uassert_int_equal(rt_mb_recv(&s_mb, &v, 3), RT_EOK);
    uassert_int_equal(v, 42);
    uassert_int_equal(rt_mb_detach(&s_mb), RT_EOK);
}

static void mb_receiver(void *arg)
{
    rt_ubase_t v = 0;

    s_err = rt_mb_recv(&s_mb, &v, RT_WAITING_FOREVER);
    s_val = v;
}

static void mb_sender(void *arg)
{
    s_err = rt_mb_send_wait(&s_mb, 0x5a5a, RT_WAITING_FOREVER);
}

static void test_mb_blocking(void)
{
    struct kt_worker w;
    rt_ubase_t v = 0;
    int i;

    uassert_int_equal(rt_mb_init(&s_mb, "kmbb", s_pool, KMB_SIZE, RT_IPC_FLAG_FIFO), RT_EOK);
    /* a receiver blocked on the empty mailbox gets the next mail */
    s_err = 1;
    uassert_int_equal(kt_worker_start(&w, "kmbr", mb_receiver, RT_NULL, kt_prio(-1), 10), RT_EOK);
    uassert_int_equal(s_err, 1);
    uassert_int_equal(rt_mb_send(&s_mb, 0x1234), RT_EOK);
    uassert_int_equal(s_err, RT_EOK);
    uassert_int_equal(s_val, 0x1234);
    uassert_int_equal(s_mb.entry, 0);
    uassert_true(kt_worker_join(&w, 50));
    /* a sender blocked on the full mailbox gets in when a mail is taken */
    for (i = 0; i < KMB_SIZE; i++)
        rt_mb_send(&s_mb, i);
    s_err = 1;
    uassert_int_equal(kt_worker_start(&w, "kmbs", mb_sender, RT_NULL, kt_prio(-1), 10), RT_EOK);
    uassert_int_equal(s_err, 1);
    uassert_int_equal(rt_mb_recv(&s_mb, &v, RT_WAITING_NO), RT_EOK);
    uassert_int_equal(v, 0);
    uassert_int_equal(s_err, RT_EOK);
    uassert_int_equal(s_mb.entry, KMB_SIZE);
    for (i = 1; i < KMB_SIZE; i++) {
        rt_mb_recv(&s_mb, &v, RT_WAITING_NO);
        uassert_int_equal(v, i);
    }
    uassert_int_equal(rt_mb_recv(&s_mb, &v, RT_WAITING_NO), RT_EOK);
    uassert_int_equal(v, 0x5a5a);
    uassert_true(kt_worker_join(&w, 50));
    uassert_int_equal(rt_mb_detach(&s_mb), RT_EOK);
}

static void test_mb_delete_wakes_waiter(void)
{
    struct kt_worker w;

    uassert_int_equal(rt_mb_init(&s_mb, "kmbd", s_pool, KMB_SIZE, RT_IPC_FLAG_FIFO), RT_EOK);
    s_err = 1;
    uassert_int_equal(kt_worker_start(&w, "kmbr", mb_receiver, RT_NULL, kt_prio(-1), 10), RT_EOK);
    uassert_int_equal(s_err, 1);
    uassert_int_equal(rt_mb_detach(&s_mb), RT_EOK);
    uassert_int_equal(s_err, -RT_ERROR);
    uassert_true(kt_worker_join(&w, 50));
}

/* A hard timer (tick interrupt) posts a mail; the blocked receiver gets it in time. */
static void mb_isr_send(void *p)
{
    rt_mb_send((rt_mailbox_t)p, rt_interrupt_get_nest() > 0 ? 0xa11 : 0xbad);
}

static void test_mb_send_from_isr(void)
{
    struct rt_timer tm;
    rt_ubase_t v = 0;
    rt_tick_t t0;

    uassert_int_equal(rt_mb_init(&s_mb, "kmbi", s_pool, KMB_SIZE, RT_IPC_FLAG_FIFO), RT_EOK);
    rt_timer_init(&tm, "kmbtm", mb_isr_send, &s_mb, 3, RT_TIMER_FLAG_ONE_SHOT);
    t0 = rt_tick_get();
    rt_timer_start(&tm);
    uassert_int_equal(rt_mb_recv(&s_mb, &v, 20), RT_EOK);
    uassert_int_equal(v, 0xa11);
    uassert_in_range(kt_elapsed(t0), 3, 4);
    rt_timer_detach(&tm);
    uassert_int_equal(rt_mb_detach(&s_mb), RT_EOK);
}

static void testcase(void)
{
    UTEST_UNIT_RUN(test_mb_order_full_empty);
    UTEST_UNIT_RUN(test_mb_urgent_wraps);
    UTEST_UNIT_RUN(test_mb_timeouts);
    UTEST_UNIT_RUN(test_mb_blocking);
    UTEST_UNIT_RUN(test_mb_delete_wakes_waiter);
    UTEST_UNIT_RUN(test_mb_send_from_isr);
}
UTEST_TC_EXPORT(testcase, "testcases.kernel.mailbox_tc", RT_NULL, RT_NULL, 30);
