/* Mutex tests: ownership, recursion, timeouts, priority inheritance and its restoration. */
#include "ktest.h"

static struct rt_mutex s_mtx;
static volatile rt_err_t s_err;
static volatile int s_step;

static void test_mutex_recursive_owner(void)
{
    int i;

    uassert_int_equal(rt_mutex_init(&s_mtx, "kmtx", RT_IPC_FLAG_PRIO), RT_EOK);
    uassert_null(s_mtx.owner);
    uassert_int_equal(rt_mutex_take(&s_mtx, RT_WAITING_FOREVER), RT_EOK);
    uassert_true(s_mtx.owner == rt_thread_self());
    uassert_int_equal(s_mtx.hold, 1);
    uassert_int_equal(rt_mutex_trytake(&s_mtx), RT_EOK);
    uassert_int_equal(rt_mutex_take(&s_mtx, 5), RT_EOK);
    uassert_int_equal(s_mtx.hold, 3);
    for (i = 3; i > 0; i--) {
        uassert_true(s_mtx.owner == rt_thread_self());
        uassert_int_equal(rt_mutex_release(&s_mtx), RT_EOK);
        uassert_int_equal(s_mtx.hold, i - 1);
    }
    uassert_null(s_mtx.owner);
    /* releasing a mutex nobody holds is an error */
    uassert_int_equal(rt_mutex_release(&s_mtx), -RT_ERROR);
    uassert_int_equal(rt_mutex_detach(&s_mtx), RT_EOK);
}

static void test_mutex_hold_limit(void)
{
    int i, ok = 0;

    uassert_int_equal(rt_mutex_init(&s_mtx, "kmtx", RT_IPC_FLAG_PRIO), RT_EOK);
    for (i = 0; i < RT_MUTEX_HOLD_MAX; i++)
        ok += rt_mutex_take(&s_mtx, RT_WAITING_NO) == RT_EOK;
    uassert_int_equal(ok, RT_MUTEX_HOLD_MAX);
    uassert_int_equal(rt_mutex_take(&s_mtx, RT_WAITING_NO), -RT_EFULL);
    uassert_int_equal(s_mtx.hold, RT_MUTEX_HOLD_MAX);
    for (i = 0; i < RT_MUTEX_HOLD_MAX; i++)
        rt_mutex_release(&s_mtx);
    uassert_null(s_mtx.owner);
    uassert_int_equal(rt_mutex_detach(&s_mtx), RT_EOK);
}

/* A second thread tries the mutex we hold: trytake, a timed take, and a release. */
static volatile rt_err_t s_try_err, s_timed_err, s_rel_err;
static volatile rt_tick_t s_timed_ticks;

static void mutex_intruder(void *arg)
{
    rt_tick_t t0;

    s_try_err = rt_mutex_trytake(&s_mtx);
    t0 = rt_tick_get();
    s_timed_err = rt_mutex_take(&s_mtx, 4);
    s_timed_ticks = kt_elapsed(t0);
    s_rel_err = rt_mutex_release(&s_mtx);
}

static void test_mutex_non_owner(void)
{
    struct kt_worker w;

    uassert_int_equal(rt_mutex_init(&s_mtx, "kmtx", RT_IPC_FLAG_PRIO), RT_EOK);
    uassert_int_equal(rt_mutex_take(&s_mtx, RT_WAITING_FOREVER), RT_EOK);
    s_try_err = s_timed_err = s_rel_err = 1;
    uassert_int_equal(kt_worker_start(&w, "kmtxi", mutex_intruder, RT_NULL, kt_prio(1), 10),
                      RT_EOK);
    uassert_true(kt_worker_join(&w, 50));
    uassert_int_equal(s_try_err, -RT_ETIMEOUT);
    uassert_int_equal(s_timed_err, -RT_ETIMEOUT);
    uassert_in_range(s_timed_ticks, 4, 5);
    uassert_int_equal(s_rel_err, -RT_ERROR);
    /* we still own it, once */
    uassert_true(s_mtx.owner == rt_thread_self());
    uassert_int_equal(s_mtx.hold, 1);
    uassert_int_equal(rt_mutex_release(&s_mtx), RT_EOK);
    uassert_int_equal(rt_mutex_detach(&s_mtx), RT_EOK);
}

