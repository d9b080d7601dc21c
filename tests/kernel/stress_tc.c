/* Stress test: threads of several priorities hammer every IPC object with random operations and
 * timeouts (fixed seeds) while a hard timer posts from interrupt context. Checks mutual
 * exclusion, message and block integrity, conservation of counts and a clean end state. */
#include "ktest.h"

#define KST_WORKERS 6
#define KST_OPS     1000
#define KST_MSG     8
#define KST_SLOTS   8
#define KST_BLOCKS  6
#define KST_BSIZE   32

static struct rt_mutex s_mtx;
static struct rt_semaphore s_sem;
static struct rt_messagequeue s_mq;
static struct rt_mailbox s_mb;
static struct rt_event s_evt;
static struct rt_mempool s_mp;
static struct rt_timer s_tm;
static rt_uint8_t s_mq_pool[KST_SLOTS * 64] rt_align(RT_ALIGN_SIZE);
static rt_ubase_t s_mb_pool[KST_SLOTS];
static rt_uint8_t s_mp_pool[KST_BLOCKS * (KST_BSIZE + 2 * sizeof(void *))] rt_align(RT_ALIGN_SIZE);

static volatile int s_in_cs; /* threads inside the mutex-protected section */
static volatile int s_bad;   /* integrity violations of any kind */
static volatile rt_uint32_t s_mq_sent, s_mq_recv, s_mb_sent, s_mb_recv;
static volatile rt_uint32_t s_isr_fires;

/* Encode n so that a garbled mail or message is detected. */
static rt_ubase_t mail_of(rt_uint32_t n)
{
    return (rt_ubase_t)((n & 0xffff) | ((n ^ 0xa5a5u) & 0xffff) << 16);
}

static rt_bool_t mail_ok(rt_ubase_t v)
{
    return ((v >> 16) & 0xffff) == ((v ^ 0xa5a5u) & 0xffff);
}

static void isr_tick(void *p)
{
    s_isr_fires++;
    rt_sem_release(&s_sem);
    rt_event_send(&s_evt, 0x1);
    if (rt_mb_send(&s_mb, mail_of(s_isr_fires)) == RT_EOK)
        s_mb_sent++;
}

static void op_mutex(rt_uint32_t *seed)
{
    int depth = 1 + (int)(kt_rand(seed) % 2), i;

    if (rt_mutex_take(&s_mtx, (rt_int32_t)(kt_rand(seed) % 4)) != RT_EOK)
        return;
    for (i = 1; i < depth; i++)
        s_bad += rt_mutex_take(&s_mtx, 0) != RT_EOK; /* recursion never blocks */
    s_bad += s_mtx.owner != rt_thread_self();
    s_bad += s_in_cs != 0;
    s_in_cs = 1;
    if (kt_rand(seed) % 4 == 0)
        rt_thread_delay(1); /* sleep while holding it: others must wait */
    s_bad += s_in_cs != 1;
    s_in_cs = 0;
    for (i = 0; i < depth; i++)
        s_bad += rt_mutex_release(&s_mtx) != RT_EOK;
}

static void op_sem(rt_uint32_t *seed)
{
    if (rt_sem_take(&s_sem, (rt_int32_t)(kt_rand(seed) % 4)) == RT_EOK && kt_rand(seed) % 2)
        rt_sem_release(&s_sem);
}

static void op_mq(rt_uint32_t *seed)
{
    rt_uint8_t msg[KST_MSG];
    rt_uint32_t n = kt_rand(seed);
    int k;

    if (kt_rand(seed) % 2) {
        for (k = 0; k < KST_MSG; k++)
            msg[k] = (rt_uint8_t)(n + k * 7);
        if (rt_mq_send_wait(&s_mq, msg, KST_MSG, (rt_int32_t)(kt_rand(seed) % 3)) == RT_EOK) {
            rt_enter_critical();
            s_mq_sent++;
            rt_exit_critical();
        }
    } else if (rt_mq_recv(&s_mq, msg, sizeof(msg), (rt_int32_t)(kt_rand(seed) % 3)) == KST_MSG) {
        for (k = 1; k < KST_MSG; k++)
            s_bad += msg[k] != (rt_uint8_t)(msg[0] + k * 7);
        rt_enter_critical();
        s_mq_recv++;
        rt_exit_critical();
    }
}

static void op_mb(rt_uint32_t *seed)
{
    rt_ubase_t v = 0;

    if (kt_rand(seed) % 2) {
        rt_base_t level;

        if (rt_mb_send_wait(&s_mb, mail_of(kt_rand(seed)), (rt_int32_t)(kt_rand(seed) % 3)) ==
            RT_EOK) {
            level = rt_hw_interrupt_disable(); /* the timer ISR counts too */
            s_mb_sent++;
            rt_hw_interrupt_enable(level);
        }
    } else if (rt_mb_recv(&s_mb, &v, (rt_int32_t)(kt_rand(seed) % 3)) == RT_EOK) {
        rt_base_t level;

        s_bad += !mail_ok(v);
        level = rt_hw_interrupt_disable();
        s_mb_recv++;
        rt_hw_interrupt_enable(level);
    }
}

static void op_event(rt_uint32_t *seed)
{
    rt_uint32_t got = 0;

    if (kt_rand(seed) % 3 == 0) {
        rt_event_send(&s_evt, 0x2);
    } else if (rt_event_recv(&s_evt, 0x3, RT_EVENT_FLAG_OR | RT_EVENT_FLAG_CLEAR,
                             (rt_int32_t)(kt_rand(seed) % 4), &got) == RT_EOK) {
        s_bad += got == 0 || (got & ~0x3u) != 0;
    }
}

