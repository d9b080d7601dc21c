/* Heap tests: malloc / free / realloc / calloc / malloc_align, accounting, huge requests. */
#include "ktest.h"

static void test_heap_malloc_free_info(void)
{
    rt_size_t total = 0, used0 = 0, max0 = 0, used1 = 0, max1 = 0, total1 = 0;
    rt_uint8_t *p;

    kt_heap_baseline(50);
    rt_memory_info(&total, &used0, &max0);
    uassert_true(total > 0);
    uassert_true(used0 <= total);
    uassert_true(max0 >= used0);
    p = rt_malloc(1000);
    uassert_not_null(p);
    if (p == RT_NULL)
        return;
    uassert_int_equal((rt_ubase_t)p % RT_ALIGN_SIZE, 0);
    rt_memset(p, 0x3c, 1000);
    rt_memory_info(&total1, &used1, &max1);
    uassert_int_equal(total1, total);
    uassert_in_range(used1 - used0, 1000, 1000 + 64); /* block plus a small header */
    uassert_true(max1 >= used1);
    rt_free(p);
    rt_memory_info(&total1, &used1, &max1);
    uassert_int_equal(used1, used0);
    uassert_true(max1 >= used0 + 1000); /* the high-water mark remembers */
    rt_free(RT_NULL);                   /* allowed, does nothing */
    uassert_int_equal(kt_heap_used(), used0);
}

static void test_heap_calloc(void)
{
    rt_size_t used0 = kt_heap_baseline(50);
    rt_uint8_t *p;
    int i, zero = 1;

    p = rt_malloc(256); /* dirty some memory that calloc may get back */
    uassert_not_null(p);
    if (p == RT_NULL)
        return;
    rt_memset(p, 0xff, 256);
    rt_free(p);
    p = rt_calloc(16, 16);
    uassert_not_null(p);
    if (p == RT_NULL)
        return;
    for (i = 0; i < 256; i++)
        zero &= p[i] == 0;
    uassert_true(zero);
    rt_free(p);
    uassert_int_equal(kt_heap_used(), used0);
}

static void test_heap_realloc(void)
{
    rt_size_t used0 = kt_heap_baseline(50);
    rt_uint8_t *p = rt_malloc(256), *q;
    int i, same = 1;

    uassert_not_null(p);
    if (p == RT_NULL)
        return;
    for (i = 0; i < 256; i++)
        p[i] = (rt_uint8_t)i;
    q = rt_realloc(p, 4000); /* grow: contents kept */
    uassert_not_null(q);
    if (q == RT_NULL) {
        rt_free(p);
        return;
    }
    for (i = 0; i < 256; i++)
        same &= q[i] == (rt_uint8_t)i;
    uassert_true(same);
    rt_memset(q + 256, 0x11, 4000 - 256);
    p = rt_realloc(q, 100); /* shrink: prefix kept */
    uassert_not_null(p);
    if (p == RT_NULL) {
        rt_free(q);
        return;
    }
    same = 1;
    for (i = 0; i < 100; i++)
        same &= p[i] == (rt_uint8_t)i;
    uassert_true(same);
    uassert_null(rt_realloc(p, 0)); /* size 0 frees */
    q = rt_realloc(RT_NULL, 64);    /* NULL pointer allocates */
    uassert_not_null(q);
    rt_free(q);
    uassert_int_equal(kt_heap_used(), used0);
}

static void test_heap_malloc_align(void)
{
    static const rt_size_t aligns[] = {8, 16, 32, 64, 256};
    rt_size_t used0 = kt_heap_baseline(50);
    rt_size_t i;

    for (i = 0; i < RT_ARRAY_SIZE(aligns); i++) {
        rt_uint8_t *p = rt_malloc_align(100, aligns[i]);

        uassert_not_null(p);
        if (p == RT_NULL)
            continue;
        uassert_int_equal((rt_ubase_t)p % aligns[i], 0);
        rt_memset(p, 0x77, 100);
        rt_free_align(p);
    }
    uassert_int_equal(kt_heap_used(), used0);
}

static void test_heap_huge_fails(void)
{
    rt_size_t total = 0, used = 0, max_used = 0;
    void *p;

    kt_heap_baseline(50);
    rt_memory_info(&total, &used, &max_used);
    uassert_null(rt_malloc(total + 1));
    uassert_null(rt_malloc((rt_size_t)-1));
    uassert_null(rt_malloc((rt_size_t)-1 - 64));
    uassert_null(rt_calloc((rt_size_t)1 << (sizeof(rt_size_t) * 4),
                           (rt_size_t)1 << (sizeof(rt_size_t) * 4)));
    uassert_null(rt_malloc_align((rt_size_t)-1 - 16, 64));
    p = rt_malloc(32);
    uassert_not_null(p);
    uassert_null(rt_realloc(p, (rt_size_t)-1)); /* fails, p stays valid */
    rt_memset(p, 0, 32);
    rt_free(p);
    uassert_int_equal(kt_heap_used(), used);
}