static void mutex_taker(void *arg)
{
    s_err = rt_mutex_take((rt_mutex_t)arg, RT_WAITING_FOREVER);
    if (s_err == RT_EOK)
        rt_mutex_release((rt_mutex_t)arg);
}

static void test_mutex_handover(void)
{
    struct kt_worker w;

    uassert_int_equal(rt_mutex_init(&s_mtx, "kmtx", RT_IPC_FLAG_PRIO), RT_EOK);
    uassert_int_equal(rt_mutex_take(&s_mtx, RT_WAITING_FOREVER), RT_EOK);
    s_err = 1;
    uassert_int_equal(kt_worker_start(&w, "kmtxt", mutex_taker, &s_mtx, kt_prio(-1), 10), RT_EOK);
    uassert_int_equal(s_err, 1);
    uassert_int_equal(rt_mutex_release(&s_mtx), RT_EOK);
    /* the more urgent waiter got it, released it and finished before we resumed */
    uassert_int_equal(s_err, RT_EOK);
    uassert_null(s_mtx.owner);
    uassert_true(kt_worker_join(&w, 50));
    uassert_int_equal(rt_mutex_detach(&s_mtx), RT_EOK);
}

static void test_mutex_delete_wakes_waiter(void)
{
    struct kt_worker w;
    rt_mutex_t m = rt_mutex_create("kmtxd", RT_IPC_FLAG_PRIO);

    uassert_not_null(m);
    if (m == RT_NULL)
        return;
    uassert_int_equal(rt_mutex_take(m, RT_WAITING_FOREVER), RT_EOK);
    s_err = 1;
    uassert_int_equal(kt_worker_start(&w, "kmtxt", mutex_taker, m, kt_prio(-1), 10), RT_EOK);
    uassert_int_equal(s_err, 1);
    uassert_int_equal(rt_mutex_delete(m), RT_EOK);
    uassert_int_equal(s_err, -RT_ERROR);
    uassert_true(kt_worker_join(&w, 50));
}

/*
 * Priority inheritance. L (least urgent) holds the mutex and needs L_WORK ticks of CPU to
 * finish; H (most urgent) then blocks on it; M (in between) spins for M_BUSY ticks.
 * Without inheritance M would starve L and H would wait >= M_BUSY ticks; with it L runs at
 * H's priority, so H waits about L_WORK ticks.
 */
#define L_WORK 3
#define M_BUSY 30
static struct rt_semaphore s_go_l;
static volatile rt_uint8_t s_l_prio_after;
static volatile rt_tick_t s_h_wait, s_go_at, s_h_got_at;
static volatile int s_m_saw_h;

static void pi_low(void *arg)
{
    rt_mutex_take(&s_mtx, RT_WAITING_FOREVER);
    s_step = 1;
    rt_sem_take(&s_go_l, RT_WAITING_FOREVER); /* released by M */
    kt_spin_ticks(L_WORK);
    rt_mutex_release(&s_mtx);
    s_l_prio_after = rt_thread_self()->current_priority;
}

static void pi_high(void *arg)
{
    rt_tick_t t0 = rt_tick_get();

    s_err = rt_mutex_take(&s_mtx, RT_WAITING_FOREVER);
    s_h_got_at = rt_tick_get();
    s_h_wait = s_h_got_at - t0;
    if (s_err == RT_EOK)
        rt_mutex_release(&s_mtx);
}

static void pi_medium(void *arg)
{
    rt_tick_t t0 = rt_tick_get();

    s_go_at = t0;
    rt_sem_release(&s_go_l);
    while (kt_elapsed(t0) < M_BUSY)
        if (s_h_wait != 0)
            s_m_saw_h = 1; /* H finished while M was still busy */
}