static void op_mempool(rt_uint32_t *seed)
{
    rt_uint8_t *b = rt_mp_alloc(&s_mp, (rt_int32_t)(kt_rand(seed) % 3));
    rt_uint8_t tag = (rt_uint8_t)kt_rand(seed);
    int k;

    if (b == RT_NULL)
        return;
    rt_memset(b, tag, KST_BSIZE);
    if (kt_rand(seed) % 3 == 0)
        rt_thread_delay(1);
    for (k = 0; k < KST_BSIZE; k++)
        s_bad += b[k] != tag; /* nobody else got the same block */
    rt_mp_free(b);
}

static void op_priority(rt_uint32_t *seed, rt_uint8_t base)
{
    rt_uint8_t p = (rt_uint8_t)(base + kt_rand(seed) % 3);

    rt_thread_control(rt_thread_self(), RT_THREAD_CTRL_CHANGE_PRIORITY, &p);
}

static void stress_worker(void *arg)
{
    rt_uint32_t seed = 4242 + (rt_uint32_t)(rt_ubase_t)arg * 77;
    rt_uint8_t base = rt_thread_self()->init_priority;
    int op;

    for (op = 0; op < KST_OPS; op++) {
        switch (kt_rand(&seed) % 8) {
        case 0: op_mutex(&seed); break;
        case 1: op_sem(&seed); break;
        case 2: op_mq(&seed); break;
        case 3: op_mb(&seed); break;
        case 4: op_event(&seed); break;
        case 5: op_mempool(&seed); break;
        case 6: op_priority(&seed, base); break;
        default: rt_thread_delay(kt_rand(&seed) % 2); break;
        }
    }
    rt_thread_control(rt_thread_self(), RT_THREAD_CTRL_CHANGE_PRIORITY, &base);
}

static rt_err_t stress_init(void)
{
    rt_mutex_init(&s_mtx, "kstm", RT_IPC_FLAG_PRIO);
    rt_sem_init(&s_sem, "ksts", 2, RT_IPC_FLAG_PRIO);
    rt_mq_init(&s_mq, "kstq", s_mq_pool, KST_MSG, sizeof(s_mq_pool), RT_IPC_FLAG_FIFO);
    rt_mb_init(&s_mb, "kstb", s_mb_pool, KST_SLOTS, RT_IPC_FLAG_PRIO);
    rt_event_init(&s_evt, "kste", RT_IPC_FLAG_FIFO);
    rt_mp_init(&s_mp, "kstp", s_mp_pool, sizeof(s_mp_pool), KST_BSIZE);
    rt_timer_init(&s_tm, "kstt", isr_tick, RT_NULL, 3,
                  RT_TIMER_FLAG_PERIODIC | RT_TIMER_FLAG_HARD_TIMER);
    s_in_cs = s_bad = 0;
    s_mq_sent = s_mq_recv = s_mb_sent = s_mb_recv = s_isr_fires = 0;
    return RT_EOK;
}

static rt_err_t stress_cleanup(void)
{
    rt_timer_stop(&s_tm);
    rt_timer_detach(&s_tm);
    rt_mp_detach(&s_mp);
    rt_event_detach(&s_evt);
    rt_mb_detach(&s_mb);
    rt_mq_detach(&s_mq);
    rt_sem_detach(&s_sem);
    rt_mutex_detach(&s_mtx);
    return RT_EOK;
}

static void test_stress_all_ipc(void)
{
    struct kt_worker w[KST_WORKERS];
    rt_uint8_t me = rt_thread_self()->current_priority;
    int i, finished = 0;

    rt_timer_start(&s_tm);
    for (i = 0; i < KST_WORKERS; i++)
        uassert_int_equal(kt_worker_start(&w[i], "kstw", stress_worker, (void *)(rt_ubase_t)i,
                                          kt_prio(-3 + i), 1 + i % 3),
                          RT_EOK);
    for (i = 0; i < KST_WORKERS; i++)
        finished += kt_worker_join(&w[i], 20000);
    rt_timer_stop(&s_tm);
    LOG_I("stress: %u mq msgs, %u mails, %u timer interrupts", (unsigned)s_mq_recv,
          (unsigned)s_mb_recv, (unsigned)s_isr_fires);
    uassert_int_equal(finished, KST_WORKERS);
    uassert_int_equal(s_bad, 0);
    uassert_null(s_mtx.owner);
    uassert_int_equal(s_mtx.hold, 0);
    uassert_int_equal(s_mq_sent - s_mq_recv, s_mq.entry);
    uassert_int_equal(s_mb_sent - s_mb_recv, s_mb.entry);
    uassert_int_equal(s_mp.block_free_count, s_mp.block_total_count);
    uassert_value_greater(s_isr_fires, 0);
    uassert_value_greater(s_mq_recv, 0);
    uassert_value_greater(s_mb_recv, 0);
    uassert_int_equal(rt_thread_self()->current_priority, me);
}

static void testcase(void)
{
    UTEST_UNIT_RUN(test_stress_all_ipc);
}
UTEST_TC_EXPORT(testcase, "testcases.kernel.stress_tc", stress_init, stress_cleanup, 60);
