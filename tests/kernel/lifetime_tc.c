/* Object lifetime tests: create / delete threads and every IPC object hundreds of times; the
 * heap use must come back to its baseline once the idle thread has retired closed threads. */
#include "ktest.h"

#define KLT_ROUNDS 300

static volatile int s_ran;

static void short_entry(void *arg)
{
    s_ran++;
}

static void sleeper_entry(void *arg)
{
    rt_thread_delay(100000);
}

static void test_lifetime_threads_exit(void)
{
    rt_size_t used0 = kt_heap_baseline(50);
    int i, created = 0;

    s_ran = 0;
    for (i = 0; i < KLT_ROUNDS; i++) {
        rt_thread_t t =
            rt_thread_create("kltex", short_entry, RT_NULL, KT_STACK_SIZE, kt_prio(-1), 5);

        if (t == RT_NULL)
            break;
        created++;
        rt_thread_startup(t); /* more urgent: runs and exits right away */
        if ((i & 15) == 15)
            rt_thread_delay(1); /* let idle retire the closed ones now and then */
    }
    uassert_int_equal(created, KLT_ROUNDS);
    uassert_int_equal(s_ran, KLT_ROUNDS);
    uassert_int_equal(kt_wait_heap_used(used0, 100), used0);
    uassert_null(rt_thread_find("kltex"));
}

static void test_lifetime_threads_deleted(void)
{
    rt_size_t used0 = kt_heap_baseline(50);
    int i, ok = 0;

    for (i = 0; i < KLT_ROUNDS; i++) {
        rt_thread_t t =
            rt_thread_create("kltdl", sleeper_entry, RT_NULL, KT_STACK_SIZE, kt_prio(-1), 5);

        if (t == RT_NULL)
            break;
        rt_thread_startup(t); /* runs, then sleeps */
        ok += rt_thread_delete(t) == RT_EOK;
        if ((i & 15) == 15)
            rt_thread_delay(1);
    }
    uassert_int_equal(ok, KLT_ROUNDS);
    uassert_int_equal(kt_wait_heap_used(used0, 100), used0);
    uassert_null(rt_thread_find("kltdl"));
}

static void test_lifetime_never_started(void)
{
    rt_size_t used0 = kt_heap_baseline(50);
    int i, ok = 0;

    for (i = 0; i < KLT_ROUNDS; i++) {
        rt_thread_t t =
            rt_thread_create("kltns", short_entry, RT_NULL, KT_STACK_SIZE, kt_prio(1), 5);

        if (t != RT_NULL)
            ok += rt_thread_delete(t) == RT_EOK;
    }
    uassert_int_equal(ok, KLT_ROUNDS);
    uassert_int_equal(kt_wait_heap_used(used0, 100), used0);
}

static void test_lifetime_ipc_objects(void)
{
    rt_size_t used0 = kt_heap_baseline(50);
    int objs0[6], i, ok = 0;
    static const enum rt_object_class_type cls[6] = {
        RT_Object_Class_Semaphore, RT_Object_Class_Mutex,        RT_Object_Class_Event,
        RT_Object_Class_MailBox,   RT_Object_Class_MessageQueue, RT_Object_Class_MemPool,
    };

    for (i = 0; i < 6; i++)
        objs0[i] = rt_object_get_length(cls[i]);
    for (i = 0; i < KLT_ROUNDS; i++) {
        rt_sem_t s = rt_sem_create("klts", 1, RT_IPC_FLAG_FIFO);
        rt_mutex_t m = rt_mutex_create("kltm", RT_IPC_FLAG_PRIO);
        rt_event_t e = rt_event_create("klte", RT_IPC_FLAG_FIFO);
        rt_mailbox_t mb = rt_mb_create("kltb", 8, RT_IPC_FLAG_FIFO);
        rt_mq_t mq = rt_mq_create("kltq", 24, 6, RT_IPC_FLAG_FIFO);
        rt_mp_t mp = rt_mp_create("kltp", 6, 48);
        rt_timer_t tm = rt_timer_create("kltt", short_entry, RT_NULL, 10, RT_TIMER_FLAG_ONE_SHOT);

        if (!s || !m || !e || !mb || !mq || !mp || !tm)
            break;
        /* use each one a little so that internal state is exercised */
        rt_sem_take(s, 0);
        rt_mutex_take(m, 0);
        rt_mutex_release(m);
        rt_event_send(e, 1);
        rt_mb_send(mb, 1);
        rt_mq_send(mq, "x", 1);
        rt_mp_free(rt_mp_alloc(mp, 0));
        rt_timer_start(tm);
        ok += rt_sem_delete(s) == RT_EOK && rt_mutex_delete(m) == RT_EOK &&
              rt_event_delete(e) == RT_EOK && rt_mb_delete(mb) == RT_EOK &&
              rt_mq_delete(mq) == RT_EOK && rt_mp_delete(mp) == RT_EOK &&
              rt_timer_delete(tm) == RT_EOK;
    }
    uassert_int_equal(ok, KLT_ROUNDS);
    for (i = 0; i < 6; i++)
        uassert_int_equal(rt_object_get_length(cls[i]), objs0[i]);
    uassert_int_equal(kt_heap_used(), used0);
}

static void testcase(void)
{
    UTEST_UNIT_RUN(test_lifetime_threads_exit);
    UTEST_UNIT_RUN(test_lifetime_threads_deleted);
    UTEST_UNIT_RUN(test_lifetime_never_started);
    UTEST_UNIT_RUN(test_lifetime_ipc_objects);
}
UTEST_TC_EXPORT(testcase, "testcases.kernel.lifetime_tc", RT_NULL, RT_NULL, 60);