static void test_mutex_priority_inheritance(void)
{
    struct kt_worker low, med, high;
    rt_uint8_t pl = kt_prio(-1), pm = kt_prio(-2), ph = kt_prio(-3);

    uassert_true(ph < pm && pm < pl);
    uassert_int_equal(rt_mutex_init(&s_mtx, "kmtxpi", RT_IPC_FLAG_PRIO), RT_EOK);
    uassert_int_equal(rt_sem_init(&s_go_l, "kgol", 0, RT_IPC_FLAG_FIFO), RT_EOK);
    s_step = 0;
    s_err = 1;
    s_h_wait = 0;
    s_m_saw_h = 0;
    s_l_prio_after = 0;
    /* created up front: only the starts below are part of the timed scenario */
    uassert_int_equal(kt_worker_prepare(&low, "kpil", pi_low, RT_NULL, pl, 10), RT_EOK);
    uassert_int_equal(kt_worker_prepare(&high, "kpih", pi_high, RT_NULL, ph, 10), RT_EOK);
    uassert_int_equal(kt_worker_prepare(&med, "kpim", pi_medium, RT_NULL, pm, 10), RT_EOK);
    rt_thread_startup(low.tid);
    uassert_int_equal(s_step, 1); /* L holds the mutex and waits for go */
    rt_thread_startup(high.tid);
    /* H is blocked on the mutex: L now runs at H's priority */
    uassert_int_equal(s_err, 1);
    uassert_int_equal(low.tid->current_priority, ph);
    uassert_int_equal(low.tid->init_priority, pl);
    uassert_int_equal(s_mtx.priority, ph);
    rt_thread_startup(med.tid); /* M releases L, then spins for M_BUSY ticks */
    uassert_true(kt_worker_join(&high, M_BUSY + 20));
    uassert_true(kt_worker_join(&med, M_BUSY + 20));
    uassert_true(kt_worker_join(&low, M_BUSY + 20));
    uassert_int_equal(s_err, RT_EOK);
    /* from the moment L could run, H waited only for L's work, not for M */
    uassert_in_range(s_h_got_at - s_go_at, L_WORK, L_WORK + 2);
    uassert_value_less(s_h_wait, M_BUSY);
    uassert_int_equal(s_m_saw_h, 1);
    uassert_int_equal(s_l_prio_after, pl); /* restored once the mutex was released */
    rt_sem_detach(&s_go_l);
    uassert_int_equal(rt_mutex_detach(&s_mtx), RT_EOK);
}

/* A waiter that gives up (timeout) must also take its priority boost away again. */
static void pi_timed_waiter(void *arg)
{
    s_err = rt_mutex_take(&s_mtx, 5);
}

static void test_mutex_inheritance_timeout_restores(void)
{
    struct kt_worker w;
    rt_uint8_t me = rt_thread_self()->current_priority;
    rt_uint8_t ph = kt_prio(-2);

    uassert_int_equal(rt_mutex_init(&s_mtx, "kmtxto", RT_IPC_FLAG_PRIO), RT_EOK);
    uassert_int_equal(rt_mutex_take(&s_mtx, RT_WAITING_FOREVER), RT_EOK);
    s_err = 1;
    uassert_int_equal(kt_worker_start(&w, "kmtxw", pi_timed_waiter, RT_NULL, ph, 10), RT_EOK);
    uassert_int_equal(rt_thread_self()->current_priority, ph);
    uassert_true(kt_worker_join(&w, 30));
    uassert_int_equal(s_err, -RT_ETIMEOUT);
    uassert_int_equal(rt_thread_self()->current_priority, me);
    uassert_int_equal(rt_mutex_release(&s_mtx), RT_EOK);
    uassert_int_equal(rt_thread_self()->current_priority, me);
    uassert_int_equal(rt_mutex_detach(&s_mtx), RT_EOK);
}

/*
 * Inheritance through a chain: L holds m1; M holds m2 and waits for m1; H waits for m2.
 * H's priority must reach L through M. Everything unwinds once L lets go.
 */
static struct rt_mutex s_m2;
static struct rt_semaphore s_go;
static volatile int s_chain_done;

