/* Message queue tests: lengths, sizes, order, urgent, full / empty, timeouts, blocking. */
#include "ktest.h"

#define KMQ_MSG 16
#define KMQ_MAX 4
static struct rt_messagequeue s_mq;
static rt_uint8_t s_pool[1024] rt_align(RT_ALIGN_SIZE);
static volatile rt_err_t s_err;
static volatile rt_ssize_t s_len;
static char s_buf[KMQ_MSG];

static void test_mq_lengths_and_order(void)
{
    static const char *const msgs[KMQ_MAX] = {"a", "bcdef", "0123456789abcdef", ""};
    static const rt_size_t lens[KMQ_MAX] = {1, 5, 16, 0};
    rt_mq_t mq = rt_mq_create("kmq", KMQ_MSG, KMQ_MAX, RT_IPC_FLAG_FIFO);
    char buf[KMQ_MSG + 4];
    int i;

    uassert_not_null(mq);
    if (mq == RT_NULL)
        return;
    uassert_int_equal(mq->max_msgs, KMQ_MAX);
    uassert_int_equal(mq->msg_size, KMQ_MSG);
    uassert_int_equal(rt_mq_recv(mq, buf, sizeof(buf), RT_WAITING_NO), -RT_ETIMEOUT);
    /* longer than msg_size is refused */
    uassert_int_equal(rt_mq_send(mq, "0123456789abcdefX", KMQ_MSG + 1), -RT_ERROR);
    for (i = 0; i < KMQ_MAX; i++)
        uassert_int_equal(rt_mq_send(mq, msgs[i], lens[i] ? lens[i] : 1), RT_EOK);
    uassert_int_equal(mq->entry, KMQ_MAX);
    uassert_int_equal(rt_mq_send(mq, "x", 1), -RT_EFULL);
    uassert_int_equal(rt_mq_urgent(mq, "x", 1), -RT_EFULL);
    for (i = 0; i < KMQ_MAX; i++) {
        rt_size_t want = lens[i] ? lens[i] : 1;

        rt_memset(buf, 0x55, sizeof(buf));
        uassert_int_equal(rt_mq_recv(mq, buf, sizeof(buf), RT_WAITING_NO), want);
        uassert_buf_equal(buf, msgs[i], want);
        uassert_int_equal((rt_uint8_t)buf[want], 0x55); /* nothing beyond the message */
    }
    uassert_int_equal(mq->entry, 0);
    uassert_int_equal(rt_mq_delete(mq), RT_EOK);
}

static void test_mq_urgent(void)
{
    rt_mq_t mq = rt_mq_create("kmqu", KMQ_MSG, KMQ_MAX, RT_IPC_FLAG_PRIO);
    char buf[KMQ_MSG];
    int round;

    uassert_not_null(mq);
    if (mq == RT_NULL)
        return;
    for (round = 0; round < 3; round++) {
        uassert_int_equal(rt_mq_send(mq, "n1", 2), RT_EOK);
        uassert_int_equal(rt_mq_send(mq, "n2", 2), RT_EOK);
        uassert_int_equal(rt_mq_urgent(mq, "u1", 2), RT_EOK);
        uassert_int_equal(rt_mq_urgent(mq, "u22", 3), RT_EOK);
        uassert_int_equal(rt_mq_recv(mq, buf, sizeof(buf), 0), 3);
        uassert_buf_equal(buf, "u22", 3);
        uassert_int_equal(rt_mq_recv(mq, buf, sizeof(buf), 0), 2);
        uassert_buf_equal(buf, "u1", 2);
        uassert_int_equal(rt_mq_recv(mq, buf, sizeof(buf), 0), 2);
        uassert_buf_equal(buf, "n1", 2);
        uassert_int_equal(rt_mq_recv(mq, buf, sizeof(buf), 0), 2);
        uassert_buf_equal(buf, "n2", 2);
    }
    uassert_int_equal(rt_mq_delete(mq), RT_EOK);
}