/* Random sizes, random free order (fixed seed); every block keeps its own pattern. */
#define KHEAP_N 64
static void test_heap_random_pattern(void)
{
    static rt_uint8_t *blk[KHEAP_N];
    static rt_size_t len[KHEAP_N];
    rt_uint32_t seed = 12345;
    rt_size_t used0 = kt_heap_baseline(50);
    int i, round, bad = 0;

    for (round = 0; round < 8; round++) {
        for (i = 0; i < KHEAP_N; i++) {
            if (blk[i] != RT_NULL && (kt_rand(&seed) & 1)) {
                rt_size_t k;

                for (k = 0; k < len[i]; k++)
                    bad += blk[i][k] != (rt_uint8_t)(i + k);
                rt_free(blk[i]);
                blk[i] = RT_NULL;
            }
            if (blk[i] == RT_NULL) {
                rt_size_t k;

                len[i] = 1 + kt_rand(&seed) % 700;
                blk[i] = rt_malloc(len[i]);
                if (blk[i] == RT_NULL) {
                    bad++;
                    continue;
                }
                for (k = 0; k < len[i]; k++)
                    blk[i][k] = (rt_uint8_t)(i + k);
            }
        }
    }
    for (i = 0; i < KHEAP_N; i++) {
        rt_free(blk[i]);
        blk[i] = RT_NULL;
    }
    uassert_int_equal(bad, 0);
    uassert_int_equal(kt_heap_used(), used0);
}

/*
 * Three equal-priority threads with one-tick slices allocate, fill, check and free at random
 * (fixed seeds), so the tick preempts them inside the allocator: no block may be corrupted and
 * the heap use must end at its baseline.
 */
#define KHEAP_WORKERS 3
#define KHEAP_SLOTS   16
#define KHEAP_OPS     3000
static volatile int s_heap_bad[KHEAP_WORKERS];

static void heap_worker(void *arg)
{
    int me = (int)(rt_ubase_t)arg;
    rt_uint8_t *slot[KHEAP_SLOTS] = {RT_NULL};
    rt_size_t len[KHEAP_SLOTS] = {0};
    rt_uint32_t seed = 1000 + (rt_uint32_t)me;
    int op, i;

    for (op = 0; op < KHEAP_OPS; op++) {
        i = (int)(kt_rand(&seed) % KHEAP_SLOTS);
        if (slot[i] != RT_NULL) {
            rt_size_t k;

            for (k = 0; k < len[i]; k++)
                s_heap_bad[me] += slot[i][k] != (rt_uint8_t)(me * 31 + i + k);
            rt_free(slot[i]);
            slot[i] = RT_NULL;
        } else {
            rt_size_t k;

            len[i] = 1 + kt_rand(&seed) % 300;
            slot[i] = rt_malloc(len[i]);
            if (slot[i] == RT_NULL) {
                s_heap_bad[me]++;
                continue;
            }
            for (k = 0; k < len[i]; k++)
                slot[i][k] = (rt_uint8_t)(me * 31 + i + k);
        }
    }
    for (i = 0; i < KHEAP_SLOTS; i++)
        rt_free(slot[i]);
}

static void test_heap_concurrent(void)
{
    struct kt_worker w[KHEAP_WORKERS];
    rt_size_t used0 = kt_heap_baseline(50);
    int i;

    for (i = 0; i < KHEAP_WORKERS; i++) {
        s_heap_bad[i] = 0;
        uassert_int_equal(
            kt_worker_start(&w[i], "kheapw", heap_worker, (void *)(rt_ubase_t)i, kt_prio(1), 1),
            RT_EOK);
    }
    for (i = 0; i < KHEAP_WORKERS; i++) {
        uassert_true(kt_worker_join(&w[i], 5000));
        uassert_int_equal(s_heap_bad[i], 0);
    }
    uassert_int_equal(kt_wait_heap_used(used0, 100), used0);
}

static void testcase(void)
{
    UTEST_UNIT_RUN(test_heap_malloc_free_info);
    UTEST_UNIT_RUN(test_heap_calloc);
    UTEST_UNIT_RUN(test_heap_realloc);
    UTEST_UNIT_RUN(test_heap_malloc_align);
    UTEST_UNIT_RUN(test_heap_huge_fails);
    UTEST_UNIT_RUN(test_heap_random_pattern);
    UTEST_UNIT_RUN(test_heap_concurrent);
}
UTEST_TC_EXPORT(testcase, "testcases.kernel.heap_tc", RT_NULL, RT_NULL, 30);