static void chain_low(void *arg)
{
    rt_mutex_take(&s_mtx, RT_WAITING_FOREVER);
    rt_sem_take(&s_go, RT_WAITING_FOREVER);
    rt_mutex_release(&s_mtx);
    s_l_prio_after = rt_thread_self()->current_priority;
}

static void chain_mid(void *arg)
{
    rt_mutex_take(&s_m2, RT_WAITING_FOREVER);
    if (rt_mutex_take(&s_mtx, RT_WAITING_FOREVER) == RT_EOK)
        rt_mutex_release(&s_mtx);
    rt_mutex_release(&s_m2);
}

static void chain_high(void *arg)
{
    if (rt_mutex_take(&s_m2, RT_WAITING_FOREVER) == RT_EOK) {
        rt_mutex_release(&s_m2);
        s_chain_done = 1;
    }
}

static void test_mutex_inheritance_chain(void)
{
    struct kt_worker low, mid, high;
    rt_uint8_t pl = kt_prio(-1), pm = kt_prio(-2), ph = kt_prio(-3);

    rt_mutex_init(&s_mtx, "kmtxc1", RT_IPC_FLAG_PRIO);
    rt_mutex_init(&s_m2, "kmtxc2", RT_IPC_FLAG_PRIO);
    rt_sem_init(&s_go, "kgo", 0, RT_IPC_FLAG_FIFO);
    s_chain_done = 0;
    s_l_prio_after = 0;
    kt_worker_start(&low, "kchl", chain_low, RT_NULL, pl, 10);
    kt_worker_start(&mid, "kchm", chain_mid, RT_NULL, pm, 10);
    uassert_int_equal(low.tid->current_priority, pm);
    kt_worker_start(&high, "kchh", chain_high, RT_NULL, ph, 10);
    uassert_int_equal(mid.tid->current_priority, ph);
    uassert_int_equal(low.tid->current_priority, ph); /* through M */
    uassert_int_equal(low.tid->init_priority, pl);
    rt_sem_release(&s_go);
    /* all three are more urgent than us: the whole chain has unwound */
    uassert_int_equal(s_chain_done, 1);
    uassert_int_equal(s_l_prio_after, pl);
    uassert_true(kt_worker_join(&high, 20));
    uassert_true(kt_worker_join(&mid, 20));
    uassert_true(kt_worker_join(&low, 20));
    rt_sem_detach(&s_go);
    rt_mutex_detach(&s_m2);
    uassert_int_equal(rt_mutex_detach(&s_mtx), RT_EOK);
}

/* CHANGE_PRIORITY on a boosted owner: the effective priority is the more urgent of its own
 * and the inherited one. */
static void test_mutex_change_priority_of_owner(void)
{
    struct kt_worker w;
    rt_thread_t self = rt_thread_self();
    rt_uint8_t me = self->current_priority;
    rt_uint8_t ph = kt_prio(-2), p;

    rt_mutex_init(&s_mtx, "kmtxcp", RT_IPC_FLAG_PRIO);
    rt_mutex_take(&s_mtx, RT_WAITING_FOREVER);
    s_err = 1;
    kt_worker_start(&w, "kmtxw", mutex_taker, &s_mtx, ph, 10);
    uassert_int_equal(self->current_priority, ph);
    p = (rt_uint8_t)(me + 1); /* own priority lowered: still boosted */
    uassert_int_equal(rt_thread_control(self, RT_THREAD_CTRL_CHANGE_PRIORITY, &p), RT_EOK);
    uassert_int_equal(self->current_priority, ph);
    uassert_int_equal(self->init_priority, p);
    p = (rt_uint8_t)(ph - 1); /* own priority above the inherited one: wins */
    uassert_int_equal(rt_thread_control(self, RT_THREAD_CTRL_CHANGE_PRIORITY, &p), RT_EOK);
    uassert_int_equal(self->current_priority, p);
    p = me; /* back to the original: boosted again */
    uassert_int_equal(rt_thread_control(self, RT_THREAD_CTRL_CHANGE_PRIORITY, &p), RT_EOK);
    uassert_int_equal(self->current_priority, ph);
    rt_mutex_release(&s_mtx); /* the waiter takes it and finishes */
    uassert_int_equal(self->current_priority, me);
    uassert_true(kt_worker_join(&w, 20));
    uassert_int_equal(s_err, RT_EOK);
    uassert_int_equal(rt_mutex_detach(&s_mtx), RT_EOK);
}

