/* Test of the driver IPC helpers: rt_ringbuffer and rt_completion. */
#include <rtthread.h>
#include <rtdevice.h>
#include "sim.h"

#ifdef RT_USING_UTEST
#include <utest.h>

#define IPC_IRQ (SIM_IRQ_USER + 3)

static void test_ringbuffer_basic(void)
{
    static rt_uint8_t pool[19];
    struct rt_ringbuffer rb;
    rt_uint8_t out[32], ch = 0;

    rt_ringbuffer_init(&rb, pool, sizeof(pool)); /* rounded down to 16 */
    uassert_int_equal(rt_ringbuffer_get_size(&rb), 16);
    uassert_int_equal(rt_ringbuffer_status(&rb), RT_RINGBUFFER_EMPTY);
    uassert_int_equal(rt_ringbuffer_put(&rb, (const rt_uint8_t *)"0123456789", 10), 10);
    uassert_int_equal(rt_ringbuffer_data_len(&rb), 10);
    uassert_int_equal(rt_ringbuffer_space_len(&rb), 6);
    uassert_int_equal(rt_ringbuffer_get(&rb, out, 4), 4);
    uassert_buf_equal(out, "0123", 4);
    /* wraps around the end */
    uassert_int_equal(rt_ringbuffer_put(&rb, (const rt_uint8_t *)"abcdefghij", 10), 10);
    uassert_int_equal(rt_ringbuffer_status(&rb), RT_RINGBUFFER_FULL);
    uassert_int_equal(rt_ringbuffer_put(&rb, (const rt_uint8_t *)"x", 1), 0);
    uassert_int_equal(rt_ringbuffer_putchar(&rb, 'x'), 0);
    uassert_int_equal(rt_ringbuffer_get(&rb, out, sizeof(out)), 16);
    uassert_buf_equal(out, "456789abcdefghij", 16);
    uassert_int_equal(rt_ringbuffer_getchar(&rb, &ch), 0);
    uassert_int_equal(rt_ringbuffer_putchar(&rb, 'q'), 1);
    uassert_int_equal(rt_ringbuffer_getchar(&rb, &ch), 1);
    uassert_int_equal(ch, 'q');
    rt_ringbuffer_reset(&rb);
    uassert_int_equal(rt_ringbuffer_data_len(&rb), 0);
}

static void test_ringbuffer_force_and_peek(void)
{
    static rt_uint8_t pool[8];
    struct rt_ringbuffer rb;
    rt_uint8_t out[16], *p;

    rt_ringbuffer_init(&rb, pool, sizeof(pool));
    rt_ringbuffer_put(&rb, (const rt_uint8_t *)"abcdef", 6);
    uassert_int_equal(rt_ringbuffer_put_force(&rb, (const rt_uint8_t *)"1234", 4), 4);
    uassert_int_equal(rt_ringbuffer_data_len(&rb), 8);
    uassert_int_equal(rt_ringbuffer_get(&rb, out, sizeof(out)), 8);
    uassert_buf_equal(out, "cdef1234", 8);
    /* more than the ring holds: only the newest bytes stay */
    uassert_int_equal(rt_ringbuffer_put_force(&rb, (const rt_uint8_t *)"ABCDEFGHIJ", 10), 8);
    uassert_int_equal(rt_ringbuffer_get(&rb, out, sizeof(out)), 8);
    uassert_buf_equal(out, "CDEFGHIJ", 8);
    uassert_int_equal(rt_ringbuffer_putchar_force(&rb, 'z'), 1);
    uassert_int_equal(rt_ringbuffer_get(&rb, out, sizeof(out)), 1);
    /* peek hands out the contiguous run and consumes it */
    rt_ringbuffer_reset(&rb);
    rt_ringbuffer_put(&rb, (const rt_uint8_t *)"012345", 6);
    rt_ringbuffer_get(&rb, out, 4);
    rt_ringbuffer_put(&rb, (const rt_uint8_t *)"6789", 4); /* stored at 6,7,0,1 */
    uassert_int_equal(rt_ringbuffer_peek(&rb, &p), 4);
    uassert_buf_equal(p, "4567", 4);
    uassert_int_equal(rt_ringbuffer_peek(&rb, &p), 2);
    uassert_buf_equal(p, "89", 2);
    uassert_int_equal(rt_ringbuffer_peek(&rb, &p), 0);
    uassert_null(p);
}

