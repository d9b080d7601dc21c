/* Test of the sim board's virtual GPIO through the pin framework and sim_gpio.h. */
#include <rtthread.h>
#include <rtdevice.h>
#include "sim_gpio.h"
#include <pthread.h>
#include <signal.h>

#ifdef RT_USING_UTEST
#include <utest.h>

static volatile int gpio_hits;
static volatile int gpio_nest;

static void gpio_handler(void *args)
{
    gpio_hits += (int)(rt_ubase_t)args;
    gpio_nest = rt_interrupt_get_nest();
}

static void test_pin_names(void)
{
    uassert_int_equal(rt_pin_get("PA0"), 0);
    uassert_int_equal(rt_pin_get("PA5"), 5);
    uassert_int_equal(rt_pin_get("PB0"), 16);
    uassert_int_equal(rt_pin_get("PD15"), 63);
    uassert_int_equal(rt_pin_get("PE0"), -RT_EINVAL);
    uassert_int_equal(rt_pin_get("PA16"), -RT_EINVAL);
    uassert_int_equal(rt_pin_get("PA"), -RT_EINVAL);
    uassert_int_equal(rt_pin_get("PA1x"), -RT_EINVAL);
    uassert_int_equal(rt_pin_get("X1"), -RT_EINVAL);
    uassert_not_null(rt_device_find("pin"));
}

static void test_levels(void)
{
    rt_base_t in = rt_pin_get("PB1"), out = rt_pin_get("PB2");

    rt_pin_mode(in, PIN_MODE_INPUT_PULLUP);
    uassert_int_equal(rt_pin_read(in), PIN_HIGH);
    rt_pin_mode(in, PIN_MODE_INPUT_PULLDOWN);
    uassert_int_equal(rt_pin_read(in), PIN_LOW);
    uassert_int_equal(sim_gpio_drive(in, 1), RT_EOK);
    uassert_int_equal(rt_pin_read(in), PIN_HIGH);
    uassert_int_equal(sim_gpio_drive(in, SIM_GPIO_RELEASE), RT_EOK);
    uassert_int_equal(rt_pin_read(in), PIN_LOW);
    uassert_int_equal(sim_gpio_drive(in, 2), -RT_EINVAL);
    uassert_int_equal(sim_gpio_drive(64, 0), -RT_EINVAL);
    uassert_int_equal(sim_gpio_output(in), -1);

    rt_pin_mode(out, PIN_MODE_OUTPUT);
    rt_pin_write(out, PIN_HIGH);
    uassert_int_equal(sim_gpio_output(out), 1);
    uassert_int_equal(rt_pin_read(out), PIN_HIGH);
    rt_pin_write(out, PIN_LOW);
    uassert_int_equal(sim_gpio_output(out), 0);
    uassert_int_equal(sim_gpio_mode(out), PIN_MODE_OUTPUT);
    uassert_int_equal(rt_pin_read(99), -RT_EINVAL);
}

static void test_edge_irqs(void)
{
    rt_base_t pin = rt_pin_get("PC3");

    gpio_hits = 0;
    rt_pin_mode(pin, PIN_MODE_INPUT_PULLUP);
    uassert_int_equal(rt_pin_attach_irq(pin, PIN_IRQ_MODE_FALLING, gpio_handler, (void *)1),
                      RT_EOK);
    uassert_int_equal(rt_pin_attach_irq(pin, PIN_IRQ_MODE_RISING, gpio_handler, (void *)1),
                      -RT_EBUSY);
    sim_gpio_drive(pin, 0); /* not enabled yet */
    uassert_int_equal(gpio_hits, 0);
    sim_gpio_drive(pin, SIM_GPIO_RELEASE);
    uassert_int_equal(rt_pin_irq_enable(pin, PIN_IRQ_ENABLE), RT_EOK);
    sim_gpio_drive(pin, 0); /* falling: handled before drive returns */
    uassert_int_equal(gpio_hits, 1);
    uassert_int_equal(gpio_nest, 1);
    sim_gpio_drive(pin, 0); /* no change, no edge */
    sim_gpio_drive(pin, 1); /* rising: ignored */
    uassert_int_equal(gpio_hits, 1);
    uassert_int_equal(sim_gpio_irq_count(pin), 1);
    uassert_int_equal(rt_pin_detach_irq(pin), RT_EOK);
    uassert_int_equal(rt_pin_irq_enable(pin, PIN_IRQ_ENABLE), -RT_EINVAL);
    uassert_int_equal(rt_pin_attach_irq(pin, PIN_IRQ_MODE_RISING_FALLING, gpio_handler, (void *)10),
                      RT_EOK);
    rt_pin_irq_enable(pin, PIN_IRQ_ENABLE);
    sim_gpio_drive(pin, 0);
    sim_gpio_drive(pin, 1);
    uassert_int_equal(gpio_hits, 21);
    rt_pin_detach_irq(pin);
    sim_gpio_drive(pin, SIM_GPIO_RELEASE);
}