/* A thread deleted while it holds a mutex gives it up: the waiter gets it. */
static void holder_sleeps(void *arg)
{
    rt_mutex_take(&s_mtx, RT_WAITING_FOREVER);
    rt_thread_delay(100000);
}

static void test_mutex_holder_deleted(void)
{
    struct kt_worker holder, waiter;

    rt_mutex_init(&s_mtx, "kmtxhd", RT_IPC_FLAG_PRIO);
    s_err = 1;
    kt_worker_start(&holder, "kmtxh", holder_sleeps, RT_NULL, kt_prio(-1), 10);
    uassert_true(s_mtx.owner == holder.tid);
    kt_worker_start(&waiter, "kmtxt", mutex_taker, &s_mtx, kt_prio(-2), 10);
    uassert_int_equal(s_err, 1);
    uassert_int_equal(holder.tid->current_priority, kt_prio(-2)); /* boosted */
    uassert_int_equal(rt_thread_delete(holder.tid), RT_EOK);
    holder.tid = RT_NULL;
    /* the waiter is more urgent than us: it got the mutex, released it and finished */
    uassert_int_equal(s_err, RT_EOK);
    uassert_null(s_mtx.owner);
    uassert_true(kt_worker_join(&waiter, 20));
    uassert_int_equal(rt_mutex_detach(&s_mtx), RT_EOK);
}

/* Deleting the waiter that boosted the owner takes the boost away again. */
static void test_mutex_deleted_waiter_unboosts(void)
{
    struct kt_worker w;
    rt_uint8_t me = rt_thread_self()->current_priority;
    rt_uint8_t ph = kt_prio(-2); /* before we get boosted: kt_prio is relative to us */

    rt_mutex_init(&s_mtx, "kmtxdw", RT_IPC_FLAG_PRIO);
    rt_mutex_take(&s_mtx, RT_WAITING_FOREVER);
    s_err = 1;
    kt_worker_start(&w, "kmtxt", mutex_taker, &s_mtx, ph, 10);
    uassert_int_equal(rt_thread_self()->current_priority, ph);
    uassert_int_equal(rt_thread_delete(w.tid), RT_EOK);
    w.tid = RT_NULL;
    uassert_int_equal(rt_thread_self()->current_priority, me);
    uassert_int_equal(s_err, 1); /* it never got the mutex */
    uassert_int_equal(rt_mutex_release(&s_mtx), RT_EOK);
    uassert_null(s_mtx.owner);
    uassert_int_equal(rt_mutex_detach(&s_mtx), RT_EOK);
}

static void testcase(void)
{
    UTEST_UNIT_RUN(test_mutex_recursive_owner);
    UTEST_UNIT_RUN(test_mutex_hold_limit);
    UTEST_UNIT_RUN(test_mutex_non_owner);
    UTEST_UNIT_RUN(test_mutex_handover);
    UTEST_UNIT_RUN(test_mutex_delete_wakes_waiter);
    UTEST_UNIT_RUN(test_mutex_priority_inheritance);
    UTEST_UNIT_RUN(test_mutex_inheritance_timeout_restores);
    UTEST_UNIT_RUN(test_mutex_inheritance_chain);
    UTEST_UNIT_RUN(test_mutex_change_priority_of_owner);
    UTEST_UNIT_RUN(test_mutex_holder_deleted);
    UTEST_UNIT_RUN(test_mutex_deleted_waiter_unboosts);
}
UTEST_TC_EXPORT(testcase, "testcases.kernel.mutex_tc", RT_NULL, RT_NULL, 30);
