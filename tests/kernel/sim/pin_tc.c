/* Pin framework tests on the simulator's virtual GPIO: levels written by the firmware read
 * back, externally driven levels and pulls, and pin interrupts per mode. Sim only. */
#include "ktest.h"
#include <rtdevice.h>
#include "sim_gpio.h"

#define KPIN_OUT  "PD10"
#define KPIN_IN   "PD11"
#define KPIN_IRQ  "PD12"
#define KPIN_IRQ2 "PD13"

struct kpin_irq {
    volatile int count;
    volatile int bad_ctx; /* calls that were not in interrupt context */
    volatile int last_level;
    rt_base_t pin;
};

static struct kpin_irq s_irq, s_irq2;

static void pin_isr(void *arg)
{
    struct kpin_irq *st = arg;

    st->count++;
    if (rt_interrupt_get_nest() == 0)
        st->bad_ctx++;
    st->last_level = (int)rt_pin_read(st->pin);
}

static rt_base_t pin_of(const char *name)
{
    rt_base_t pin = rt_pin_get(name);

    uassert_int_equal(pin, sim_gpio_pin(name));
    return pin;
}

static void test_pin_names(void)
{
    uassert_int_equal(rt_pin_get("PA0"), 0);
    uassert_int_equal(rt_pin_get("PA5"), 5);
    uassert_int_equal(rt_pin_get("PB3"), 19);
    uassert_int_equal(rt_pin_get("PD15"), 63);
    uassert_true(rt_pin_get("PZ1") < 0);
    uassert_true(rt_pin_get("PA16") < 0);
    uassert_true(rt_pin_get("") < 0);
    uassert_not_null(rt_device_find("pin"));
}

static void test_pin_output_readback(void)
{
    rt_base_t pin = pin_of(KPIN_OUT);

    rt_pin_mode(pin, PIN_MODE_OUTPUT);
    uassert_int_equal(sim_gpio_mode(pin), PIN_MODE_OUTPUT);
    rt_pin_write(pin, PIN_HIGH);
    uassert_int_equal(rt_pin_read(pin), PIN_HIGH);
    uassert_int_equal(sim_gpio_output(pin), 1);
    rt_pin_write(pin, PIN_LOW);
    uassert_int_equal(rt_pin_read(pin), PIN_LOW);
    uassert_int_equal(sim_gpio_output(pin), 0);
    uassert_int_equal(sim_gpio_level(pin), 0);
    /* open drain: low pulls down, high lets the (external) pull-up win */
    rt_pin_mode(pin, PIN_MODE_OUTPUT_OD);
    rt_pin_write(pin, PIN_LOW);
    uassert_int_equal(rt_pin_read(pin), PIN_LOW);
    rt_pin_write(pin, PIN_HIGH);
    uassert_int_equal(rt_pin_read(pin), PIN_HIGH);
    uassert_int_equal(sim_gpio_drive(pin, 0), RT_EOK); /* someone else pulls the line low */
    uassert_int_equal(rt_pin_read(pin), PIN_LOW);
    uassert_int_equal(sim_gpio_drive(pin, SIM_GPIO_RELEASE), RT_EOK);
    uassert_int_equal(rt_pin_read(pin), PIN_HIGH);
    rt_pin_mode(pin, PIN_MODE_INPUT);
}