static void test_ringbuffer_create(void)
{
    struct rt_ringbuffer *rb = rt_ringbuffer_create(100);

    uassert_not_null(rb);
    if (rb == RT_NULL)
        return;
    uassert_int_equal(rt_ringbuffer_get_size(rb), RT_ALIGN_DOWN(100, RT_ALIGN_SIZE));
    uassert_int_equal(rt_ringbuffer_put(rb, (const rt_uint8_t *)"hello", 5), 5);
    rt_ringbuffer_destroy(rb);
    uassert_null(rt_ringbuffer_create(RT_ALIGN_SIZE - 1));
}

static struct rt_completion ipc_cmpl;
static volatile int ipc_waiter_result = 1;

static void ipc_isr(int vector, void *param)
{
    rt_completion_done(&ipc_cmpl);
}

static void ipc_waiter(void *arg)
{
    ipc_waiter_result = rt_completion_wait(&ipc_cmpl, RT_WAITING_FOREVER);
}

static void test_completion(void)
{
    rt_thread_t t;
    rt_tick_t start;

    rt_completion_init(&ipc_cmpl);
    uassert_int_equal(rt_completion_wait(&ipc_cmpl, 0), -RT_ETIMEOUT);
    start = rt_tick_get();
    uassert_int_equal(rt_completion_wait(&ipc_cmpl, 5), -RT_ETIMEOUT);
    uassert_value_greater_equal(rt_tick_get() - start, 5);
    /* done before wait: the wait returns at once, and consumes it */
    rt_completion_done(&ipc_cmpl);
    rt_completion_done(&ipc_cmpl);
    uassert_int_equal(rt_completion_wait(&ipc_cmpl, 0), RT_EOK);
    uassert_int_equal(rt_completion_wait(&ipc_cmpl, 0), -RT_ETIMEOUT);
    uassert_int_equal(rt_completion_wait(RT_NULL, 0), -RT_EINVAL);

    /* a higher-priority waiter, woken from an ISR */
    ipc_waiter_result = 1;
    t = rt_thread_create("c_wait", ipc_waiter, RT_NULL, 4096, 5, 10);
    uassert_not_null(t);
    if (t == RT_NULL)
        return;
    rt_thread_startup(t); /* blocks at once */
    uassert_int_equal(ipc_waiter_result, 1);
    uassert_int_equal(rt_completion_wait(&ipc_cmpl, 0), -RT_ETIMEOUT);
    uassert_int_equal(rt_completion_wait(&ipc_cmpl, 10), -RT_EBUSY);
    rt_hw_interrupt_install(IPC_IRQ, ipc_isr, RT_NULL, "ipc");
    sim_irq_raise(IPC_IRQ); /* switches to the waiter at interrupt exit */
    uassert_int_equal(ipc_waiter_result, RT_EOK);
    rt_hw_interrupt_install(IPC_IRQ, RT_NULL, RT_NULL, RT_NULL);
}

static void sim_ipc_testcase(void)
{
    UTEST_UNIT_RUN(test_ringbuffer_basic);
    UTEST_UNIT_RUN(test_ringbuffer_force_and_peek);
    UTEST_UNIT_RUN(test_ringbuffer_create);
    UTEST_UNIT_RUN(test_completion);
}
UTEST_TC_EXPORT(sim_ipc_testcase, "sim.ipc", RT_NULL, RT_NULL, 10);

#endif /* RT_USING_UTEST */
