/* Memory pool tests: alloc / free accounting, exhaustion, timeouts, blocking alloc. */
#include "ktest.h"

#define KMP_BLOCKS 4
#define KMP_BSIZE  40
static struct rt_mempool s_mp;
static rt_uint8_t s_area[KMP_BLOCKS * (KMP_BSIZE + 2 * sizeof(void *))] rt_align(RT_ALIGN_SIZE);
static void *volatile s_got;
static volatile int s_got_set;

static void test_mp_create_alloc_free(void)
{
    rt_mp_t mp = rt_mp_create("kmp", KMP_BLOCKS, KMP_BSIZE);
    void *blk[KMP_BLOCKS];
    int i, j;

    uassert_not_null(mp);
    if (mp == RT_NULL)
        return;
    uassert_int_equal(mp->block_total_count, KMP_BLOCKS);
    uassert_int_equal(mp->block_free_count, KMP_BLOCKS);
    for (i = 0; i < KMP_BLOCKS; i++) {
        blk[i] = rt_mp_alloc(mp, RT_WAITING_NO);
        uassert_not_null(blk[i]);
        if (blk[i] == RT_NULL)
            return;
        uassert_int_equal((rt_ubase_t)blk[i] % RT_ALIGN_SIZE, 0);
        rt_memset(blk[i], 0xa0 + i, KMP_BSIZE); /* whole block usable */
        uassert_int_equal(mp->block_free_count, KMP_BLOCKS - 1 - i);
    }
    for (i = 0; i < KMP_BLOCKS; i++)
        for (j = i + 1; j < KMP_BLOCKS; j++)
            uassert_true(blk[i] != blk[j]);
    uassert_null(rt_mp_alloc(mp, RT_WAITING_NO));
    for (i = 0; i < KMP_BLOCKS; i++) {
        rt_uint8_t expect[KMP_BSIZE];

        rt_memset(expect, 0xa0 + i, sizeof(expect));
        uassert_buf_equal(blk[i], expect, KMP_BSIZE); /* blocks do not overlap */
    }
    for (i = 0; i < KMP_BLOCKS; i++)
        rt_mp_free(blk[i]);
    uassert_int_equal(mp->block_free_count, KMP_BLOCKS);
    uassert_int_equal(rt_mp_delete(mp), RT_EOK);
}

static void test_mp_static_init(void)
{
    void *a, *b;

    uassert_int_equal(rt_mp_init(&s_mp, "kmps", s_area, sizeof(s_area), KMP_BSIZE), RT_EOK);
    /* each block costs its aligned size plus one pointer of bookkeeping */
    uassert_int_equal(s_mp.block_total_count,
                      sizeof(s_area) / (RT_ALIGN(KMP_BSIZE, RT_ALIGN_SIZE) + sizeof(rt_uint8_t *)));
    uassert_int_equal(s_mp.block_free_count, s_mp.block_total_count);
    a = rt_mp_alloc(&s_mp, 0);
    b = rt_mp_alloc(&s_mp, 0);
    uassert_not_null(a);
    uassert_not_null(b);
    uassert_true((rt_uint8_t *)a >= s_area && (rt_uint8_t *)a < s_area + sizeof(s_area));
    rt_mp_free(a);
    rt_mp_free(b);
    uassert_int_equal(s_mp.block_free_count, s_mp.block_total_count);
    uassert_int_equal(rt_mp_detach(&s_mp), RT_EOK);
}

static void test_mp_timeout(void)
{
    rt_mp_t mp = rt_mp_create("kmpt", 1, KMP_BSIZE);
    void *a;
    rt_tick_t t0;

    uassert_not_null(mp);
    if (mp == RT_NULL)
        return;
    a = rt_mp_alloc(mp, RT_WAITING_NO);
    uassert_not_null(a);
    t0 = rt_tick_get();
    uassert_null(rt_mp_alloc(mp, 4));
    uassert_in_range(kt_elapsed(t0), 4, 5);
    rt_mp_free(a);
    uassert_int_equal(rt_mp_delete(mp), RT_EOK);
}

static void mp_blocking_alloc(void *arg)
{
    s_got = rt_mp_alloc((rt_mp_t)arg, RT_WAITING_FOREVER);
    s_got_set = 1;
}

static void test_mp_blocking_woken_by_free(void)
{
    struct kt_worker w;
    rt_mp_t mp = rt_mp_create("kmpb", 2, KMP_BSIZE);
    void *a, *b;

    uassert_not_null(mp);
    if (mp == RT_NULL)
        return;
    a = rt_mp_alloc(mp, 0);
    b = rt_mp_alloc(mp, 0);
    s_got = RT_NULL;
    s_got_set = 0;
    uassert_int_equal(kt_worker_start(&w, "kmpw", mp_blocking_alloc, mp, kt_prio(-1), 10), RT_EOK);
    uassert_int_equal(s_got_set, 0); /* blocked: the pool is empty */
    rt_thread_delay(2);
    uassert_int_equal(s_got_set, 0);
    rt_mp_free(b);
    uassert_int_equal(s_got_set, 1);
    uassert_true(s_got == b); /* it got the block just freed */
    uassert_int_equal(mp->block_free_count, 0);
    uassert_true(kt_worker_join(&w, 50));
    rt_mp_free(a);
    rt_mp_free(s_got);
    uassert_int_equal(mp->block_free_count, 2);

    /* deleting the pool resumes a blocked allocator with RT_NULL */
    a = rt_mp_alloc(mp, 0);
    b = rt_mp_alloc(mp, 0);
    s_got = a;
    s_got_set = 0;
    uassert_int_equal(kt_worker_start(&w, "kmpw", mp_blocking_alloc, mp, kt_prio(-1), 10), RT_EOK);
    uassert_int_equal(s_got_set, 0);
    uassert_int_equal(rt_mp_delete(mp), RT_EOK);
    uassert_int_equal(s_got_set, 1);
    uassert_null(s_got);
    uassert_true(kt_worker_join(&w, 50));
}

/* A hard timer (interrupt context) frees a block: the blocked allocator gets it. */
static void *volatile s_isr_block;

static void free_from_isr(void *p)
{
    if (rt_interrupt_get_nest() > 0)
        rt_mp_free(s_isr_block);
}

static void test_mp_free_from_isr(void)
{
    struct rt_timer tm;
    rt_mp_t mp = rt_mp_create("kmpi", 1, KMP_BSIZE);
    void *got;
    rt_tick_t t0;

    uassert_not_null(mp);
    if (mp == RT_NULL)
        return;
    s_isr_block = rt_mp_alloc(mp, 0);
    uassert_not_null(s_isr_block);
    rt_timer_init(&tm, "kmptm", free_from_isr, RT_NULL, 3, RT_TIMER_FLAG_ONE_SHOT);
    t0 = rt_tick_get();
    rt_timer_start(&tm);
    got = rt_mp_alloc(mp, 20);
    uassert_true(got == s_isr_block);
    uassert_in_range(kt_elapsed(t0), 3, 4);
    rt_timer_detach(&tm);
    rt_mp_free(got);
    uassert_int_equal(rt_mp_delete(mp), RT_EOK);
}

static void testcase(void)
{
    UTEST_UNIT_RUN(test_mp_create_alloc_free);
    UTEST_UNIT_RUN(test_mp_static_init);
    UTEST_UNIT_RUN(test_mp_timeout);
    UTEST_UNIT_RUN(test_mp_blocking_woken_by_free);
    UTEST_UNIT_RUN(test_mp_free_from_isr);
}
UTEST_TC_EXPORT(testcase, "testcases.kernel.mempool_tc", RT_NULL, RT_NULL, 30);