static void test_mq_static_capacity(void)
{
    rt_uint32_t i, sent = 0;
    rt_uint32_t v;

    uassert_int_equal(
        rt_mq_init(&s_mq, "kmqs", s_pool, sizeof(rt_uint32_t), sizeof(s_pool), RT_IPC_FLAG_FIFO),
        RT_EOK);
    /* each message costs its aligned size plus a header: fewer than pool/4 fit */
    uassert_in_range(s_mq.max_msgs, 1, sizeof(s_pool) / sizeof(rt_uint32_t) - 1);
    for (i = 0; i < s_mq.max_msgs; i++)
        sent += rt_mq_send(&s_mq, &i, sizeof(i)) == RT_EOK;
    uassert_int_equal(sent, s_mq.max_msgs);
    uassert_int_equal(rt_mq_send(&s_mq, &i, sizeof(i)), -RT_EFULL);
    for (i = 0; i < sent; i++) {
        v = 0xffffffff;
        uassert_int_equal(rt_mq_recv(&s_mq, &v, sizeof(v), RT_WAITING_NO), sizeof(v));
        if (v != i) {
            uassert_int_equal(v, i);
            break;
        }
    }
    uassert_int_equal(rt_mq_control(&s_mq, RT_IPC_CMD_RESET, RT_NULL), RT_EOK);
    uassert_int_equal(s_mq.entry, 0);
    uassert_int_equal(rt_mq_detach(&s_mq), RT_EOK);
}

static void test_mq_timeouts(void)
{
    char buf[KMQ_MSG];
    rt_tick_t t0;
    int i;

    uassert_int_equal(rt_mq_init(&s_mq, "kmqt", s_pool, KMQ_MSG, sizeof(s_pool), RT_IPC_FLAG_FIFO),
                      RT_EOK);
    t0 = rt_tick_get();
    uassert_int_equal(rt_mq_recv(&s_mq, buf, sizeof(buf), 3), -RT_ETIMEOUT);
    uassert_in_range(kt_elapsed(t0), 3, 4);
    for (i = 0; i < s_mq.max_msgs; i++)
        rt_mq_send(&s_mq, "m", 1);
    uassert_int_equal(rt_mq_send_wait(&s_mq, "w", 1, RT_WAITING_NO), -RT_EFULL);
    t0 = rt_tick_get();
    uassert_int_equal(rt_mq_send_wait(&s_mq, "w", 1, 3), -RT_ETIMEOUT);
    uassert_in_range(kt_elapsed(t0), 3, 4);
    uassert_int_equal(rt_mq_detach(&s_mq), RT_EOK);
}

static void mq_receiver(void *arg)
{
    s_len = rt_mq_recv(&s_mq, s_buf, sizeof(s_buf), RT_WAITING_FOREVER);
}

static void mq_sender(void *arg)
{
    s_err = rt_mq_send_wait(&s_mq, "late", 4, RT_WAITING_FOREVER);
}

static void test_mq_blocking(void)
{
    struct kt_worker w;
    char buf[KMQ_MSG];
    int i, n;

    uassert_int_equal(rt_mq_init(&s_mq, "kmqb", s_pool, KMQ_MSG, 4 * 64, RT_IPC_FLAG_FIFO), RT_EOK);
    s_len = 1000;
    uassert_int_equal(kt_worker_start(&w, "kmqr", mq_receiver, RT_NULL, kt_prio(-1), 10), RT_EOK);
    uassert_int_equal(s_len, 1000);
    uassert_int_equal(rt_mq_send(&s_mq, "hello", 5), RT_EOK);
    uassert_int_equal(s_len, 5);
    uassert_buf_equal(s_buf, "hello", 5);
    uassert_true(kt_worker_join(&w, 50));

    n = s_mq.max_msgs;
    for (i = 0; i < n; i++)
        rt_mq_send(&s_mq, "f", 1);
    s_err = 1;
    uassert_int_equal(kt_worker_start(&w, "kmqs", mq_sender, RT_NULL, kt_prio(-1), 10), RT_EOK);
    uassert_int_equal(s_err, 1);
    uassert_int_equal(rt_mq_recv(&s_mq, buf, sizeof(buf), RT_WAITING_NO), 1);
    uassert_int_equal(s_err, RT_EOK);
    for (i = 1; i < n; i++)
        uassert_int_equal(rt_mq_recv(&s_mq, buf, sizeof(buf), RT_WAITING_NO), 1);
    uassert_int_equal(rt_mq_recv(&s_mq, buf, sizeof(buf), RT_WAITING_NO), 4);
    uassert_buf_equal(buf, "late", 4);
    uassert_true(kt_worker_join(&w, 50));

    /* detaching resumes a blocked receiver with an error */
    s_len = 1000;
    uassert_int_equal(kt_worker_start(&w, "kmqr", mq_receiver, RT_NULL, kt_prio(-1), 10), RT_EOK);
    uassert_int_equal(s_len, 1000);
    uassert_int_equal(rt_mq_detach(&s_mq), RT_EOK);
    uassert_int_equal(s_len, -RT_ERROR);
    uassert_true(kt_worker_join(&w, 50));
}