static void test_pin_input_pulls_and_drive(void)
{
    rt_base_t pin = pin_of(KPIN_IN);

    sim_gpio_drive(pin, SIM_GPIO_RELEASE);
    rt_pin_mode(pin, PIN_MODE_INPUT_PULLUP);
    uassert_int_equal(rt_pin_read(pin), PIN_HIGH);
    rt_pin_mode(pin, PIN_MODE_INPUT_PULLDOWN);
    uassert_int_equal(rt_pin_read(pin), PIN_LOW);
    uassert_int_equal(sim_gpio_drive(pin, 1), RT_EOK);
    uassert_int_equal(rt_pin_read(pin), PIN_HIGH);
    uassert_int_equal(sim_gpio_drive(pin, 0), RT_EOK);
    uassert_int_equal(rt_pin_read(pin), PIN_LOW);
    rt_pin_mode(pin, PIN_MODE_INPUT_PULLUP);
    uassert_int_equal(rt_pin_read(pin), PIN_LOW); /* driven low beats the pull-up */
    sim_gpio_drive(pin, SIM_GPIO_RELEASE);
    uassert_int_equal(rt_pin_read(pin), PIN_HIGH);
    uassert_int_equal(sim_gpio_drive(pin, 2), -RT_EINVAL);
    uassert_int_equal(sim_gpio_drive(SIM_GPIO_PINS, 1), -RT_EINVAL);
    rt_pin_mode(pin, PIN_MODE_INPUT);
}

/* Drive the sequence 0 1 0 1 0 on the pin and return how often the handler ran. */
static int toggle_count(struct kpin_irq *st)
{
    static const int seq[] = {1, 0, 1, 0};
    int before = st->count;
    rt_size_t i;

    for (i = 0; i < RT_ARRAY_SIZE(seq); i++)
        sim_gpio_drive(st->pin, seq[i]);
    return st->count - before;
}

static void irq_setup(struct kpin_irq *st, const char *name, rt_uint8_t mode)
{
    rt_memset((void *)st, 0, sizeof(*st));
    st->pin = pin_of(name);
    rt_pin_mode(st->pin, PIN_MODE_INPUT);
    sim_gpio_drive(st->pin, 0);
    uassert_int_equal(rt_pin_attach_irq(st->pin, mode, pin_isr, (void *)st), RT_EOK);
    uassert_int_equal(rt_pin_irq_enable(st->pin, PIN_IRQ_ENABLE), RT_EOK);
}

static void irq_teardown(struct kpin_irq *st)
{
    uassert_int_equal(rt_pin_detach_irq(st->pin), RT_EOK);
    sim_gpio_drive(st->pin, SIM_GPIO_RELEASE);
}

static void test_pin_irq_edges(void)
{
    irq_setup(&s_irq, KPIN_IRQ, PIN_IRQ_MODE_RISING);
    uassert_int_equal(toggle_count(&s_irq), 2);
    uassert_int_equal(s_irq.last_level, 1); /* the handler saw the new level */
    irq_teardown(&s_irq);

    irq_setup(&s_irq, KPIN_IRQ, PIN_IRQ_MODE_FALLING);
    uassert_int_equal(toggle_count(&s_irq), 2);
    uassert_int_equal(s_irq.last_level, 0);
    irq_teardown(&s_irq);

    irq_setup(&s_irq, KPIN_IRQ, PIN_IRQ_MODE_RISING_FALLING);
    uassert_int_equal(toggle_count(&s_irq), 4);
    /* driving the level it already has is no edge */
    sim_gpio_drive(s_irq.pin, 0);
    uassert_int_equal(s_irq.count, 4);
    uassert_int_equal(s_irq.bad_ctx, 0);
    irq_teardown(&s_irq);
}

static void test_pin_irq_levels(void)
{
    irq_setup(&s_irq, KPIN_IRQ, PIN_IRQ_MODE_HIGH_LEVEL);
    uassert_int_equal(s_irq.count, 0); /* low: no interrupt */
    sim_gpio_drive(s_irq.pin, 1);
    uassert_value_greater_equal(s_irq.count, 1);
    uassert_int_equal(s_irq.last_level, 1);
    irq_teardown(&s_irq);

    /* LOW_LEVEL enabled while the pin is low fires at once */
    irq_setup(&s_irq, KPIN_IRQ, PIN_IRQ_MODE_LOW_LEVEL);
    uassert_value_greater_equal(s_irq.count, 1);
    uassert_int_equal(s_irq.last_level, 0);
    uassert_int_equal(s_irq.bad_ctx, 0);
    irq_teardown(&s_irq);
}