static void test_level_irqs(void)
{
    rt_base_t pin = rt_pin_get("PD7");

    gpio_hits = 0;
    rt_pin_mode(pin, PIN_MODE_INPUT_PULLUP);
    rt_pin_attach_irq(pin, PIN_IRQ_MODE_HIGH_LEVEL, gpio_handler, (void *)1);
    rt_pin_irq_enable(pin, PIN_IRQ_ENABLE); /* already high: fires at once */
    uassert_int_equal(gpio_hits, 1);
    sim_gpio_drive(pin, 0);
    sim_gpio_drive(pin, 1);
    uassert_int_equal(gpio_hits, 2);
    rt_pin_irq_enable(pin, PIN_IRQ_DISABLE);
    sim_gpio_drive(pin, 0);
    sim_gpio_drive(pin, 1);
    uassert_int_equal(gpio_hits, 2);
    rt_pin_detach_irq(pin);
    sim_gpio_drive(pin, SIM_GPIO_RELEASE);
}

static void *gpio_host_driver(void *arg)
{
    rt_base_t pin = (rt_base_t)(rt_ubase_t)arg;
    sigset_t set;

    sigemptyset(&set);
    sigaddset(&set, SIGUSR2); /* a host helper thread, like a test harness's own */
    pthread_sigmask(SIG_BLOCK, &set, NULL);
    for (int i = 0; i < 10; i++) {
        sim_gpio_drive(pin, 0);
        sim_gpio_drive(pin, 1);
    }
    return (void *)(rt_ubase_t)sim_gpio_drive(pin, 5);
}

/* Drives from a host thread arrive through an interrupt, in order, none lost */
static void test_host_thread_drive(void)
{
    rt_base_t pin = rt_pin_get("PA9");
    pthread_t host;
    void *bad = RT_NULL;

    gpio_hits = 0;
    rt_pin_mode(pin, PIN_MODE_INPUT_PULLUP);
    rt_pin_attach_irq(pin, PIN_IRQ_MODE_FALLING, gpio_handler, (void *)1);
    rt_pin_irq_enable(pin, PIN_IRQ_ENABLE);
    uassert_int_equal(pthread_create(&host, NULL, gpio_host_driver, (void *)(rt_ubase_t)pin), 0);
    pthread_join(host, &bad);
    uassert_int_equal((rt_err_t)(rt_ubase_t)bad, -RT_EINVAL);
    for (int i = 0; i < 100 && gpio_hits < 10; i++)
        rt_thread_mdelay(2);
    uassert_int_equal(gpio_hits, 10);
    uassert_int_equal(gpio_nest, 1);
    uassert_int_equal(rt_pin_read(pin), PIN_HIGH);
    rt_pin_detach_irq(pin);
    sim_gpio_drive(pin, SIM_GPIO_RELEASE);
}

static void sim_gpio_testcase(void)
{
    UTEST_UNIT_RUN(test_pin_names);
    UTEST_UNIT_RUN(test_levels);
    UTEST_UNIT_RUN(test_edge_irqs);
    UTEST_UNIT_RUN(test_level_irqs);
    UTEST_UNIT_RUN(test_host_thread_drive);
}
UTEST_TC_EXPORT(sim_gpio_testcase, "sim.gpio", RT_NULL, RT_NULL, 10);

#endif /* RT_USING_UTEST */