/* A hard timer (tick interrupt) sends a message and an urgent one; order and lengths hold. */
static void mq_isr_send(void *p)
{
    if (rt_interrupt_get_nest() > 0) {
        rt_mq_send((rt_mq_t)p, "isr-1", 5);
        rt_mq_urgent((rt_mq_t)p, "isr-urgent", 10);
    }
}

static void test_mq_send_from_isr(void)
{
    struct rt_timer tm;
    char buf[KMQ_MSG];
    rt_tick_t t0;

    uassert_int_equal(rt_mq_init(&s_mq, "kmqi", s_pool, KMQ_MSG, sizeof(s_pool), RT_IPC_FLAG_FIFO),
                      RT_EOK);
    rt_timer_init(&tm, "kmqtm", mq_isr_send, &s_mq, 3, RT_TIMER_FLAG_ONE_SHOT);
    t0 = rt_tick_get();
    rt_timer_start(&tm);
    uassert_int_equal(rt_mq_recv(&s_mq, buf, sizeof(buf), 20), 10);
    uassert_buf_equal(buf, "isr-urgent", 10);
    uassert_in_range(kt_elapsed(t0), 3, 4);
    uassert_int_equal(rt_mq_recv(&s_mq, buf, sizeof(buf), RT_WAITING_NO), 5);
    uassert_buf_equal(buf, "isr-1", 5);
    rt_timer_detach(&tm);
    uassert_int_equal(rt_mq_detach(&s_mq), RT_EOK);
}

/*
 * Producer and consumer at different priorities push many numbered messages of varying
 * length through a small queue: nothing lost, duplicated, reordered or garbled.
 */
#define KMQ_STREAM 2000
static volatile int s_stream_bad, s_stream_got;

static void mq_producer(void *arg)
{
    rt_uint8_t msg[KMQ_MSG];
    rt_uint32_t i;

    for (i = 0; i < KMQ_STREAM; i++) {
        rt_size_t len = 4 + i % (KMQ_MSG - 3);
        rt_size_t k;

        rt_memcpy(msg, &i, sizeof(i));
        for (k = 4; k < len; k++)
            msg[k] = (rt_uint8_t)(i + k);
        if (rt_mq_send_wait(&s_mq, msg, len, 100) != RT_EOK)
            s_stream_bad++;
    }
}

static void mq_consumer(void *arg)
{
    rt_uint8_t msg[KMQ_MSG];
    rt_uint32_t i, n;

    for (i = 0; i < KMQ_STREAM; i++) {
        rt_ssize_t len = rt_mq_recv(&s_mq, msg, sizeof(msg), 100);
        rt_ssize_t k;

        if (len != (rt_ssize_t)(4 + i % (KMQ_MSG - 3))) {
            s_stream_bad++;
            break;
        }
        rt_memcpy(&n, msg, sizeof(n));
        s_stream_bad += n != i;
        for (k = 4; k < len; k++)
            s_stream_bad += msg[k] != (rt_uint8_t)(i + k);
        s_stream_got++;
    }
}

static void test_mq_stream(void)
{
    struct kt_worker prod, cons;

    uassert_int_equal(rt_mq_init(&s_mq, "kmqst", s_pool, KMQ_MSG, 3 * 32, RT_IPC_FLAG_PRIO),
                      RT_EOK);
    s_stream_bad = s_stream_got = 0;
    /* the consumer is more urgent: every send wakes it; slices of 1 tick add preemption */
    uassert_int_equal(kt_worker_start(&cons, "kmqcon", mq_consumer, RT_NULL, kt_prio(1), 1),
                      RT_EOK);
    uassert_int_equal(kt_worker_start(&prod, "kmqpro", mq_producer, RT_NULL, kt_prio(2), 1),
                      RT_EOK);
    uassert_true(kt_worker_join(&prod, 5000));
    uassert_true(kt_worker_join(&cons, 500));
    uassert_int_equal(s_stream_got, KMQ_STREAM);
    uassert_int_equal(s_stream_bad, 0);
    uassert_int_equal(s_mq.entry, 0);
    uassert_int_equal(rt_mq_detach(&s_mq), RT_EOK);
}

static void testcase(void)
{
    UTEST_UNIT_RUN(test_mq_lengths_and_order);
    UTEST_UNIT_RUN(test_mq_urgent);
    UTEST_UNIT_RUN(test_mq_static_capacity);
    UTEST_UNIT_RUN(test_mq_timeouts);
    UTEST_UNIT_RUN(test_mq_blocking);
    UTEST_UNIT_RUN(test_mq_send_from_isr);
    UTEST_UNIT_RUN(test_mq_stream);
}
UTEST_TC_EXPORT(testcase, "testcases.kernel.messagequeue_tc", RT_NULL, RT_NULL, 30);