static void test_pin_irq_enable_disable_detach(void)
{
    irq_setup(&s_irq, KPIN_IRQ, PIN_IRQ_MODE_RISING_FALLING);
    irq_setup(&s_irq2, KPIN_IRQ2, PIN_IRQ_MODE_RISING);
    uassert_int_equal(rt_pin_irq_enable(s_irq.pin, PIN_IRQ_DISABLE), RT_EOK);
    uassert_int_equal(toggle_count(&s_irq), 0);
    uassert_int_equal(toggle_count(&s_irq2), 2); /* the other pin is unaffected */
    uassert_int_equal(rt_pin_irq_enable(s_irq.pin, PIN_IRQ_ENABLE), RT_EOK);
    uassert_int_equal(toggle_count(&s_irq), 4);
    /* a second handler on the same pin is refused; bad arguments too */
    uassert_int_equal(rt_pin_attach_irq(s_irq.pin, PIN_IRQ_MODE_RISING, pin_isr, &s_irq2),
                      -RT_EBUSY);
    irq_teardown(&s_irq);
    uassert_int_equal(toggle_count(&s_irq), 0); /* detached */
    uassert_int_equal(rt_pin_irq_enable(s_irq.pin, PIN_IRQ_ENABLE), -RT_EINVAL);
    uassert_int_equal(rt_pin_attach_irq(s_irq.pin, 9, pin_isr, RT_NULL), -RT_EINVAL);
    uassert_int_equal(rt_pin_attach_irq(s_irq.pin, PIN_IRQ_MODE_RISING, RT_NULL, RT_NULL),
                      -RT_EINVAL);
    irq_teardown(&s_irq2);
}

/* A pin interrupt wakes a thread blocked on a semaphore. */
static struct rt_semaphore s_sem;
static volatile int s_woken;

static void wake_isr(void *arg)
{
    rt_sem_release(&s_sem);
}

static void waiter_entry(void *arg)
{
    if (rt_sem_take(&s_sem, 100) == RT_EOK)
        s_woken = 1;
}

static void test_pin_irq_wakes_thread(void)
{
    struct kt_worker w;
    rt_base_t pin = pin_of(KPIN_IRQ);

    rt_sem_init(&s_sem, "kpin", 0, RT_IPC_FLAG_FIFO);
    s_woken = 0;
    rt_pin_mode(pin, PIN_MODE_INPUT);
    sim_gpio_drive(pin, 0);
    uassert_int_equal(rt_pin_attach_irq(pin, PIN_IRQ_MODE_RISING, wake_isr, RT_NULL), RT_EOK);
    rt_pin_irq_enable(pin, PIN_IRQ_ENABLE);
    kt_worker_start(&w, "kpinw", waiter_entry, RT_NULL, kt_prio(-1), 10);
    uassert_int_equal(s_woken, 0);
    sim_gpio_drive(pin, 1);
    /* the more urgent waiter ran as the interrupt returned, before sim_gpio_drive did */
    uassert_int_equal(s_woken, 1);
    uassert_true(kt_worker_join(&w, 20));
    rt_pin_detach_irq(pin);
    sim_gpio_drive(pin, SIM_GPIO_RELEASE);
    rt_sem_detach(&s_sem);
}

static void testcase(void)
{
    UTEST_UNIT_RUN(test_pin_names);
    UTEST_UNIT_RUN(test_pin_output_readback);
    UTEST_UNIT_RUN(test_pin_input_pulls_and_drive);
    UTEST_UNIT_RUN(test_pin_irq_edges);
    UTEST_UNIT_RUN(test_pin_irq_levels);
    UTEST_UNIT_RUN(test_pin_irq_enable_disable_detach);
    UTEST_UNIT_RUN(test_pin_irq_wakes_thread);
}
UTEST_TC_EXPORT(testcase, "testcases.kernel.pin_tc", RT_NULL, RT_NULL, 30);
